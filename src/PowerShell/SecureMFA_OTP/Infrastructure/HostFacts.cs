using System;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// SecureMFA_OTP's part of the host facts (the shared part is src/PowerShell/Common/HostFacts.cs): the PowerShell
    /// edition and version, because Install and Uninstall run only in Windows PowerShell 5.1, where the AD FS cmdlets live.
    /// </summary>
    internal sealed partial class HostFacts
    {
        public string Edition { get; private set; } = "";
        public string Version { get; private set; } = "";

        partial void ReadModuleFacts(Func<string, object?> value)
        {
            Edition = value("PSEdition")?.ToString() ?? "";
            Version = value("PSVersion")?.ToString() ?? "";
        }

        /// <summary>Stops the cmdlet unless this is an elevated Windows PowerShell 5.1 (where the AD FS cmdlets live) on .NET Framework 4.7.2 or later.</summary>
        public void Require(PSCmdlet cmdlet, string action, bool netFramework)
        {
            if (!string.Equals(Edition, "Desktop", StringComparison.OrdinalIgnoreCase))
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} runs in Windows PowerShell 5.1, where the AD FS cmdlets live; this is PowerShell {Version} ({Edition} edition). " +
                    "Open an elevated Windows PowerShell (powershell.exe) on the AD FS server and run it there.",
                    "WindowsPowerShellRequired", ErrorCategory.InvalidOperation, Edition));
            RequireElevation(cmdlet, action, "the GAC, the AD FS service and the farm");
            if (netFramework) RequireNetFramework472(cmdlet, "The SecureMFA OTP adapter needs", "server");
        }
    }
}
