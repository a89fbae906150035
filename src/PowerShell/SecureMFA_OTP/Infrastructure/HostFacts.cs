using System;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// What Install and Uninstall need to know about the PowerShell that runs them: its edition, whether it is elevated,
    /// and the .NET Framework release installed. All three come from one module function, Get-SecureMfaOtpHost (the seam),
    /// so tests can present a Windows PowerShell 5.1 host.
    /// </summary>
    public sealed class HostFacts
    {
        public const string Command = "Get-SecureMfaOtpHost";

        /// <summary>.NET Framework 4.7.2's release number: what the adapter is built for and AD FS must run it on.</summary>
        public const int NetFramework472Release = 461808;

        private HostFacts(string edition, string version, bool elevated, int? release)
        {
            Edition = edition;
            Version = version;
            IsElevated = elevated;
            NetFrameworkRelease = release;
        }

        public string Edition { get; }
        public string Version { get; }
        public bool IsElevated { get; }
        public int? NetFrameworkRelease { get; }

        public static HostFacts Read(PSCmdlet cmdlet)
        {
            var facts = PlatformCommands.Invoke(cmdlet, Command).FirstOrDefault();
            string Text(string name) => facts?.Properties[name]?.Value?.ToString() ?? "";
            var elevated = facts?.Properties["IsElevated"]?.Value is bool b && b;
            int? release = int.TryParse(Text("NetFrameworkRelease"), out var r) ? r : (int?)null;
            return new HostFacts(Text("PSEdition"), Text("PSVersion"), elevated, release);
        }

        /// <summary>Stops the cmdlet unless this is an elevated Windows PowerShell 5.1 (where the AD FS cmdlets live) on .NET Framework 4.7.2 or later.</summary>
        public void Require(PSCmdlet cmdlet, string action, bool netFramework)
        {
            if (!string.Equals(Edition, "Desktop", StringComparison.OrdinalIgnoreCase))
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} runs in Windows PowerShell 5.1, where the AD FS cmdlets live; this is PowerShell {Version} ({Edition} edition). " +
                    "Open an elevated Windows PowerShell (powershell.exe) on the AD FS server and run it there.",
                    "WindowsPowerShellRequired", ErrorCategory.InvalidOperation, Edition));
            if (!IsElevated)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} changes the GAC, the AD FS service and the farm: run it in an elevated Windows PowerShell (Run as administrator).",
                    "ElevationRequired", ErrorCategory.PermissionDenied, null));
            if (netFramework && (NetFrameworkRelease ?? 0) < NetFramework472Release)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"The SecureMFA OTP adapter needs .NET Framework 4.7.2 or later (release {NetFramework472Release}); this server has {NetFrameworkName(NetFrameworkRelease)}. " +
                    "Install .NET Framework 4.8 from Microsoft, restart, and run it again.",
                    "NetFrameworkTooOld", ErrorCategory.NotInstalled, NetFrameworkRelease));
        }

        /// <summary>The .NET Framework version a release number stands for (the registry value NDP\v4\Full\Release).</summary>
        public static string NetFrameworkName(int? release)
        {
            if (release == null) return "no .NET Framework 4.5 or later";
            var known = new[]
            {
                (533320, "4.8.1"), (528040, "4.8"), (461808, "4.7.2"), (461308, "4.7.1"), (460798, "4.7"),
                (394802, "4.6.2"), (394254, "4.6.1"), (393295, "4.6"), (379893, "4.5.2"), (378675, "4.5.1"), (378389, "4.5"),
            };
            foreach (var (minimum, name) in known)
                if (release >= minimum) return $".NET Framework {name} (release {release})";
            return $"a .NET Framework release older than 4.5 ({release})";
        }
    }
}
