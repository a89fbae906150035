using System;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// Runs changes while the AD FS service is stopped (it holds the adapter and the native library open), and starts it
    /// again whatever happens: a failed upgrade must not leave the farm node down.
    /// </summary>
    public static class AdfsServiceWindow
    {
        public static void Run(PSCmdlet cmdlet, AdfsFarm farm, Action changes)
        {
            cmdlet.WriteVerbose($"Stopping the AD FS service ({AdfsFarm.ServiceName}).");
            try { farm.StopService(); }
            catch (PlatformCommandException ex)
            {
                throw new InstallStepException(AdfsFarm.ServiceName, $"Stopping the AD FS service failed, so nothing was changed: {ex.InnerException?.Message}", ex);
            }

            try { changes(); }
            catch (Exception ex)
            {
                var startFailure = TryStart(cmdlet, farm);
                if (ex is PipelineStoppedException) throw;
                var target = (ex as InstallStepException)?.Target ?? AdfsFarm.ServiceName;
                var message = ex is InstallStepException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                throw new InstallStepException(target, message + (startFailure == null
                    ? " The AD FS service was started again."
                    : $" Starting the AD FS service again failed too ({startFailure}): start it with Start-Service {AdfsFarm.ServiceName}."), ex);
            }

            var failure = TryStart(cmdlet, farm);
            if (failure != null)
                throw new InstallStepException(AdfsFarm.ServiceName, $"The changes are in place, but starting the AD FS service failed: {failure}");
        }

        /// <summary>Starts the service; the reason when it could not.</summary>
        private static string? TryStart(PSCmdlet cmdlet, AdfsFarm farm)
        {
            cmdlet.WriteVerbose($"Starting the AD FS service ({AdfsFarm.ServiceName}).");
            try
            {
                farm.StartService();
                return null;
            }
            catch (PlatformCommandException ex)
            {
                return ex.InnerException?.Message ?? ex.Message;
            }
        }
    }
}
