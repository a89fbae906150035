using System.Management.Automation;
using System;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Base of the WEB API device cmdlets: the configuration and store of the support cmdlets, plus the device registry beside the users.</summary>
    public abstract class DeviceRegistryCmdlet : OtpStoreCmdlet
    {
        protected IDeviceRegistry Devices { get; private set; } = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Opened now, so a registry that cannot open stops the cmdlet before its first device; the deployment closes it.
            Devices = Open(() => Deployment.Devices);
        }

        /// <summary>Runs a registry operation: a store that is down stops the pipeline.</summary>
        protected void ForDevice(Action action)
        {
            try { action(); }
            catch (StoreUnavailableException ex) { ThrowTerminatingError(StoreErrors.Record(Config, ex)); }
        }
    }

    /// <summary>The ErrorRecords of the device cmdlets.</summary>
    public static class DeviceErrors
    {
        public static ErrorRecord NotFound(string id) =>
            Errors.Record($"No WEB API device \"{id}\" is registered (ids are 32 lower-case hex digits; Get-xOTP_Device lists them).", "DeviceNotFound", ErrorCategory.ObjectNotFound, id);
    }
}
