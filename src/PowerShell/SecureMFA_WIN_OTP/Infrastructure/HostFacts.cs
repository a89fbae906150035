using System;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// What Install and Uninstall need to know about this computer, all from one module function,
    /// Get-SecureMfaWinOtpHost (the seam): elevation, 64-bit Windows and PowerShell, the Windows build, the .NET
    /// Framework release LogonUI will load the provider on, the computer's name and SID, and its folders.
    /// </summary>
    public sealed class HostFacts
    {
        public const string Command = "Get-SecureMfaWinOtpHost";
        /// <summary>.NET Framework 4.7.2, what the provider is built for.</summary>
        public const int NetFramework472Release = 461808;
        /// <summary>Windows 10 (build 10240); Windows Server 2016 is build 14393.</summary>
        public const int MinimumWindowsBuild = 10240;

        public bool IsElevated { get; private set; }
        public bool Is64BitOperatingSystem { get; private set; }
        public bool Is64BitProcess { get; private set; }

        /// <summary>Windows' own processor architecture (AMD64, ARM64, x86), whatever a 64-bit PowerShell emulated on ARM64 reports of itself.</summary>
        public string OSArchitecture { get; private set; } = "";
        public int WindowsBuild { get; private set; }
        public int? NetFrameworkRelease { get; private set; }
        public string MachineName { get; private set; } = "";
        public string MachineSid { get; private set; } = "";
        public string ProgramFiles { get; private set; } = "";
        public string ProgramData { get; private set; } = "";

        public static HostFacts Read(PlatformCommands platform)
        {
            var facts = platform.Invoke(Command).FirstOrDefault();
            object? Value(string name) => facts?.Properties[name]?.Value;
            string Text(string name) => Value(name)?.ToString() ?? "";
            return new HostFacts
            {
                IsElevated = Value("IsElevated") is bool elevated && elevated,
                Is64BitOperatingSystem = Value("Is64BitOperatingSystem") is bool os && os,
                Is64BitProcess = Value("Is64BitProcess") is bool process && process,
                OSArchitecture = Text("OSArchitecture"),
                WindowsBuild = int.TryParse(Text("WindowsBuild"), out var build) ? build : 0,
                NetFrameworkRelease = int.TryParse(Text("NetFrameworkRelease"), out var release) ? release : (int?)null,
                MachineName = Text("MachineName"),
                MachineSid = Text("MachineSid"),
                ProgramFiles = Text("ProgramFiles"),
                ProgramData = Text("ProgramData"),
            };
        }

        /// <summary>
        /// The provider is built for x64 Windows only: on ARM64 Windows LogonUI is a native ARM64 process, which cannot load
        /// it, and an x64 PowerShell there runs emulated and calls itself 64-bit. Installing would leave a filter switching
        /// Windows' tiles off for a provider that never shows: refused before anything changes. (Uninstall is not refused.)
        /// </summary>
        public void RequireX64Windows(PSCmdlet cmdlet)
        {
            if (!string.Equals(OSArchitecture, "AMD64", StringComparison.OrdinalIgnoreCase))
                cmdlet.ThrowTerminatingError(Errors.Record("SecureMFA WIN OTP's credential provider is built for x64 Windows only; this computer's Windows is " +
                    (OSArchitecture.Length == 0 ? "of an unknown architecture" : OSArchitecture) + ", where LogonUI cannot load it. Nothing was installed.",
                    "X64WindowsRequired", ErrorCategory.NotImplemented, OSArchitecture));
        }

        /// <summary>Stops the cmdlet, naming what is missing, unless this is an elevated 64-bit PowerShell on 64-bit Windows 10 / Server 2016+ with .NET Framework 4.7.2+.</summary>
        public void Require(PSCmdlet cmdlet, string action)
        {
            if (!IsElevated)
                cmdlet.ThrowTerminatingError(Errors.Record(action + " changes HKLM, Program Files and the logon screen: run it in an elevated PowerShell (Run as administrator).",
                    "ElevationRequired", ErrorCategory.PermissionDenied, null));
            if (!Is64BitOperatingSystem || !Is64BitProcess)
                cmdlet.ThrowTerminatingError(Errors.Record(action + " needs 64-bit Windows and a 64-bit PowerShell (this is " + (Is64BitOperatingSystem ? "a 32-bit PowerShell on 64-bit Windows: use %SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" : "32-bit Windows, which SecureMFA WIN OTP does not support") + ").",
                    "X64Required", ErrorCategory.NotImplemented, null));
            if (WindowsBuild < MinimumWindowsBuild)
                cmdlet.ThrowTerminatingError(Errors.Record("SecureMFA WIN OTP needs Windows 10 or Windows Server 2016 or later; this is Windows build " + WindowsBuild + ".",
                    "WindowsTooOld", ErrorCategory.NotInstalled, WindowsBuild));
            if ((NetFrameworkRelease ?? 0) < NetFramework472Release)
                cmdlet.ThrowTerminatingError(Errors.Record("LogonUI loads the SecureMFA WIN OTP provider on .NET Framework 4.7.2 or later (release " + NetFramework472Release + "); this computer has " +
                    (NetFrameworkRelease.HasValue ? "release " + NetFrameworkRelease.Value : "no .NET Framework 4.5 or later") + ". Install .NET Framework 4.8 and run it again.",
                    "NetFrameworkTooOld", ErrorCategory.NotInstalled, NetFrameworkRelease));
            if (ProgramFiles.Length == 0)
                cmdlet.ThrowTerminatingError(Errors.Record("The Program Files folder of this computer is not known.", "ProgramFilesUnknown", ErrorCategory.ObjectNotFound, null));
        }
    }
}
