using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;
using SecureMFA.Testing;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The lost phone at the logon screen, end to end: the logon simulator (LogonCoordinator and OfflineVault with the
    /// production HTTP handler) against the real WEB API over its SQLite store (<see cref="ApiWithAlice"/>), on one clock.
    /// Recovery codes online and offline (once each, reported and burnt at the next online contact), and the offline
    /// help-desk challenge answered from the device key the server holds, as Get-xOTP_OfflineUnlockCode does.
    /// </summary>
    public sealed class LostPhoneTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-lostphone", Guid.NewGuid().ToString("N"));
        private readonly VariableClock _clock = new VariableClock(DateTime.UtcNow);

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private string ApiFolder => Path.Combine(_state, "api");
        private string Config => Path.Combine(ApiFolder, "SecureMfaOtpProvider.json");
        private string EventsLog => File.Exists(Path.Combine(_state, "pc", "events.log")) ? File.ReadAllText(Path.Combine(_state, "pc", "events.log")) : "";

        private async Task<(int Exit, string Output)> Simulate(string stdin, params string[] args)
        {
            var output = new StringWriter();
            var exit = await SimulatorApp.RunAsync(new[] { "--state", Path.Combine(_state, "pc"), "--machine", "PC1" }.Concat(args).ToArray(),
                new StringReader(stdin), output, new StringWriter(), false, clock: _clock);
            return (exit, output.ToString());
        }

        private static string Answers(string code) => "alice\n" + WinOtpHarness.Password + "\n" + code + "\n";

        private static string Result(string output) => output.TrimEnd().Split('\n').Last().Trim();

        private Deployment Open() => Deployment.Open(ConfigurationLoader.LoadFile(Config));

        private string[] GiveRecoveryCodes()
        {
            var codes = RecoveryCode.Generate().ToArray();
            using var deployment = Open();
            Assert.True(deployment.Store.ReplaceRecoveryCodes(WinOtpHarness.Upn, codes.Select(c => RecoveryCode.Hash(WinOtpHarness.Upn, RecoveryCode.Normalize(c)!)).ToList(), _clock.UtcNow));
            return codes;
        }

        private int RecoveryCodesLeft()
        {
            using var deployment = Open();
            return deployment.Store.Find(WinOtpHarness.Upn)!.RecoveryCodesLeft;
        }

        private string DeviceId() => (string)new FileRegistry(Path.Combine(_state, "pc", "registry.json")).GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId)!;

        private string OfflineCode() => TestCodes.At(OfflineSecret.Derive(WinOtpHarness.Secret, DeviceId()), TestCodes.Step(_clock.UtcNow));

        /// <summary>What Get-xOTP_OfflineUnlockCode computes: the answer from the device key the store holds.</summary>
        private string HelpDeskAnswer(string challenge, string upn = WinOtpHarness.Upn)
        {
            using var deployment = Open();
            var device = deployment.Devices.Find(DeviceId())!;
            var key = deployment.Protector.Unprotect(Core.Stores.Device.KeyBinding(device.Id), device.ProtectedKey);
            var read = OfflineUnlock.Read(key, device.Id, upn, challenge, _clock.UnixSeconds);
            Assert.NotNull(read);
            return read!.Answer(key, device.Id, upn);
        }

        /// <summary>Registers, signs alice in online (so the vault holds a package) and stops the API.</summary>
        private async Task<string[]> OfflineWithRecoveryCodes()
        {
            string[] codes;
            await using (var api = await ApiWithAlice.Start(ApiFolder, _clock))
            {
                codes = GiveRecoveryCodes();
                var online = await Simulate(Answers(ApiWithAlice.Code(_clock)), "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap, "--offline-days", "7", "--timeout", "2000");
                Assert.Equal("RESULT Accepted", Result(online.Output));
            }
            _clock.NextStep();
            return codes;
        }

        [Fact]
        public async Task ARecoveryCodeSignsInOnlineOnceAndAWrongOneCountsTowardTheLockout()
        {
            await using var api = await ApiWithAlice.Start(ApiFolder, _clock);
            var codes = GiveRecoveryCodes();
            await Simulate("", "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap);

            var first = await Simulate(Answers(codes[0].ToLowerInvariant()));
            Assert.Equal("RESULT Accepted", Result(first.Output));
            Assert.Contains("Recovery codes left: 9", first.Output);
            Assert.Equal(9, RecoveryCodesLeft());
            Assert.Matches(@"5561 Warning Recovery code accepted for alice@adatum\.labnet \(rdp, online\) on PC1; 9 left", EventsLog);
            Assert.Contains(api.Events.Text.Split('\n'), l => l.Contains("Recovery code accepted for alice@adatum.labnet") && l.Contains("PC1"));

            var again = await Simulate(Answers(codes[0]));
            Assert.Equal("RESULT Rejected", Result(again.Output));
            using (var deployment = Open()) Assert.Equal(1, deployment.Store.Find(WinOtpHarness.Upn)!.FailedLogonCount);
            Assert.Contains(api.Events.Text.Split('\n'), l => l.Contains("a wrong or used recovery code"));

            foreach (var code in codes) Assert.DoesNotContain(RecoveryCode.Normalize(code)!, EventsLog + api.Events.Text);
        }

        [Fact]
        public async Task OfflineARecoveryCodeWorksOnceAndIsBurntAtTheNextOnlineContact()
        {
            var codes = await OfflineWithRecoveryCodes();
            var vaultText = string.Concat(Directory.GetFiles(Path.Combine(_state, "pc", "vault")).Select(File.ReadAllText));
            Assert.Contains("recoveryIterations " + Otp.Recovery.OfflineRecoveryCode.Iterations, vaultText);
            foreach (var code in codes)
            {
                Assert.DoesNotContain(RecoveryCode.Normalize(code)!, vaultText);
                Assert.DoesNotContain(RecoveryCode.Hash(WinOtpHarness.Upn, RecoveryCode.Normalize(code)!), vaultText);
            }

            var offline = await Simulate(Answers(codes[3]));
            Assert.Equal("RESULT AcceptedOffline", Result(offline.Output));
            Assert.Contains("5561 Warning Recovery code accepted for alice@adatum.labnet (rdp, offline) on PC1; 9 left here", EventsLog);
            // Once only, and a used one counts like a wrong code.
            Assert.Equal("RESULT Rejected", Result((await Simulate(Answers(codes[3]))).Output));
            Assert.Contains("failures 1", (await Simulate("", "--status", "alice")).Output);
            Assert.Equal(10, RecoveryCodesLeft());

            // Meanwhile the user spends another code at AD FS (the same store): the device still has it until it syncs.
            using (var deployment = Open())
                Assert.Equal(RecoveryCodeOutcome.Accepted, deployment.Store.UseRecoveryCode(WinOtpHarness.Upn, RecoveryCode.Hash(WinOtpHarness.Upn, RecoveryCode.Normalize(codes[5])!), new LogonAttempt(_clock.UtcNow, null, null)));

            _clock.NextStep();
            await using (var api = await ApiWithAlice.Start(ApiFolder, _clock))
            {
                var online = await Simulate(Answers(ApiWithAlice.Code(_clock)), "--api", api.Endpoint);
                Assert.Equal("RESULT Accepted", Result(online.Output));
                Assert.Contains("1 recovery code(s) used offline by alice@adatum.labnet on PC1 reported to the SecureMFA WEB API (1 burnt now", EventsLog);
                Assert.Equal(8, RecoveryCodesLeft());
                Assert.Contains(api.Events.Text.Split('\n'), l => l.Contains("1 recovery code(s) of alice@adatum.labnet used offline on PC1 are now used here too"));
                // Burnt at the server: refused online now.
                Assert.Equal("RESULT Rejected", Result((await Simulate(Answers(codes[3]))).Output));
            }
            _clock.NextStep();
            // The code used at AD FS is gone from the new package: refused offline after the sync; an unused one still works.
            Assert.Equal("RESULT Rejected", Result((await Simulate(Answers(codes[5]))).Output));
            Assert.Equal("RESULT AcceptedOffline", Result((await Simulate(Answers(codes[7]))).Output));
        }

        [Fact]
        public async Task TheHelpDeskAnswerSignsInOnceOnThisComputerForThisUser()
        {
            await OfflineWithRecoveryCodes();
            var shown = await Simulate("alice\n", "--no-phone");
            var challenge = Regex.Match(shown.Output, @"CHALLENGE ([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
            Assert.NotEmpty(challenge);
            Assert.Contains("5562 Information Help-desk challenge " + challenge + " shown for alice@adatum.labnet on PC1", EventsLog);
            // A restarted tile shows the same challenge while it has time left.
            var again = await Simulate("alice\n", "--no-phone");
            Assert.Contains("CHALLENGE " + challenge, again.Output);

            var answer = HelpDeskAnswer(challenge);
            _clock.Advance(TimeSpan.FromMinutes(3));
            var used = await Simulate(Answers(OfflineUnlock.Group(answer)), "--no-phone");
            Assert.Equal("RESULT AcceptedOffline", Result(used.Output));
            Assert.Contains("5562 Warning Help-desk unlock code accepted for alice@adatum.labnet (rdp, offline) on PC1", EventsLog);
            Assert.DoesNotContain(answer, EventsLog);

            // Once: the same answer again has no challenge to answer (not counted).
            var replay = await Simulate(Answers(answer));
            Assert.Equal("RESULT Rejected", Result(replay.Output));
            Assert.Contains("No help-desk challenge is waiting", replay.Output);
            Assert.Contains("failures 0", (await Simulate("", "--status", "alice")).Output);
        }

        [Fact]
        public async Task WrongAnswersCountTowardTheOfflineLockoutAndAnAnswerExpires()
        {
            await OfflineWithRecoveryCodes();
            var shown = await Simulate("alice\n", "--no-phone");
            var challenge = Regex.Match(shown.Output, @"CHALLENGE ([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
            var answer = HelpDeskAnswer(challenge);
            var wrong = (answer[0] == '7' ? "8" : "7") + answer.Substring(1);
            for (var i = 0; i < 4; i++) Assert.Equal("RESULT Rejected", Result((await Simulate(Answers(wrong))).Output));
            Assert.Equal("RESULT Locked", Result((await Simulate(Answers(wrong))).Output));
            // Locked: even the right answer waits for the lock to end.
            Assert.Equal("RESULT Locked", Result((await Simulate(Answers(answer))).Output));
            _clock.Advance(TimeSpan.FromMinutes(OfflineUnlock.ValidMinutes + 1));
            // Past its minutes the challenge is gone: the right answer is refused, and the tile offers a new challenge.
            var late = await Simulate(Answers(answer));
            Assert.Equal("RESULT Rejected", Result(late.Output));
            Assert.Contains("No help-desk challenge is waiting", late.Output);
            var fresh = Regex.Match((await Simulate("alice\n", "--no-phone")).Output, @"CHALLENGE ([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
            Assert.NotEqual(challenge, fresh);
        }

        [Fact]
        public async Task ASyncVoidsAPendingChallengeAndOnlineTheTileOffersNone()
        {
            await OfflineWithRecoveryCodes();
            var challenge = Regex.Match((await Simulate("alice\n", "--no-phone")).Output, @"CHALLENGE ([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
            var answer = HelpDeskAnswer(challenge);
            await using (var api = await ApiWithAlice.Start(ApiFolder, _clock))
            {
                var online = await Simulate("alice\n", "--no-phone", "--api", api.Endpoint);
                Assert.Equal("RESULT Unavailable", Result(online.Output));
                Assert.Contains("can reach the SecureMFA WEB API", online.Output);
                Assert.Equal("RESULT Synced", Result((await Simulate("alice\n" + ApiWithAlice.Code(_clock) + "\n", "--sync")).Output));
            }
            // The vault was replaced (a new generation from a new package): the old challenge's answer is worthless.
            Assert.Equal("RESULT Rejected", Result((await Simulate(Answers(answer))).Output));
        }
    }
}
