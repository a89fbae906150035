using System.Reflection;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The net472 build of SecureMFA.WinOtp.Core (the one a credential provider loads) running for real under Mono:
    /// tests/SecureMFA.WinOtp.MonoCheck exercises it with the same fakes and prints PASS/FAIL per check.
    /// </summary>
    public class MonoNet472Tests
    {
        private static readonly string[] Checks =
        {
            "decision-table", "who-must-use-a-code", "settings", "json-reader", "worked-example-signatures", "forged-accept-refused", "timeout-and-network",
            "pbkdf2-sha256-vectors", "vault-pbkdf2-600000", "vault-every-flipped-byte", "vault-rollback", "vault-lockout-expiry-clock", "vault-steps",
            "logon-online-offline-sync", "device-key-protected", "vault-lock", "tls-system-default", "offline-armed-without-reportresult",
        };

        [Fact]
        public async Task TheNet472BuildPassesItsChecksUnderMono()
        {
            var mono = RepoPaths.OnPath("mono");
            Assert.True(mono != null, "mono is not on PATH: install Debian's mono-runtime (scripts/install-test-deps.sh installs mono-runtime and mono-devel).");
            var folder = RepositoryPaths.Output("tests/SecureMFA.WinOtp.MonoCheck", "net472");
            var exe = Path.Combine(folder, "SecureMFA.WinOtp.MonoCheck.exe");
            Assert.True(File.Exists(exe), exe + " is not built (dotnet build SecureMFA.sln builds it).");
            // The assembly beside it is the net472 build of WinOtp.Core, byte for byte.
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Output("src/WinOtp/Core", "net472"), "SecureMFA.WinOtp.Core.dll")),
                File.ReadAllBytes(Path.Combine(folder, "SecureMFA.WinOtp.Core.dll")));

            var info = new ProcessStartInfo(mono!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            info.ArgumentList.Add(exe);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(600000), "the Mono check did not finish within 10 minutes");
            var all = output + await stderr;

            Assert.Contains("RUNTIME mono", output);
            var built = AssemblyName.GetAssemblyName(Path.Combine(RepositoryPaths.Output("src/WinOtp/Core", "net472"), "SecureMFA.WinOtp.Core.dll"));
            Assert.Contains("ASSEMBLY " + built.FullName, output);
            foreach (var check in Checks) Assert.True(output.Contains("PASS " + check + " ("), "check " + check + " did not pass:\n" + all);
            Assert.DoesNotContain("FAIL ", output);
            Assert.Equal(0, process.ExitCode);
        }
    }
}
