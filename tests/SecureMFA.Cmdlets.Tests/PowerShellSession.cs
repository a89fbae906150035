using System;
using System.IO;
using System.Linq;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>A runspace of the real PowerShell engine with the staged SecureMFA_OTP module imported from its manifest.</summary>
    public sealed class PowerShellSession : ModuleSession
    {
        /// <param name="host">A console that shows output and answers prompts (<see cref="AnsweringHost"/>); none by default.</param>
        /// <param name="recordAudit">Replace the audit seam with a recorder (<see cref="AuditTrail"/>); false leaves the module's own.</param>
        public PowerShellSession(bool importModule = true, System.Management.Automation.Host.PSHost? host = null, bool recordAudit = true)
            : base(importModule ? ManifestPath : null, host)
        {
            // The audit seam records here instead of the Application log (or, on this Linux machine, a system log that may
            // not exist): SupportAuditTests read it, and the other tests see no warning about a trail the host lacks.
            if (importModule && recordAudit) Run("$global:SecureMfaAudit = [System.Collections.Generic.List[string]]::new(); " +
                "function global:Write-SecureMfaOtpAuditEvent { param([string] $Message) $global:SecureMfaAudit.Add($Message) }");
        }

        /// <summary>What the support cmdlets wrote to the audit trail in this session, in order.</summary>
        public string[] AuditTrail => Run("$global:SecureMfaAudit").Output.Select(o => (string)o.BaseObject).ToArray();

        /// <summary>The module as the build staged it (what ships).</summary>
        public static string StagedModuleFolder => RepositoryPaths.Of("artifacts/module/SecureMFA_OTP");

        /// <summary>
        /// What the tests import: a copy of the staged module (<see cref="StagedModuleCopy"/>), with a stand-in native
        /// library in native/&lt;rid&gt;/ when the staged module has none yet.
        /// </summary>
        public static string ModuleFolder => ModuleCopy.Value;
        public static string ManifestPath => Path.Combine(ModuleFolder, "SecureMFA_OTP.psd1");

        /// <summary>The runtime identifier Install picks for the native library: the operating system's architecture.</summary>
        public static string NativeRid => "win-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

        private static readonly Lazy<string> ModuleCopy = new Lazy<string>(() =>
        {
            var copy = StagedModuleCopy.Make(StagedModuleFolder, "securemfa-module-under-test");
            var native = Path.Combine(copy, "native", NativeRid);
            if (!Directory.Exists(native))
            {
                Directory.CreateDirectory(native);
                File.WriteAllText(Path.Combine(native, "e_sqlite3.dll"), "stand-in for the native SQLite library " + Guid.NewGuid());
            }
            return copy;
        });
    }
}
