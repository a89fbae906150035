using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>A runspace of the real PowerShell engine with the STAGED SecureMFA_WIN_OTP module imported from (a copy of) its own folder.</summary>
    public sealed class WinOtpModuleSession : ModuleSession
    {
        public WinOtpModuleSession() : base(ManifestPath)
        {
        }

        public static string StagedModuleFolder => RepositoryPaths.Of("artifacts/module/SecureMFA_WIN_OTP");
        public static string ModuleFolder => ModuleCopy.Value;
        public static string ManifestPath => Path.Combine(ModuleFolder, "SecureMFA_WIN_OTP.psd1");

        private static readonly Lazy<string> ModuleCopy =
            new Lazy<string>(() => StagedModuleCopy.Make(StagedModuleFolder, "securemfa-winotp-module-under-test"));
    }

    public static class ChangeRecords
    {
        /// <summary>The records Install and Uninstall write, one per change (Kind, Name, Action, Detail).</summary>
        public static IEnumerable<(string Kind, string Name, string Action, string Detail)> Changes(this ScriptResult result) =>
            result.Output.Select(o => ((string)o.Properties["Kind"].Value, (string)o.Properties["Name"].Value, (string)o.Properties["Action"].Value, (string)o.Properties["Detail"].Value));
    }
}
