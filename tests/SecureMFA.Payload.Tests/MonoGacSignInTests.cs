using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;
using Xunit.Abstractions;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The shipped net472 adapter payload, installed into a (Mono) GAC and loaded by its full strong name alone, as AD FS
    /// loads it, then driven through the AD FS interfaces by a .NET Framework host whose own folder holds nothing of ours.
    /// Catches what net10.0 tests cannot: a reference that binds to no GAC entry, and the net472 code paths themselves
    /// (PBKDF2, SQLite and its native library, QR, HttpListenerRequest).
    /// </summary>
    public class MonoGacSignInTests : IClassFixture<MonoGac>
    {
        private const string Passphrase = "gac host passphrase 7f3a9c";
        private const string OtpClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/authenticationmethod=http://schemas.microsoft.com/ws/2012/12/authmethod/otp";
        private readonly MonoGac _gac;
        private readonly ITestOutputHelper _log;

        public MonoGacSignInTests(MonoGac gac, ITestOutputHelper log)
        {
            _gac = gac;
            _log = log;
        }

        private static AssemblyFacts Adapter => AssemblyFacts.Read(StagedModule.Path("adapter", "SecureMFA.Adapter.dll"));

        private string Config()
        {
            var folder = Directory.CreateDirectory(Path.Combine(_gac.Root, "data-" + Guid.NewGuid().ToString("N"))).FullName;
            var path = Path.Combine(folder, "SecureMfaOtpProvider.json");
            // The QR may be shown only to the network the Web Application Proxy (the host's own loopback here) says the client is in.
            File.WriteAllText(path, $@"{{
  ""auth_mode"": ""SQLITE"",
  ""sqlite_path"": ""{Path.Combine(folder, "otp.db")}"",
  ""data_encryption"": ""true"",
  ""data_encryption_passphrase"": ""{Passphrase}"",
  ""ui_allow_qr_display_from_networks"": ""10.9.8.0/10.9.8.255;"",
  ""ui_trusted_proxies"": ""127.0.0.1/127.0.0.1""
}}");
            return path;
        }

        private static Dictionary<string, string> Facts(string output) =>
            output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": ") && !l.StartsWith("assembly: ") && !l.StartsWith("native: "))
                .GroupBy(l => l.Substring(0, l.IndexOf(": ")))
                .ToDictionary(g => g.Key, g => g.First().Substring(g.Key.Length + 2));

        private static List<(string Name, string Location)> Loaded(string output) =>
            output.Split('\n').Where(l => l.StartsWith("assembly: ")).Select(l => l.Substring(10).TrimEnd('\r').Split(" | "))
                .Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList();

        [Fact]
        public void AnEnrolmentAndTwoSignInsRunFromTheGacOnTheNet472Payload()
        {
            Assert.True(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.ProcessArchitecture == Architecture.X64,
                "the Mono GAC test runs on linux-x64, the platform whose native library the module ships besides win-x64");
            Assert.Equal(new[] { "SecureMFA.AdfsGacHost.exe" }, Directory.GetFiles(_gac.AppFolder).Select(Path.GetFileName));

            var run = _gac.Run(Adapter.Name.FullName, Config(), "signin", _gac.NativeParent);
            _log.WriteLine($"GAC install {_gac.InstallSeconds:F1} s, host run {run.Seconds:F1} s; placed by hand: {string.Join("; ", _gac.PlacedByHand)}");
            _log.WriteLine(run.Output);
            _log.WriteLine(run.Errors);
            Assert.True(run.ExitCode == 0, run.Output + run.Errors);
            var facts = Facts(run.Output);
            Assert.Equal("ok", facts["done"]);
            Assert.StartsWith("Mono ", facts["runtime"]);

            // Bound by strong name, from the private GAC.
            Assert.Equal($"{Adapter.Name.FullName} | {Path.Combine(_gac.GacFolder, "SecureMFA.Adapter", "1.0.0.0__" + Adapter.Token, "SecureMFA.Adapter.dll")}", facts["adapter"]);
            var shipped = Directory.GetFiles(StagedModule.Path("adapter"), "*.dll").Select(AssemblyFacts.Read).ToDictionary(a => a.Name.Name!);
            var loaded = Loaded(run.Output);
            foreach (var name in new[] { "SecureMFA.Adapter", "SecureMFA.Core", "SecureMFA.Otp", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core", "SQLitePCLRaw.provider.e_sqlite3", "QRCoder", "Microsoft.IdentityServer.Web" })
            {
                var assembly = loaded.SingleOrDefault(a => a.Name.StartsWith(name + ","));
                Assert.True(assembly.Name != null, $"{name} was not loaded");
                Assert.StartsWith(_gac.GacFolder + "/", assembly.Location);
                if (shipped.TryGetValue(name, out var staged)) Assert.Equal(staged.Name.FullName, assembly.Name);
            }
            Assert.DoesNotContain(loaded, a => a.Location.StartsWith(_gac.AppFolder) && !a.Location.EndsWith("SecureMFA.AdfsGacHost.exe"));

            // A real HttpListenerRequest, through a Web Application Proxy: the forwarded client address decides the QR.
            Assert.StartsWith("System.Net.HttpListenerRequest from 127.0.0.1:", facts["request"]);
            Assert.Equal("kind=enrol qr=data:image/png;base64 key-length=32 error=none", facts["begin1"]);
            Assert.Equal($"claims={OtpClaim} page=none", facts["end1"]);
            Assert.Equal("kind=code qr=none key-length=0 error=none", facts["begin2"]);
            // The page text itself is the browser tests' subject; here it is enough that the replay was named as one.
            Assert.StartsWith("claims=none page=kind=code qr=none key-length=0 error=That code was already used. Wait for the next code and enter it.", facts["end2-replayed"]);
            Assert.Equal($"claims={OtpClaim} page=none", facts["end2-next"]);

            // The native library came, by full path, from the folder the override names, and from nowhere else.
            var native = run.Output.Split('\n').Where(l => l.StartsWith("native: ") && l.TrimEnd().EndsWith("libe_sqlite3.so")).Select(l => l.Substring(8).TrimEnd()).ToList();
            Assert.Equal(new[] { Path.Combine(_gac.NativeParent, "linux-x64", "libe_sqlite3.so") }, native);

            // AD FS events: configuration, provider, two accepted codes and the refused replay; never the passphrase.
            foreach (var id in new[] { " 5550 ", " 5552 ", " 5556 ", " 5557 " }) Assert.Contains(id, run.Errors);
            Assert.DoesNotContain(" 5553 ", run.Errors);
            Assert.DoesNotContain(Passphrase, run.Output + run.Errors);
        }

        [Fact]
        public void WithoutTheNativeLibraryTheAdapterShowsAPageAndTheEventNamesEveryFolderTried()
        {
            var empty = Directory.CreateDirectory(Path.Combine(_gac.Root, "empty-" + Guid.NewGuid().ToString("N"))).FullName;
            var run = _gac.Run(Adapter.Name.FullName, Config(), "unavailable", empty);
            _log.WriteLine(run.Output + run.Errors);
            Assert.True(run.ExitCode == 0, run.Output + run.Errors);
            var facts = Facts(run.Output);
            Assert.Equal("ok", facts["done"]);
            Assert.StartsWith("kind=notice qr=none key-length=0 error=Verification is not available right now.", facts["begin"]);

            var failed = Assert.Single(run.Errors.Split('\n'), l => l.Contains(" 5553 "));
            Assert.Contains("libe_sqlite3.so for linux-x64", failed);
            Assert.Contains(Path.Combine(empty, "linux-x64") + " (SECUREMFA_OTP_NATIVE_DIR)", failed);
            var coreInGac = Path.Combine(_gac.GacFolder, "SecureMFA.Core", $"{StagedModule.Release}.0__{Adapter.Token}");
            Assert.Contains(Path.Combine(coreInGac, "native", "linux-x64") + " (beside SecureMFA.Core.dll)", failed);
            Assert.Contains(Path.Combine(_gac.GacFolder, "native", "linux-x64") + " (module root)", failed);
            Assert.DoesNotContain(Passphrase, run.Output + run.Errors);
        }
    }
}
