using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// The provider, its credentials and the filter called as LogonUI calls them: tests/SecureMFA.WinOtp.NativeCaller/caller.c,
    /// built here with gcc against Debian's Mono embedding API (libmono-2.0-dev), loads the net472 build under Mono and
    /// from then on calls only through vtables, with a native Password provider, credential, event sinks and user
    /// array whose reference counts it checks once LogonUI has let go (before any garbage collection). One run, one
    /// test result per check the program prints.
    /// </summary>
    public class NativeCallerTests
    {
        public static readonly string[] Checks =
        {
            "logon-tile-fields-and-events",
            "field-options-password-credential-without-them",
            "get-serialization-with-the-code",
            "get-serialization-with-a-wrong-code",
            "get-serialization-without-a-code",
            "provider-comes-back-after-unadvise",
            "scenario-CPUS_INVALID", "scenario-CPUS_LOGON", "scenario-CPUS_UNLOCK_WORKSTATION", "scenario-CPUS_CHANGE_PASSWORD",
            "scenario-CPUS_CREDUI", "scenario-CPUS_CREDUI-generic", "scenario-CPUS_PLAP",
            "filter-update-remote-credential",
            "no-tile-never-creation-fails-CPUS_LOGON", "no-tile-never-creation-fails-CPUS_UNLOCK_WORKSTATION", "no-tile-never-creation-fails-CPUS_CREDUI",
            "no-tile-never-query-interface-fails-CPUS_LOGON", "no-tile-never-query-interface-fails-CPUS_UNLOCK_WORKSTATION", "no-tile-never-query-interface-fails-CPUS_CREDUI",
            "no-tile-never-set-usage-scenario-fails-CPUS_LOGON", "no-tile-never-set-usage-scenario-fails-CPUS_UNLOCK_WORKSTATION", "no-tile-never-set-usage-scenario-fails-CPUS_CREDUI",
            "core-fails-filter-and-provider-agree-CPUS_LOGON", "core-fails-filter-and-provider-agree-CPUS_UNLOCK_WORKSTATION", "core-fails-filter-and-provider-agree-CPUS_CREDUI",
            "parameterless-constructors-as-com-creates-them",
        };

        private static readonly Lazy<(int ExitCode, string Output)> Run = new Lazy<(int, string)>(BuildAndRun);

        public static TheoryData<string> CheckNames()
        {
            var data = new TheoryData<string>();
            foreach (var check in Checks) data.Add(check);
            return data;
        }

        [Theory]
        [MemberData(nameof(CheckNames))]
        public void EachCheckOfTheNativeCallerPasses(string check)
        {
            var (_, output) = Run.Value;
            Assert.Contains("RUNTIME mono ", output);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("PASS " + check, StringComparison.Ordinal) || l.StartsWith("FAIL " + check + ":", StringComparison.Ordinal));
            Assert.True(line != null, "caller.c did not report " + check + ":\n" + output);
            Assert.True(line!.Trim() == "PASS " + check, line);
        }

        [Fact]
        public void TheNativeCallerRanEveryCheckAndExitedWithItsFailureCount()
        {
            var (exitCode, output) = Run.Value;
            var reported = output.Split('\n').Where(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal))
                .Select(l => l.Substring(5).Split(':')[0].Trim()).ToArray();
            Assert.Equal(Checks, reported);
            var failed = output.Split('\n').Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal));
            Assert.True(output.Contains("FAILURES " + failed + "\n"), output);
            Assert.Equal(failed, exitCode);
        }

        private static (int, string) BuildAndRun()
        {
            var root = Path.GetFullPath(Path.Combine(ShippedAssemblyTests.Net472Folder, "..", "..", "..", "..", "..", ".."));
            var configuration = new DirectoryInfo(ShippedAssemblyTests.Net472Folder).Parent!.Name;
            var folder = Path.Combine(root, "tests", "SecureMFA.WinOtp.NativeCaller", "bin", configuration, "net472");
            Assert.True(File.Exists(Path.Combine(folder, "SecureMFA.WinOtp.NativeCaller.dll")), folder + " has no SecureMFA.WinOtp.NativeCaller.dll (dotnet build SecureMFA.sln builds it).");
            // The entry's copy of the provider is the shipped net472 build, byte for byte.
            Assert.Equal(File.ReadAllBytes(Path.Combine(ShippedAssemblyTests.Net472Folder, "SecureMFA.WinOtp.CredentialProvider.dll")),
                File.ReadAllBytes(Path.Combine(folder, "SecureMFA.WinOtp.CredentialProvider.dll")));

            var flags = Execute("pkg-config", new[] { "--cflags", "--libs", "mono-2" }, folder, 60);
            Assert.True(flags.ExitCode == 0, "pkg-config finds no mono-2: install Debian's libmono-2.0-dev (scripts/install-test-deps.sh does).\n" + flags.Output);
            var program = Path.Combine(Path.GetTempPath(), "securemfa-native-caller-" + Guid.NewGuid().ToString("N"));
            var gcc = new List<string> { "-std=c11", "-Wall", "-Wextra", "-Werror", "-O1", "-o", program, Path.Combine(root, "tests", "SecureMFA.WinOtp.NativeCaller", "caller.c") };
            gcc.AddRange(flags.Output.Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            var built = Execute("gcc", gcc, folder, 120);
            Assert.True(built.ExitCode == 0, "gcc could not build caller.c:\n" + built.Output);
            try { return Execute(program, new[] { folder }, folder, 300); }
            finally { File.Delete(program); }
        }

        private static (int ExitCode, string Output) Execute(string file, IEnumerable<string> arguments, string directory, int seconds)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(seconds * 1000))
            {
                process.Kill(true);
                throw new TimeoutException(file + " did not finish within " + seconds + " s:\n" + stdout);
            }
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
