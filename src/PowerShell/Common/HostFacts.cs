using System;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// What Install and Uninstall need to know about the PowerShell and the computer that run them, all from one module
    /// function (the seam, <c>ThisModule.HostCommand</c>), so tests can present any host. Both modules read elevation and
    /// the .NET Framework release, and refuse alike; each reads its own further facts in its part of this class
    /// (&lt;module&gt;/Infrastructure/HostFacts.cs).
    /// </summary>
    internal sealed partial class HostFacts
    {
        /// <summary>.NET Framework 4.7.2's release number: what the adapter and the credential provider are built for.</summary>
        public const int NetFramework472Release = 461808;

        private HostFacts() { }

        public bool IsElevated { get; private set; }
        public int? NetFrameworkRelease { get; private set; }

        public static HostFacts Read(PSCmdlet cmdlet)
        {
            var facts = PlatformCommands.Invoke(cmdlet, ThisModule.HostCommand).FirstOrDefault();
            object? Value(string name) => facts?.Properties[name]?.Value;
            var host = new HostFacts
            {
                IsElevated = Value("IsElevated") is bool elevated && elevated,
                NetFrameworkRelease = int.TryParse(Value("NetFrameworkRelease")?.ToString(), out var release) ? release : (int?)null,
            };
            host.ReadModuleFacts(Value);
            return host;
        }

        /// <summary>The module's own facts, from the same seam object.</summary>
        partial void ReadModuleFacts(Func<string, object?> value);

        /// <summary>Stops the cmdlet unless it runs elevated; <paramref name="changes"/> says what needs it.</summary>
        public void RequireElevation(PSCmdlet cmdlet, string action, string changes)
        {
            if (!IsElevated)
                cmdlet.ThrowTerminatingError(Errors.Record($"{action} changes {changes}: run it in an elevated Windows PowerShell (Run as administrator).",
                    "ElevationRequired", ErrorCategory.PermissionDenied, null));
        }

        /// <summary>Stops the cmdlet unless .NET Framework 4.7.2 or later is installed, naming the version found.</summary>
        public void RequireNetFramework472(PSCmdlet cmdlet, string needsIt, string computer)
        {
            if ((NetFrameworkRelease ?? 0) < NetFramework472Release)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{needsIt} .NET Framework 4.7.2 or later (release {NetFramework472Release}); this {computer} has {NetFrameworkName(NetFrameworkRelease)}. " +
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
