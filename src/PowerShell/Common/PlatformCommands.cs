using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// The seam for Windows-only side effects: each is a PowerShell command invoked by name in the caller's
    /// session (the AD FS module's cmdlets, the service cmdlets, and this module's host, GAC, event-source and
    /// file-protection functions). Tests define functions with the same names and see exactly what was called.
    /// </summary>
    public static class PlatformCommands
    {
        // A local scope, so the Stop preference reaches the command without changing the caller's session:
        // a command that only writes an error has failed, and must not be taken for done.
        private static readonly ScriptBlock Splat = ScriptBlock.Create("param($__name, $__parameters) $ErrorActionPreference = 'Stop'; & $__name @__parameters");

        /// <summary>Runs the command; a missing command stops the cmdlet, a failing one throws <see cref="PlatformCommandException"/>.</summary>
        public static Collection<PSObject> Invoke(PSCmdlet cmdlet, string command, IDictionary? parameters = null)
        {
            try
            {
                return cmdlet.InvokeCommand.InvokeScript(true, Splat, null, command, parameters ?? new Hashtable());
            }
            catch (CommandNotFoundException ex) when (string.Equals(ex.CommandName, command, System.StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"The command {command} is not available: run this on an AD FS server, in an elevated Windows PowerShell where the ADFS module is installed.",
                    "PlatformCommandMissing", ErrorCategory.ObjectNotFound, command, ex));
                throw;
            }
            catch (RuntimeException ex) when (!(ex is PipelineStoppedException))
            {
                throw new PlatformCommandException(command, ex);
            }
        }
    }
}
