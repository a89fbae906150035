using System;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// SecureMFA_WIN_OTP's part of the host facts (the shared part is src/PowerShell/Common/HostFacts.cs): 64-bit
    /// Windows and PowerShell, Windows' architecture and build, the computer's name and SID, and its folders, because the
    /// credential provider LogonUI loads is x64 only and installs under Program Files.
    /// </summary>
    internal sealed partial class HostFacts
    {
        /// <summary>Windows 10 (build 10240); Windows Server 2016 is build 14393.</summary>
        public const int MinimumWindowsBuild = 10240;

        public bool Is64BitOperatingSystem { get; private set; }
        public bool Is64BitProcess { get; private set; }

        /// <summary>Windows' own processor architecture (AMD64, ARM64, x86), whatever a 64-bit PowerShell emulated on ARM64 reports of itself.</summary>
        public string OSArchitecture { get; private set; } = "";
        public int WindowsBuild { get; private set; }
        public string MachineName { get; private set; } = "";
        public string MachineSid { get; private set; } = "";
        public string ProgramFiles { get; private set; } = "";
        public string ProgramData { get; private set; } = "";

        partial void ReadModuleFacts(Func<string, object?> value)
        {
            string Text(string name) => value(name)?.ToString() ?? "";
            Is64BitOperatingSystem = value("Is64BitOperatingSystem") is bool os && os;
            Is64BitProcess = value("Is64BitProcess") is bool process && process;
            OSArchitecture = Text("OSArchitecture");
            WindowsBuild = int.TryParse(Text("WindowsBuild"), out var build) ? build : 0;
            MachineName = Text("MachineName");
            MachineSid = Text("MachineSid");
            ProgramFiles = Text("ProgramFiles");
            ProgramData = Text("ProgramData");
        }

        /// <summary>
        /// The provider is built for x64 Windows only: on ARM64 Windows LogonUI is a native ARM64 process, which cannot load
        /// it, and an x64 PowerShell there runs emulated and calls itself 64-bit. Installing would leave a filter switching
        /// Windows' tiles off for a provider that never shows: refused before anything changes. (Uninstall is not refused.)
        /// </summary>
        public void RequireX64Windows(PSCmdlet cmdlet)
        {
            if (!string.Equals(OSArchitecture, "AMD64", StringComparison.OrdinalIgnoreCase))
            {
                var architecture = OSArchitecture.Length == 0 ? "of an unknown architecture" : OSArchitecture;
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"SecureMFA WIN OTP's credential provider is built for x64 Windows only; this computer's Windows is {architecture}, where LogonUI cannot load it. Nothing was installed.",
                    "X64WindowsRequired", ErrorCategory.NotImplemented, OSArchitecture));
            }
        }

        /// <summary>Stops the cmdlet, naming what is missing, unless this is an elevated 64-bit PowerShell on 64-bit Windows 10 / Server 2016+ with .NET Framework 4.7.2+.</summary>
        public void Require(PSCmdlet cmdlet, string action)
        {
            RequireElevation(cmdlet, action, "HKLM, Program Files and the logon screen");
            if (!Is64BitOperatingSystem || !Is64BitProcess)
            {
                var found = Is64BitOperatingSystem
                    ? @"a 32-bit PowerShell on 64-bit Windows: use %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe"
                    : "32-bit Windows, which SecureMFA WIN OTP does not support";
                cmdlet.ThrowTerminatingError(Errors.Record($"{action} needs 64-bit Windows and a 64-bit PowerShell (this is {found}).",
                    "X64Required", ErrorCategory.NotImplemented, null));
            }
            if (WindowsBuild < MinimumWindowsBuild)
                cmdlet.ThrowTerminatingError(Errors.Record($"SecureMFA WIN OTP needs Windows 10 or Windows Server 2016 or later; this is Windows build {WindowsBuild}.",
                    "WindowsTooOld", ErrorCategory.NotInstalled, WindowsBuild));
            RequireNetFramework472(cmdlet, "LogonUI loads the SecureMFA WIN OTP provider on", "computer");
            if (ProgramFiles.Length == 0)
                cmdlet.ThrowTerminatingError(Errors.Record("The Program Files folder of this computer is not known.", "ProgramFilesUnknown", ErrorCategory.ObjectNotFound, null));
        }
    }
}
