using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.MonoCheck
{
    /// <summary>Each check prints "PASS name" or "FAIL name: why"; the exit code is the number of failures.</summary>
    public static class Program
    {
        public static int Main()
        {
            var checks = new List<KeyValuePair<string, Action>>
            {
                Check("decision-table", DecisionTable),
                Check("who-must-use-a-code", WhoMustUseACode),
                Check("settings", Settings),
                Check("json-reader", Json),
                Check("worked-example-signatures", WorkedExample),
                Check("forged-accept-refused", ForgedAccept),
                Check("timeout-and-network", TimeoutAndNetwork),
                Check("pbkdf2-sha256-vectors", Pbkdf2Vectors),
                Check("vault-pbkdf2-600000", VaultWithShippedIterations),
                Check("vault-every-flipped-byte", VaultTamper),
                Check("vault-rollback", VaultRollback),
                Check("vault-lockout-expiry-clock", VaultLockoutExpiryClock),
                Check("vault-steps", VaultSteps),
                Check("logon-online-offline-sync", LogonFlow),
                Check("device-key-protected", DeviceKeyProtected),
                Check("vault-lock", VaultLock),
                Check("tls-system-default", TlsSystemDefault),
                Check("offline-armed-without-reportresult", OfflineArmedWithoutReportResult),
            };
            Console.WriteLine("RUNTIME " + (Type.GetType("Mono.Runtime") != null ? "mono" : ".NET Framework") + " " + Environment.Version);
            Console.WriteLine("ASSEMBLY " + typeof(LogonCoordinator).Assembly.FullName + " " + typeof(LogonCoordinator).Assembly.Location);
            var failures = 0;
            foreach (var check in checks)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    check.Value();
                    Console.WriteLine("PASS " + check.Key + " (" + watch.ElapsedMilliseconds + " ms)");
                }
                catch (Exception e)
                {
                    failures++;
                    Console.WriteLine("FAIL " + check.Key + ": " + e);
                }
            }
            return failures;
        }

        private static KeyValuePair<string, Action> Check(string name, Action action) => new KeyValuePair<string, Action>(name, action);

        private static void Expect(bool condition, string what)
        {
            if (!condition) throw new Exception("expected: " + what);
        }

        private static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual)) throw new Exception(what + ": expected " + expected + ", got " + actual);
        }

        /// <summary>
        /// The net472 PBKDF2 on the vectors of tests/SecureMFA.NetFx.Tests/Pbkdf2Tests.cs: under Mono on Linux the managed
        /// loop; run on Windows (.NET Framework) it is CNG, and then its output is also compared with the managed loop's.
        /// </summary>
        private static void Pbkdf2Vectors()
        {
            var vectors = new[]
            {
                ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"),
                ("pass\0word", "sa\0lt\0\0\0", 4096, "34e1a53710996d91632863bdf11fbcba"),
                ("Password", "NaClNaCl", 80000, "43d5f94d89bb00fa370edf06296bcf4987aa45f94d1204256e070ee1a032063a87ed78639d9e8f60fbae43ae9df56e61874cb6767b68aa1ea688c4d94c2074ba"),
                ("", "0123456789abcdef", 1, "9a8a8056e20d881a164805a7c7c966e5d0b830eceaf5bb335ce4d3ca0962a7ad"),
                ("Winter2026!corr\u00e8ct", "0123456789abcdef", 600000, "4b9541066175ba761f7705bd3e5608c646137a9648e402d5ff3b232a95a82fa9"),
            };
            var windows = Environment.OSVersion.Platform == PlatformID.Win32NT;
            Equal(windows ? "CNG BCryptDeriveKeyPBKDF2" : "managed Rfc2898DeriveBytes (.NET Framework)", Pbkdf2.Implementation, "implementation");
            foreach (var (password, salt, iterations, hex) in vectors)
            {
                var p = Encoding.UTF8.GetBytes(password);
                var s = Encoding.UTF8.GetBytes(salt);
                Equal(hex, LowerHex.Of(Pbkdf2.Sha256(p, s, iterations, hex.Length / 2)), password + "/" + salt + "/" + iterations);
                if (windows) Equal(hex, LowerHex.Of(Pbkdf2.FrameworkManagedSha256(p, s, iterations, hex.Length / 2)), "managed loop, " + password);
            }
        }

        private static void DecisionTable()
        {
            foreach (LogonScenario scenario in Enum.GetValues(typeof(LogonScenario)))
                foreach (SessionKind session in Enum.GetValues(typeof(SessionKind)))
                {
                    Expect(CodeRequirement.IsRequired(scenario, session, false), scenario + "/" + session + " without RDP only asks a code");
                    var expected = scenario == LogonScenario.Rdp || session != SessionKind.Console;
                    Equal(expected, CodeRequirement.IsRequired(scenario, session, true), scenario + "/" + session + " with RDP only");
                }
        }

        /// <summary>The net472 build of the per-account decision, the grace's clocks and REG_MULTI_SZ settings, with the logon flow's coordinator.</summary>
        private static void WhoMustUseACode()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", "win_anchordnsname", "adatum.labnet");
            registry.SetValue("", "win_api_endpoint", "https://awebapi.adatum.labnet/api/securemfaotp");
            registry.SetValue("", "win_excluded_accounts", new[] { @".\breakglass", "S-1-5-21-1-2-3-500" });
            registry.SetValue("", "win_enforced_groups", "S-1-5-21-1-2-3-3301;ADATUM\\MFA Pilot");
            var settings = SettingsReader.Read(registry).Settings;
            Expect(settings != null && settings.ExcludedAccounts.Count == 2 && settings.EnforcedGroups.Count == 2, "lists read from REG_MULTI_SZ and REG_SZ");
            var rules = new CodeRules(false, new SidList(new[] { "S-1-5-21-9-9-9-1001" }, new string[0]), SidList.Empty, new SidList(new[] { "S-1-5-21-1-2-3-3301" }, new string[0]), SidList.Empty, 15, SidList.Empty);
            Equal(CodeRule.ExcludedAccount, CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, new AccountFacts("S-1-5-21-9-9-9-1001", new[] { "S-1-5-21-1-2-3-3301" }), rules, null).Rule, "exclusion beats enforcement");
            Equal(CodeRule.NotInEnforcedGroup, CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, new AccountFacts("S-1-5-21-1-2-3-1105", new string[0]), rules, null).Rule, "not in an enforced group");
            var alice = new AccountFacts("S-1-5-21-1-2-3-1105", new[] { "S-1-5-21-1-2-3-3301" });
            var at = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);
            var signedIn = SessionMoment.FromRecord(alice.AccountSid, new SessionMoment(alice.AccountSid, 2, at, TimeSpan.FromHours(1), TimeSpan.FromHours(1)).ToRecord());
            var five = TimeSpan.FromMinutes(5);
            var now = new SessionMoment(alice.AccountSid, 2, at + five, TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1) + five);
            Equal(CodeRule.UnlockGrace, CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, alice, rules, new GraceFacts(signedIn, now, false)).Rule, "unlock within the grace (record read back)");
            var slept = new SessionMoment(alice.AccountSid, 2, at + five, TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1));
            Expect(CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, alice, rules, new GraceFacts(signedIn, slept, false)).Required, "no grace after a sleep");
            Expect(CodeDecision.Decide(LogonScenario.CredUI, SessionKind.Console, alice, rules, new GraceFacts(signedIn, now, true)).Required, "no grace for CredUI");
        }

        private static void Settings()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", "win_rdponly", "1");
            registry.SetValue("", "win_api_timeout", "soon");
            var broken = SettingsReader.Read(registry);
            Expect(!broken.IsValid && broken.RdpOnly, "win_rdponly read even when other values are broken");
            Expect(broken.Errors.Any(e => e.StartsWith("win_api_timeout: 'soon'")), "the bad value is named");
            registry.SetValue("", "win_api_timeout", 2000);
            registry.SetValue("", "win_anchordnsname", "adatum.labnet");
            registry.SetValue("", "win_api_endpoint", "http://awebapi.adatum.labnet/api");
            Expect(SettingsReader.Read(registry).Errors.Any(e => e.Contains("uses http://")), "http refused off loopback");
            registry.SetValue("", "win_api_endpoint", "http://127.0.0.1:5081/api/securemfaotp");
            Equal(2000, SettingsReader.Read(registry).Settings!.ApiTimeoutMs, "timeout");
        }

        private static void Json()
        {
            var json = JsonReader.ParseObject(Encoding.UTF8.GetBytes("{\"a\":\"x\\u00e9\",\"n\":-12,\"o\":{\"b\":[true,null]}}"));
            Equal("x\u00e9", json.String("a"), "string");
            Equal(-12L, json.Int64("n"), "number");
            try
            {
                JsonReader.ParseObject(Encoding.UTF8.GetBytes("{\"result\":\"reject\",\"result\":\"accept\"}"));
                throw new Exception("a duplicate property was accepted");
            }
            catch (JsonFormatException) { }
        }

        private static readonly byte[] DocumentKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        private const string DocumentNonce = "EBESExQVFhcYGRobHB0eHw==";

        private static void WorkedExample()
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(200, "{\"result\":\"accept\",\"lockedUntil\":null,\"serverTime\":1764500001,\"offline\":null}", signature: "KYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw="));
            using (var client = new WebApiClient(ApiEndpoint.Parse(FakeWebApi.Endpoint), handler, TimeSpan.FromSeconds(5), VariableClock.AtDocumentTime(), () => DocumentNonce))
            {
                var reply = client.VerifyAsync(new DeviceCredentials("dev1", DocumentKey), new VerifyRequest("alice@adatum.labnet", "287082", LogonScenario.Rdp, "PC1")).GetAwaiter().GetResult();
                Equal("{\"upn\":\"alice@adatum.labnet\",\"code\":\"287082\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offline\":false}", handler.Last!.BodyText, "request body");
                Equal("NscokOgubl02jjKYiySHXaTBfqlV6TEGaMaGu+w8+EA=", handler.Last.Headers[ApiHeaders.Signature], "request signature");
                Equal(ApiReplyKind.Answered, reply.Kind, "the document's signed reply");
                Equal(VerifyResult.Accept, reply.Answer!.Result, "result");
            }
            var package = new OfflinePackage { Upn = "alice@adatum.labnet", Issuer = "Adatum", ValidUntil = 1767092001, MaxFailures = 5, LockoutMinutes = 5, LastStep = 58816666 };
            package.WrappedSecret = OfflineSecretWrap.Wrap(DocumentKey, package, OfflineSecret.Derive(Encoding.ASCII.GetBytes("12345678901234567890"), "dev1"), Enumerable.Range(0x20, 16).Select(i => (byte)i).ToArray());
            Equal("ICEiIyQlJicoKSorLC0uLwRg9bpiOunPtstvuzaNcniu6fcJc8CHXO/tQGJXCKfgRzWynT1U+SivDT6w4Nd4siZ8X60SFwdw+nBl4GgiDpY=", package.WrappedSecret, "offline wrap");
        }

        private static void ForgedAccept()
        {
            var h = new WinOtpHarness();
            var device = h.Register();
            foreach (var mode in new[] { FakeApiMode.ForgeAccept, FakeApiMode.StripSignature })
            {
                h.Api.Mode = mode;
                using (var client = h.Client())
                {
                    var reply = client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, h.Code(), LogonScenario.Rdp, "PC1")).GetAwaiter().GetResult();
                    Equal(ApiReplyKind.Unreachable, reply.Kind, mode + " is unreachable, not an answer");
                }
            }
        }

        private static void TimeoutAndNetwork()
        {
            var h = new WinOtpHarness();
            var device = h.Register();
            h.Api.Mode = FakeApiMode.Hang;
            using (var client = h.Client(300))
                Equal((ApiFailure?)ApiFailure.Timeout, client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, "123456", LogonScenario.Rdp, "PC1")).GetAwaiter().GetResult().Failure, "hang");
            h.Api.Mode = FakeApiMode.Down;
            using (var client = h.Client())
                Equal((ApiFailure?)ApiFailure.Network, client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, "123456", LogonScenario.Rdp, "PC1")).GetAwaiter().GetResult().Failure, "down");
        }

        private static (WinOtpHarness H, DeviceCredentials Device, OfflineVault Vault) StoredVault(int iterations = 1000)
        {
            var h = new WinOtpHarness(iterations);
            var device = h.Register();
            var package = new OfflinePackage
            {
                Upn = WinOtpHarness.Upn, ValidUntil = h.Clock.UnixSeconds + 30 * 86400L, MaxFailures = 5, LockoutMinutes = 5,
                LastStep = TestCodes.Step(h.Clock.UtcNow),
            };
            package.WrappedSecret = OfflineSecretWrap.Wrap(device.Key, package, WinOtpHarness.Secret);
            var vault = h.OfflineVault();
            vault.StoreForPassword(WinOtpHarness.Upn, device, package, WinOtpHarness.Secret, h.Clock.UnixSeconds, WinOtpHarness.Password, "Adatum offline (PC1)");
            return (h, device, vault);
        }

        private static string CodeNow(WinOtpHarness h, int steps = 0) => TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(h.Clock.UtcNow) + steps);

        private static OfflineOutcome Verify(WinOtpHarness h, DeviceCredentials device, OfflineVault vault, string code, string password = WinOtpHarness.Password) =>
            vault.Verify(WinOtpHarness.Upn, device, password, code, h.Policy()).Outcome;

        private static void VaultWithShippedIterations()
        {
            var (h, device, vault) = StoredVault(PasswordSeal.DefaultIterations);
            Expect(Encoding.UTF8.GetString(h.Vault.Files.Values.Single()).Contains("\niterations 600000\n"), "600,000 iterations stored");
            h.Clock.Advance(TimeSpan.FromHours(1));
            Equal(OfflineOutcome.Accepted, Verify(h, device, vault, CodeNow(h)), "the right password opens it");
        }

        private static void VaultTamper()
        {
            var (h, device, vault) = StoredVault();
            var name = h.Vault.Files.Keys.Single();
            var original = h.Vault.Files[name];
            h.Clock.Advance(TimeSpan.FromMinutes(5));
            var code = CodeNow(h);
            for (var i = 0; i < original.Length; i++)
            {
                var altered = (byte[])original.Clone();
                altered[i] ^= 0x01;
                h.Vault.Files[name] = altered;
                Equal(OfflineOutcome.Tampered, Verify(h, device, vault, code), "byte " + i + " flipped");
            }
            h.Vault.Files[name] = original;
            Equal(OfflineOutcome.Accepted, Verify(h, device, vault, code), "the original still opens");
        }

        private static void VaultRollback()
        {
            var (h, device, vault) = StoredVault();
            var name = h.Vault.Files.Keys.Single();
            var copy = h.Vault.Files[name];
            h.Clock.Advance(TimeSpan.FromMinutes(5));
            for (var i = 0; i < 5; i++) Verify(h, device, vault, "000000");
            Equal(OfflineOutcome.Locked, Verify(h, device, vault, CodeNow(h)), "locked");
            h.Vault.Files[name] = copy;
            Equal(OfflineOutcome.RolledBack, Verify(h, device, vault, CodeNow(h)), "an older copy");
            h.Vault.Files.Clear();
            Equal(OfflineOutcome.NoVault, Verify(h, device, vault, CodeNow(h)), "deleted");
        }

        private static void VaultLockoutExpiryClock()
        {
            var (h, device, vault) = StoredVault();
            var synced = h.Clock.UtcNow;
            h.Clock.UtcNow = synced.AddSeconds(-301);
            Equal(OfflineOutcome.ClockBehind, Verify(h, device, vault, CodeNow(h)), "clock rolled back");
            h.Clock.UtcNow = synced.AddMinutes(10);
            for (var i = 0; i < 4; i++) Equal(OfflineOutcome.Rejected, Verify(h, device, vault, "000000"), "wrong code " + i);
            Equal(OfflineOutcome.Rejected, Verify(h, device, h.OfflineVault(), "000000"), "fifth wrong code");
            Equal(OfflineOutcome.Locked, Verify(h, device, h.OfflineVault(), CodeNow(h)), "locked after a reboot");
            h.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
            Equal(OfflineOutcome.Accepted, Verify(h, device, vault, CodeNow(h)), "after the lock");
            h.Clock.UtcNow = synced.AddDays(7).AddSeconds(1);
            Equal(OfflineOutcome.Expired, Verify(h, device, vault, CodeNow(h)), "after valid_days");
        }

        private static void VaultSteps()
        {
            var (h, device, vault) = StoredVault();
            h.Clock.Advance(TimeSpan.FromHours(1));
            Equal(OfflineOutcome.Rejected, Verify(h, device, vault, CodeNow(h, -2)), "two steps behind");
            Equal(OfflineOutcome.Accepted, Verify(h, device, vault, CodeNow(h, -1)), "one step behind");
            Equal(OfflineOutcome.Replay, Verify(h, device, vault, CodeNow(h, -1)), "the same step again");
            Equal(OfflineOutcome.Accepted, Verify(h, device, vault, CodeNow(h, 1)), "one step ahead");
            Equal(OfflineOutcome.Replay, Verify(h, device, vault, CodeNow(h)), "a step before the last accepted one");
        }

        private static void LogonFlow()
        {
            var h = new WinOtpHarness();
            h.Register();
            var accepted = h.SignInAndAccept(h.Code());
            Equal(LogonOutcome.Accepted, accepted.Outcome, "online");
            Equal(LogonOutcome.Replay, h.SignIn(h.Code()).Outcome, "replayed online");
            h.Api.Mode = FakeApiMode.Down;
            h.Clock.Advance(TimeSpan.FromHours(2));
            Equal(LogonOutcome.AcceptedOffline, h.SignIn(h.OfflineCode()).Outcome, "offline");
            Equal(LogonOutcome.Rejected, h.SignIn(h.OfflineCode(1), "changed password").Outcome, "offline with another password");
            h.Api.Mode = FakeApiMode.Normal;
            h.NextStep();
            h.NextStep();
            Equal(LogonOutcome.Synced, h.Coordinator().SyncForOfflineAsync("ADATUM\\alice", h.Code()).GetAwaiter().GetResult().Outcome, "sync");
            var all = h.Events.All;
            Expect(!all.Contains(WinOtpHarness.Password) && !all.Contains(h.Api.Bootstrap), "no secret in events");
        }

        /// <summary>A CLR hosted by LogonUI starts with the legacy protocol list: the client hands the choice to the OS.</summary>
        private static void TlsSystemDefault()
        {
            var before = System.Net.ServicePointManager.SecurityProtocol;
            try
            {
                System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.Tls;
                using (ApiHttpHandler.Create(new WinOtpHarness().Settings())) { }
                Equal(System.Net.SecurityProtocolType.SystemDefault, System.Net.ServicePointManager.SecurityProtocol, "SecurityProtocol after creating the client's handler");
            }
            finally { System.Net.ServicePointManager.SecurityProtocol = before; }
        }

        /// <summary>LogonUI never reports Windows' verdict: the online accept already armed offline sign-in.</summary>
        private static void OfflineArmedWithoutReportResult()
        {
            var h = new WinOtpHarness();
            h.Register();
            Equal(LogonOutcome.Accepted, h.SignIn(h.Code()).Outcome, "online, no ReportResult");
            h.Api.Mode = FakeApiMode.Down;
            h.Clock.Advance(TimeSpan.FromHours(2));
            Equal(LogonOutcome.AcceptedOffline, h.SignIn(h.OfflineCode()).Outcome, "offline afterwards");
        }

        /// <summary>The device key lives in a key with its own ACL; one others can open is not used.</summary>
        private static void DeviceKeyProtected()
        {
            var h = new WinOtpHarness();
            h.Register();
            Expect(h.Registry.ProtectedKeys.SequenceEqual(new[] { SettingNames.DeviceKeyName }), "registration protects the Device key");
            Expect(h.Registry.GetValue("", SettingNames.DeviceId) == null && h.Registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId) != null, "the device id is in the Device key only");
            Equal(LogonOutcome.Accepted, h.SignIn(h.Code()).Outcome, "a protected key signs");
            h.Registry.Grant(SettingNames.DeviceKeyName, "ADATUM\\eve");
            h.NextStep();
            Equal(LogonOutcome.NotConfigured, h.SignIn(h.Code()).Outcome, "a key others can open is not used");
        }

        /// <summary>The lock file of the net472 build (in-process here; between processes it is Windows' sharing check), and Busy.</summary>
        private static void VaultLock()
        {
            var folder = new VaultFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "winotp-mono-lock-" + Guid.NewGuid().ToString("N")));
            try
            {
                var first = folder.TryLock("a.vault", TimeSpan.Zero);
                Expect(first != null, "the free lock is taken");
                Expect(folder.TryLock("a.vault", TimeSpan.FromMilliseconds(100)) == null, "a held lock is not taken twice");
                first!.Dispose();
                using (var again = folder.TryLock("a.vault", TimeSpan.Zero)) Expect(again != null, "a released lock is taken again");
            }
            finally { System.IO.Directory.Delete(folder.Path, true); }

            var h = new WinOtpHarness();
            h.Register();
            h.SignInAndAccept(h.Code());
            h.Api.Mode = FakeApiMode.Down;
            h.NextStep();
            var platform = h.Platform();
            platform.VaultLockWait = TimeSpan.FromMilliseconds(50);
            using (h.Vault.TryLock(VaultFileName.For(WinOtpHarness.Upn), TimeSpan.Zero))
                Equal(LogonOutcome.Unavailable, new LogonCoordinator(platform).SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, "000000")).GetAwaiter().GetResult().Outcome, "busy");
            Equal(0, h.OfflineVault().Describe(WinOtpHarness.Upn, h.Device()).Failures, "nothing counted while busy");
        }
    }
}
