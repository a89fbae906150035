using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Tests.Fakes;
using SecureMFA.WinOtp.Settings;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>The simulator driven as a script would drive it (answers on standard input), in process against the fake API.</summary>
    public sealed class LogonSimulatorTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-sim-tests", Guid.NewGuid().ToString("N"));
        private readonly WinOtpHarness _h = new WinOtpHarness();

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private async Task<(int Exit, string Output, string Error)> Run(string stdin, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var all = new[] { "--state", _state, "--machine", "PC1" }.Concat(args).ToArray();
            var exit = await SimulatorApp.RunAsync(all, new StringReader(stdin), output, error, false, _ => _h.Api, _h.Clock);
            return (exit, output.ToString(), error.ToString());
        }

        [Fact]
        public async Task RegisterOnceSignInOnlineThenOfflineWhenTheApiIsDown()
        {
            var first = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--offline-days", "7");
            Assert.Equal(0, first.Exit);
            Assert.Contains("Registered as device dev-1-", first.Output);
            Assert.Contains("Code accepted by the SecureMFA WEB API.", first.Output);
            Assert.Contains("Offline sign-in data for alice@adatum.labnet is kept", first.Output);
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, first.Output);

            // The bootstrap value is nowhere in the state; the device key only under the simulated DPAPI.
            foreach (var file in Directory.GetFiles(_state, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(_h.Api.Bootstrap, File.ReadAllText(file));
            Assert.True(File.Exists(Path.Combine(_state, "registry.json")));
            Assert.Single(Directory.GetFiles(Path.Combine(_state, "vault"), "*.vault"));
            Assert.Contains("5556 Information OTP ok for alice@adatum.labnet (rdp, online) on PC1.", File.ReadAllText(Path.Combine(_state, "events.log")));

            var again = await Run("", "--register", _h.Api.Bootstrap);
            Assert.Equal(2, again.Exit);
            Assert.Contains("already registered as dev-1-", again.Error);

            var replay = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n");
            Assert.Equal(1, replay.Exit);
            Assert.EndsWith("RESULT Replay" + Environment.NewLine, replay.Output);

            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(1));
            var offline = await Run(@"ADATUM\alice" + "\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n", "--scenario", "unlock");
            Assert.Equal(0, offline.Exit);
            Assert.Contains("Code accepted offline", offline.Output);
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, offline.Output);
            Assert.Contains("[event 5553 Warning]", offline.Error);

            var status = await Run("", "--status", "alice");
            Assert.Contains("alice@adatum.labnet: offline data locked under the password", status.Output);
        }

        [Fact]
        public async Task SyncThenOfflineWithTheWindowsVerdictPlayed()
        {
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--offline-days", "7");
            var sync = await Run("alice\n" + _h.Code() + "\n", "--sync");
            Assert.Equal(0, sync.Exit);
            Assert.Contains("Offline sign-in is ready for alice@adatum.labnet until ", sync.Output);
            Assert.Contains("device key (sync", (await Run("", "--status", "alice")).Output);

            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromMinutes(30));
            var rejected = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n", "--windows-rejects");
            Assert.Equal(1, rejected.Exit);
            Assert.Contains("device key (sync", (await Run("", "--status", "alice")).Output);

            _h.NextStep();
            Assert.Equal(0, (await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n")).Exit);
            Assert.Contains("offline data locked under the password", (await Run("", "--status", "alice")).Output);
        }

        [Fact]
        public async Task WrongCodesLockOfflineSignIn()
        {
            await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--offline-days", "7", "--offline-failures", "2", "--offline-lockout-minutes", "30");
            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, (await Run("alice\n" + WinOtpHarness.Password + "\n000000\n")).Output);
            Assert.EndsWith("RESULT Locked" + Environment.NewLine, (await Run("alice\n" + WinOtpHarness.Password + "\n000000\n")).Output);
            var locked = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n");
            Assert.Equal(1, locked.Exit);
            Assert.Contains("locked until", locked.Output);
            // A clock put back before the last online contact is refused.
            var rolledBack = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n", "--clock-offset", "-3600");
            Assert.Contains("clock is earlier than its last contact", rolledBack.Output);
        }

        [Fact]
        public async Task OnTheConsoleWithRdpOnlyNoCodeIsAsked()
        {
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap);
            var console = await Run("", "--rdp-only", "1", "--session", "console", "--scenario", "logon");
            Assert.Equal(0, console.Exit);
            Assert.Contains("No code is asked here", console.Output);
            Assert.EndsWith("RESULT NotRequired" + Environment.NewLine, console.Output);
            var remote = await Run("alice\npw\n000000\n", "--session", "remote", "--scenario", "logon");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, remote.Output);
        }

        /// <summary>A GPO's value wins over the local one: the console that needed no code needs one while the policy says so.</summary>
        [Fact]
        public async Task AGroupPolicyValueWinsUntilThePolicyIsRemoved()
        {
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--rdp-only", "1");
            var shown = await Run("", "--policy", "win_rdponly=0", "--show-settings");
            Assert.Equal(0, shown.Exit);
            Assert.Contains($"win_rdponly = 0 [Group Policy, {SettingNames.PolicyRegistryPath}]", shown.Output);
            Assert.Contains($"win_api_endpoint = {FakeWebApi.Endpoint} [local, {SettingNames.RegistryPath}]", shown.Output);
            Assert.Contains("win_api_timeout = (default) [default]", shown.Output);

            var console = await Run("alice\npw\n000000\n", "--session", "console", "--scenario", "logon");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, console.Output);

            var removed = await Run("", "--policy", "win_rdponly=", "--session", "console", "--scenario", "logon");
            Assert.EndsWith("RESULT NotRequired" + Environment.NewLine, removed.Output);
        }

        [Fact]
        public async Task AWrongGroupPolicyValueIsNamedAsGroupPolicys()
        {
            await Run("", "--api", FakeWebApi.Endpoint);
            var shown = await Run("", "--policy", "win_api_timeout=5", "--show-settings");
            Assert.Equal(SimulatorApp.SetupError, shown.Exit);
            Assert.Contains($"error: win_api_timeout (Group Policy, {SettingNames.PolicyRegistryPath}): 5 is outside 500-120000", shown.Output);
        }

        [Fact]
        public void TheHelpNamesGroupPolicy() =>
            Assert.Contains("--policy NAME=VALUE", SimulatorOptions.Usage);

        [Fact]
        public async Task TheSimulatorShowsWhoMustUseACode()
        {
            const string BreakGlass = "S-1-5-21-900-901-902-1001";
            const string Alice = "S-1-5-21-100-200-300-1105";
            const string Pilot = "S-1-5-21-100-200-300-3301";
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap);

            // The break-glass account, named as the administrator would and resolved to its SID, needs no code.
            var excluded = await Run("breakglass\n" + WinOtpHarness.Password + "\n", "--excluded-accounts", @".\breakglass", "--name", @".\breakglass=" + BreakGlass,
                "--account-sid", BreakGlass, "--scenario", "logon", "--session", "console");
            Assert.Equal(0, excluded.Exit);
            Assert.Contains($"No code asked of breakglass: win_excluded_accounts ({BreakGlass}).", excluded.Output);
            Assert.EndsWith("RESULT NotRequired" + Environment.NewLine, excluded.Output);
            Assert.Contains($"5558 Information No code asked of breakglass ({BreakGlass}) for logon on PC1: win_excluded_accounts ({BreakGlass}).", File.ReadAllText(Path.Combine(_state, "events.log")));
            // The name was not resolvable in a run without --name: a warning naming it, and the break-glass account needs a code.
            var unresolved = await Run("breakglass\n" + WinOtpHarness.Password + "\n000000\n", "--account-sid", BreakGlass, "--scenario", "logon", "--session", "console");
            // (The code was asked, and the API has no OTP account of that name.)
            Assert.EndsWith("RESULT NotEnrolled" + Environment.NewLine, unresolved.Output);
            Assert.Contains(@"win_excluded_accounts: '.\breakglass' could not be resolved to a SID", File.ReadAllText(Path.Combine(_state, "events.log")));

            // Enforcement per group: alice is not in the pilot group yet.
            var notEnforced = await Run("alice\n" + WinOtpHarness.Password + "\n", "--excluded-accounts", "", "--enforced-groups", Pilot, "--account-sid", Alice);
            Assert.Contains("No code asked of alice: win_enforced_groups (member of none).", notEnforced.Output);
            var enforced = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--account-sid", Alice, "--group-sid", Pilot,
                "--unlock-grace-minutes", "10", "--session-id", "2");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, enforced.Output);

            // The unlock grace: the same session within 10 minutes, not another, not after a reboot.
            _h.Clock.Advance(TimeSpan.FromMinutes(4));
            var unlock = await Run("alice\n" + WinOtpHarness.Password + "\n", "--account-sid", Alice, "--group-sid", Pilot, "--scenario", "unlock", "--session-id", "2");
            Assert.Contains("No code asked of alice: win_unlock_grace_minutes (code-verified sign-in of session 2 4 min ago).", unlock.Output);
            Assert.EndsWith("RESULT NotRequired" + Environment.NewLine, unlock.Output);
            var other = await Run("alice\n" + WinOtpHarness.Password + "\n000000\n", "--account-sid", Alice, "--group-sid", Pilot, "--scenario", "unlock", "--session-id", "3");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, other.Output);
            var rebooted = await Run("alice\n" + WinOtpHarness.Password + "\n000000\n", "--account-sid", Alice, "--group-sid", Pilot, "--scenario", "unlock", "--session-id", "2", "--reboot");
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, rebooted.Output);

            var help = (await Run("", "--help")).Output;
            foreach (var option in new[] { "--excluded-accounts", "--excluded-groups", "--enforced-groups", "--rdponly-groups", "--unlock-grace-minutes", "--grace-excluded-groups",
                "--allowed-providers", "--account-sid", "--group-sid", "--name NAME=SID", "--session-id", "--disconnected-session", "--reboot", "--sleep" })
                Assert.Contains(option, help);
        }

        [Fact]
        public async Task TheTileSpeaksTheLanguageGivenWithTheAdministratorsTextsAsGiven()
        {
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap, "--tile-label", "Adatum code", "--helpdesk-text", "Help desk: +1 555 0100");
            var german = await Run("alice\n" + WinOtpHarness.Password + "\n000000\n", "--language", "de-AT");
            Assert.Equal(1, german.Exit);
            Assert.Contains("Tile fields (de-DE): code field \"Adatum code\"; hint: Noch kein Code?", german.Output);
            Assert.Contains("Dieser Code ist nicht korrekt. Verbleibende Versuche vor einer Sperre: 4. Help desk: +1 555 0100", german.Output);
            Assert.EndsWith("RESULT Rejected" + Environment.NewLine, german.Output);

            // Without --language: English, whatever the machine's culture; a language not shipped: English too.
            var english = await Run("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n");
            Assert.Contains("Tile fields (en-US): code field \"Adatum code\"", english.Output);
            Assert.Contains("Tile fields (en-US)", (await Run("alice\n" + WinOtpHarness.Password + "\n000000\n", "--language", "ja-JP")).Output);

            var bad = await Run("", "--language", "no such culture");
            Assert.Equal(2, bad.Exit);
            Assert.Contains("--language: 'no such culture' is not a culture name such as fr-FR.", bad.Error);
            var help = (await Run("", "--help")).Output;
            foreach (var option in new[] { "--language CULTURE", "--tile-label TEXT", "--helpdesk-text TEXT", "fr-CA" }) Assert.Contains(option, help);
        }

        [Fact]
        public async Task SetupMistakesAreExplained()
        {
            var unknown = await Run("", "--frobnicate");
            Assert.Equal(2, unknown.Exit);
            Assert.Contains("Unknown argument '--frobnicate'", unknown.Error);

            var noApi = await Run("");
            Assert.Equal(2, noApi.Exit);
            Assert.Contains("win_api_endpoint is not set", noApi.Error);

            var http = await Run("", "--api", "http://awebapi.adatum.labnet/api");
            Assert.Contains("uses http://", http.Error);

            var badBootstrap = await Run("", "--api", FakeWebApi.Endpoint, "--register", "wrong");
            Assert.Equal(2, badBootstrap.Exit);
            Assert.Contains("The API refused the bootstrap value (api_headers_value).", badBootstrap.Output);

            var unregistered = await Run("alice\npw\n123456\n");
            Assert.Equal(1, unregistered.Exit);
            Assert.EndsWith("RESULT NotConfigured" + Environment.NewLine, unregistered.Output);

            var check = await Run("", "--check");
            Assert.Equal(2, check.Exit);

            Assert.Contains("--register BOOTSTRAP", (await Run("", "--help")).Output);
            // The lost phone: the help-desk challenge and recovery codes, with their events.
            var help = (await Run("", "--help")).Output;
            Assert.Contains("--no-phone", help);
            Assert.Contains("recovery code", help);
            Assert.Contains("event 5561", help);
            Assert.Contains("event 5562", help);
        }

        [Fact]
        public async Task TheDeviceCheckShowsTheClockSkew()
        {
            await Run("", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap);
            var check = await Run("", "--check", "--clock-offset", "90");
            Assert.Equal(0, check.Exit);
            Assert.Contains("this clock is 90 s from the server's (correct it", check.Output);
        }

        /// <summary>The built program itself, as a script runs it: standard input redirected, exit code and last line.</summary>
        [Fact]
        public void TheBuiltSimulatorRunsAsAScript()
        {
            var dll = Path.Combine(RepositoryPaths.Output("src/WinOtp/LogonSimulator", "net10.0"), "SecureMFA.WinOtp.LogonSimulator.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { dll, "--state", _state, "--api", "http://127.0.0.1:9/api/securemfaotp" }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            process.StandardInput.Write("alice\nsecret\n123456\n");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("User name: ", output);
            Assert.DoesNotContain("secret", output);
            Assert.EndsWith("RESULT NotConfigured" + Environment.NewLine, output);
        }
    }
}
