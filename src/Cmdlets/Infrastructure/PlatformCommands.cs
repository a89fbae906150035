using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// The seam for Windows-only side effects: each is a PowerShell command invoked by name in the caller's
    /// session (the AD FS module's cmdlets, Restart-Service, and this module's GAC and event-source
    /// functions). Tests define functions with the same names and see exactly what was called.
    /// </summary>
    public static class PlatformCommands
    {
        private static readonly ScriptBlock Splat = ScriptBlock.Create("param($__name, $__parameters) & $__name @__parameters");

        public static Collection<PSObject> Invoke(PSCmdlet cmdlet, string command, IDictionary? parameters = null)
        {
            try
            {
                return cmdlet.InvokeCommand.InvokeScript(false, Splat, null, command, parameters ?? new Hashtable());
            }
            catch (CommandNotFoundException ex)
            {
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"The command {command} is not available: run this on an AD FS server, in an elevated Windows PowerShell where the ADFS module is installed.",
                    "PlatformCommandMissing", ErrorCategory.ObjectNotFound, command, ex));
                throw;
            }
        }
    }
}
