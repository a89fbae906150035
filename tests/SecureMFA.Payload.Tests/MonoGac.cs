using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// A private Mono GAC (MONO_GAC_PREFIX) holding the staged adapter/ payload and the AD FS reference assembly, and
    /// the AD FS stand-in (tests/SecureMFA.AdfsGacHost) in a folder of its own, run under mono. Built once per test class.
    /// </summary>
    public sealed class MonoGac : IDisposable
    {
        /// <summary>Microsoft's own strong-name keys: the identity of its framework-style NuGet assemblies.</summary>
        private static readonly string[] MicrosoftTokens = { "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51" };

        public MonoGac()
        {
            Mono = Tool("mono");
            GacUtil = Tool("gacutil");
            Root = Directory.CreateTempSubdirectory("securemfa-monogac-").FullName;
            Prefix = System.IO.Path.Combine(Root, "prefix");
            GacFolder = System.IO.Path.Combine(Prefix, "lib", "mono", "gac");
            AppFolder = System.IO.Path.Combine(Root, "app");
            HostExe = System.IO.Path.Combine(AppFolder, "SecureMFA.AdfsGacHost.exe");
            NativeParent = System.IO.Path.Combine(Root, "installed-native");
            try { InstallSeconds = Prepare(); }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>Fills the GAC, the host's folder and the native folder; returns the seconds the GAC installs took.</summary>
        private double Prepare()
        {
            Directory.CreateDirectory(AppFolder);
            var clock = Stopwatch.StartNew();
            foreach (var file in Directory.GetFiles(StagedModule.Path("adapter"), "*.dll").OrderBy(f => f))
                Install(file, mayPlaceByHand: false);
            Install(System.IO.Path.Combine(StagedModule.RepoRoot, "src", "Ref", "bin", StagedModule.Configuration, "net472", "Microsoft.IdentityServer.Web.dll"), mayPlaceByHand: true);
            var installSeconds = clock.Elapsed.TotalSeconds;

            // The host's folder holds the host and nothing else: whatever it loads of ours must come from the GAC.
            var host = System.IO.Path.Combine(StagedModule.RepoRoot, "tests", "SecureMFA.AdfsGacHost", "bin", StagedModule.Configuration, "net472", "SecureMFA.AdfsGacHost.exe");
            if (!File.Exists(host)) throw new InvalidOperationException($"{host} is not built: build the solution first.");
            File.Copy(host, HostExe);

            // The staged native/ tree, where the installer would put it; the host finds it only through the override.
            foreach (var file in Directory.GetFiles(StagedModule.Path("native"), "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(NativeParent, System.IO.Path.GetRelativePath(StagedModule.Path("native"), file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            return installSeconds;
        }

        public string Mono { get; }
        public string GacUtil { get; }
        public string Root { get; }
        public string Prefix { get; }
        public string GacFolder { get; }
        public string AppFolder { get; }
        public string HostExe { get; }
        public string NativeParent { get; }
        public double InstallSeconds { get; }

        /// <summary>Assemblies gacutil refused because Mono cannot verify their signature, and which were placed in the GAC layout by hand.</summary>
        public List<string> PlacedByHand { get; } = new List<string>();

        /// <summary>Runs the host under mono: only the private GAC and the given native folder are offered.</summary>
        public (int ExitCode, string Output, string Errors, double Seconds) Run(string adapterFullName, string configPath, string mode, string nativeParent)
        {
            var start = new ProcessStartInfo(Mono) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppFolder };
            foreach (var argument in new[] { HostExe, adapterFullName, configPath, mode }) start.ArgumentList.Add(argument);
            start.Environment["MONO_GAC_PREFIX"] = Prefix;
            start.Environment["SECUREMFA_OTP_NATIVE_DIR"] = nativeParent;
            start.Environment.Remove("MONO_PATH");
            start.Environment.Remove("LD_LIBRARY_PATH");
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the Mono host did not finish within 120 s: " + output.Result + errors.Result);
            }
            return (process.ExitCode, output.Result, errors.Result, clock.Elapsed.TotalSeconds);
        }

        private void Install(string file, bool mayPlaceByHand)
        {
            var (exitCode, text) = Execute(GacUtil, "-i", file, "-root", System.IO.Path.Combine(Prefix, "lib"));
            if (exitCode == 0) return;
            var facts = AssemblyFacts.Read(file);
            // Mono's gacutil verifies each signature itself and cannot verify some of Microsoft's signed packages
            // (System.Numerics.Vectors, System.Runtime.CompilerServices.Unsafe: "delay-signed"), nor, by design, the
            // public-signed AD FS reference assembly. Only those go into the GAC layout by hand: a Microsoft key and
            // a header that says the file is signed. Anything else refused is a real failure.
            var signedByMicrosoft = MicrosoftTokens.Contains(facts.Token) && facts.StrongNameSigned;
            if (!text.Contains("delay-signed", StringComparison.Ordinal) || !(mayPlaceByHand || signedByMicrosoft))
                throw new InvalidOperationException($"gacutil refused {file}: {text}");
            var name = facts.Name;
            var folder = System.IO.Path.Combine(GacFolder, name.Name!, $"{name.Version}_{name.CultureName}_{facts.Token}");
            Directory.CreateDirectory(folder);
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
            PlacedByHand.Add(name.FullName);
        }

        private static (int, string) Execute(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + errors.Result);
        }

        private static string Tool(string name)
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
                .Select(folder => System.IO.Path.Combine(folder, name)).FirstOrDefault(File.Exists);
            return found ?? throw new InvalidOperationException($"'{name}' is not installed: scripts/install-test-deps.sh installs Mono (mono-runtime, mono-devel).");
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }
}
