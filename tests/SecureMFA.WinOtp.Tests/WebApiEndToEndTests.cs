using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Testing;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// End to end against the real WEB API: the logon simulator (in process, with the production HTTP handler) against
    /// src/WebApi started on 127.0.0.1 over its SQLite store, as <see cref="ApiWithAlice"/> sets it up. Both run on one
    /// fake clock, so the next TOTP step is a move of that clock.
    /// </summary>
    public sealed class WebApiEndToEndTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-e2e", Guid.NewGuid().ToString("N"));
        private readonly VariableClock _clock = new VariableClock(DateTime.UtcNow);

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private async Task<(int Exit, string Output)> Simulate(string stdin, params string[] args)
        {
            var output = new StringWriter();
            var exit = await SimulatorApp.RunAsync(new[] { "--state", Path.Combine(_state, "pc"), "--machine", "PC1" }.Concat(args).ToArray(),
                new StringReader(stdin), output, new StringWriter(), false, clock: _clock);
            return (exit, output.ToString());
        }

        /// <summary>The code of this computer's offline entry now: the offline secret of alice on the simulator's registered device.</summary>
        private string OfflineCode()
        {
            var deviceId = (string)new FileRegistry(Path.Combine(_state, "pc", "registry.json")).GetValue(Settings.SettingNames.DeviceKeyName, Settings.SettingNames.DeviceId)!;
            return TestCodes.At(Otp.Protocol.OfflineSecret.Derive(WinOtpHarness.Secret, deviceId), TestCodes.Step(_clock.UtcNow));
        }

        private static string Answers(string code) => "alice\n" + WinOtpHarness.Password + "\n" + code + "\n";

        [Fact]
        public async Task OnlineAcceptThenTheSameCodeIsAReplay()
        {
            await using var api = await ApiWithAlice.Start(Path.Combine(_state, "api"), _clock);
            var code = ApiWithAlice.Code(_clock);
            var first = await Simulate(Answers(code), "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap, "--offline-days", "7");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, first.Output);
            var replay = await Simulate(Answers(code));
            Assert.EndsWith("RESULT Replay" + Environment.NewLine, replay.Output);
        }

        [Fact]
        public async Task WrongCodesLockTheUser()
        {
            await using var api = await ApiWithAlice.Start(Path.Combine(_state, "api"), _clock);
            await Simulate("", "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap);
            for (var i = 0; i < 5; i++) await Simulate(Answers(ApiWithAlice.WrongCode(_clock)));
            var locked = await Simulate(Answers(ApiWithAlice.Code(_clock)));
            Assert.EndsWith("RESULT Locked" + Environment.NewLine, locked.Output);
        }

        [Fact]
        public async Task WhenTheApiIsDownTheSimulatorSignsInOffline()
        {
            var api = await ApiWithAlice.Start(Path.Combine(_state, "api"), _clock);
            string nextCode;
            await using (api)
            {
                var online = await Simulate(Answers(ApiWithAlice.Code(_clock)), "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap, "--offline-days", "7");
                Assert.EndsWith("RESULT Accepted" + Environment.NewLine, online.Output);
                _clock.NextStep();
                nextCode = OfflineCode();
                // The offline entry's code is worth nothing at the real API: only this computer's vault takes it.
                Assert.EndsWith("RESULT Rejected" + Environment.NewLine, (await Simulate(Answers(nextCode))).Output);
            }
            var offline = await Simulate(Answers(nextCode));
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, offline.Output);
        }

        [Fact]
        public async Task ASyncedUserSignsInOfflineAfterwards()
        {
            var api = await ApiWithAlice.Start(Path.Combine(_state, "api"), _clock);
            string nextCode;
            await using (api)
            {
                await Simulate("", "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap, "--offline-days", "7");
                var sync = await Simulate("alice\n" + ApiWithAlice.Code(_clock) + "\n", "--sync");
                Assert.EndsWith("RESULT Synced" + Environment.NewLine, sync.Output);
                _clock.NextStep();
                nextCode = OfflineCode();
            }
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, (await Simulate(Answers(nextCode))).Output);
        }
    }
}
