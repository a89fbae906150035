using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Users not yet enrolled (win_unenrolled_policy) and report-only rollout (win_enforce), through LogonCoordinator as the
    /// logon simulator plays the tile, against the real WEB API over SQLite (<see cref="ApiWithAlice"/>) on one fake clock.
    /// Bob has no OTP account; alice has one.
    /// </summary>
    public sealed class RolloutEndToEndTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-rollout", Guid.NewGuid().ToString("N"));
        private readonly VariableClock _clock = new VariableClock(DateTime.UtcNow);
        private const string Enrol = "https://adfs.adatum.labnet/adfs/ls/idpinitiatedsignon";

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

        private string Events => File.ReadAllText(Path.Combine(_state, "pc", "events.log"));

        private static string Answers(string user, string code) => user + "\n" + WinOtpHarness.Password + "\n" + code + "\n";

        private Task<RunningWebApi> Start() => ApiWithAlice.Start(Path.Combine(_state, "api"), _clock);

        private Task Register(RunningWebApi api, params string[] settings) =>
            Simulate("", new[] { "--api", api.Endpoint, "--register", ApiWithAlice.Bootstrap, "--set", "win_sspr_url=" + Enrol }.Concat(settings).ToArray());

        private static string Result(string output) => output.TrimEnd().Split('\n').Last().Trim();

        [Fact]
        public async Task DenyIsTheDefaultAndSaysWhereToEnrol()
        {
            await using var api = await Start();
            await Register(api);
            var bob = await Simulate(Answers("bob", "123456"));
            Assert.Equal((1, "RESULT NotEnrolled"), (bob.Exit, Result(bob.Output)));
            Assert.Contains($"bob@adatum.labnet is not enrolled for sign-in codes yet. Enrol at {Enrol}", bob.Output);
            Assert.Contains("5559 Warning bob@adatum.labnet (rdp, online) has no OTP account: refused (win_unenrolled_policy Deny)", Events);
            // Under Deny a blank code is not sent at all: the tile asks for the code.
            Assert.Equal("RESULT InvalidInput", Result((await Simulate(Answers("bob", ""))).Output));
        }

        [Fact]
        public async Task AllowLetsTheUnenrolledPasswordThroughButAnEnrolledUserStillNeedsACode()
        {
            await using var api = await Start();
            await Register(api, "--unenrolled-policy", "Allow");
            var bob = await Simulate(Answers("bob", ""));
            Assert.Equal((0, "RESULT AllowedNotEnrolled"), (bob.Exit, Result(bob.Output)));
            Assert.Contains("5559 Warning bob@adatum.labnet (rdp, online) has no OTP account: signed in without a code (win_unenrolled_policy Allow)", Events);

            // Alice confirms her enrolment with a code; from then on a blank code is only a request for the code (not counted).
            Assert.Equal("RESULT Accepted", Result((await Simulate(Answers("alice", ApiWithAlice.Code(_clock)))).Output));
            _clock.NextStep();
            var blank = await Simulate(Answers("alice", ""));
            Assert.Equal((1, "RESULT InvalidInput"), (blank.Exit, Result(blank.Output)));
            Assert.Equal("RESULT Accepted", Result((await Simulate(Answers("alice", ApiWithAlice.Code(_clock)))).Output));
        }

        [Fact]
        public async Task AnAccountNeverConfirmedCountsAsNotEnrolledUnderAllow()
        {
            await using var api = await Start();
            await Register(api, "--unenrolled-policy", "Allow");
            var alice = await Simulate(Answers("alice", ""));
            Assert.Equal("RESULT AllowedNotEnrolled", Result(alice.Output));
            Assert.Contains("alice@adatum.labnet (rdp, online) has an OTP account but never confirmed a code: signed in without a code", Events);
        }

        [Fact]
        public async Task GraceCountsFromTheApisFirstSightingAndEndsWithWhereToEnrol()
        {
            await using var api = await Start();
            await Register(api, "--unenrolled-policy", "Grace", "--grace-days", "10");
            var first = await Simulate(Answers("bob", ""));
            Assert.Equal((0, "RESULT AllowedNotEnrolled"), (first.Exit, Result(first.Output)));
            var end = _clock.UtcNow.AddDays(10);
            Assert.Contains($"Enrol at {Enrol} by {Logon.TileText.Time(end)}", first.Output);

            // Nine days later (a new logon screen, the same first sighting): still within the grace, the same date.
            _clock.UtcNow = _clock.UtcNow.AddDays(9);
            var later = await Simulate(Answers("bob", ""));
            Assert.Equal("RESULT AllowedNotEnrolled", Result(later.Output));
            Assert.Contains($"by {Logon.TileText.Time(end)}", later.Output);

            _clock.UtcNow = _clock.UtcNow.AddDays(2);
            var ended = await Simulate(Answers("bob", ""));
            Assert.Equal((1, "RESULT NotEnrolled"), (ended.Exit, Result(ended.Output)));
            Assert.Contains($"ended on {Logon.TileText.Time(end)}. Enrol at {Enrol}", ended.Output);
            Assert.Contains("refused; the grace ended on", Events);
        }

        [Fact]
        public async Task ReportOnlyAsksNothingLetsEveryoneInAndTheApiKeepsWhatWouldHaveBeenDone()
        {
            var api = await Start();
            await using (api)
            {
                await Register(api, "--enforce", "ReportOnly", "--rdp-only", "1");
                // Alice confirms first (in enforce mode), so the API knows her as enrolled.
                Assert.Equal("RESULT Accepted", Result((await Simulate(Answers("alice", ApiWithAlice.Code(_clock)), "--enforce", "Enforce")).Output));
                await Simulate("", "--enforce", "ReportOnly");

                // No code prompt: user name and password only.
                var alice = await Simulate("alice\n" + WinOtpHarness.Password + "\n");
                Assert.Equal((0, "RESULT ReportOnly"), (alice.Exit, Result(alice.Output)));
                Assert.DoesNotContain("Code:", alice.Output);
                Assert.Equal("RESULT ReportOnly", Result((await Simulate("ADATUM\\bob\n" + WinOtpHarness.Password + "\n")).Output));
                Assert.Equal("RESULT ReportOnly", Result((await Simulate("carol\n" + WinOtpHarness.Password + "\n", "--scenario", "logon", "--session", "console")).Output));
                Assert.Equal("RESULT ReportOnly", Result((await Simulate("bad/name\n" + WinOtpHarness.Password + "\n")).Output));
                Assert.Contains("5560 Information Report-only: alice@adatum.labnet (rdp) on PC1 would have been code_required; signed in without a code; reported to the WEB API.", Events);
                Assert.Contains("Report-only: bob@adatum.labnet (rdp) on PC1 would have been not_enrolled", Events);
            }
            // The API is gone and alice has no offline data here: enforced, she could not have signed in.
            Assert.Equal("RESULT ReportOnly", Result((await Simulate("alice\n" + WinOtpHarness.Password + "\n")).Output));
            Assert.Contains("Report-only: alice@adatum.labnet (rdp) on PC1 would have been offline_not_ready; signed in without a code; the WEB API could not be reached", Events);

            var rows = SqliteStoreFactory.OpenRollout(Path.Combine(_state, "api", "SecureMfaOtp.db")).List();
            Assert.Equal(new[]
            {
                ("bad/name", false, "identity_not_mapped"),
                ("alice@adatum.labnet", true, "code_required"),
                ("bob@adatum.labnet", true, "not_enrolled"),
                ("carol@adatum.labnet", true, "excluded"),
            }.OrderBy(r => r.Item1, StringComparer.Ordinal), rows.Select(r => (r.User, r.Mapped, r.Outcome)).OrderBy(r => r.User, StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Equal("PC1", r.Machine));
        }
    }
}
