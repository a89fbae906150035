using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;
using Xunit.Abstractions;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Parallel sessions racing the offline lockout, as separate processes: each RDP session has its own LogonUI, so an
    /// in-process lock proves nothing. N built logon simulators share one state folder (one vault file, one simulated
    /// registry), the API is unreachable, and all submit a wrong code at once. Each failure must be counted once: the
    /// failure count ends at exactly N and the lock falls exactly at the limit, N.
    /// </summary>
    public sealed class OfflineRaceTests : IDisposable
    {
        private const int Sessions = 6;
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-race", Guid.NewGuid().ToString("N"));
        private readonly WinOtpHarness _h = new WinOtpHarness();
        private readonly ITestOutputHelper _log;

        public OfflineRaceTests(ITestOutputHelper log)
        {
            _log = log;
        }

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private async Task<string> Simulate(string stdin, params string[] args)
        {
            var output = new StringWriter();
            await SimulatorApp.RunAsync(new[] { "--state", _state, "--machine", "PC1" }.Concat(args).ToArray(), new StringReader(stdin), output, new StringWriter(), false, _ => _h.Api, SystemClock.Instance);
            return output.ToString();
        }

        [Fact]
        public async Task ParallelSessionsCountEveryWrongCodeOnceAndLockExactlyAtTheLimit()
        {
            // The simulators run on the real clock: the online sign-in that stores the vault happens now, in this process.
            _h.Clock.UtcNow = DateTime.UtcNow;
            _h.Api.MaxFailures = Sessions;
            var online = await Simulate("alice\n" + WinOtpHarness.Password + "\n" + _h.Code() + "\n", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap,
                "--offline-days", "7", "--offline-failures", Sessions.ToString(), "--offline-lockout-minutes", "30");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, online);
            // From now on nothing answers: connection refused on the loopback, so every session checks offline.
            new FileRegistry(Path.Combine(_state, "registry.json")).SetValue("", SettingNames.ApiEndpoint, "http://127.0.0.1:9/api/securemfaotp");

            var wrong = ((int.Parse(TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(DateTime.UtcNow))) + 500000) % 1000000).ToString("000000");
            var sessions = Enumerable.Range(0, Sessions).Select(_ => Session.Start(_state)).ToList();
            try
            {
                // All wait at their first prompt; then all get their answers at once.
                foreach (var session in sessions) Assert.True(session.Ready.Wait(TimeSpan.FromSeconds(60)), "a simulator did not start:\n" + session.Output);
                foreach (var session in sessions) session.Answer("alice\n" + WinOtpHarness.Password + "\n" + wrong + "\n");
                foreach (var session in sessions) Assert.True(session.Process.WaitForExit(180000), "a simulator did not finish:\n" + session.Output);
            }
            finally
            {
                foreach (var session in sessions) session.Dispose();
            }
            foreach (var session in sessions) _log.WriteLine(session.Output);

            Assert.All(sessions, s => Assert.Equal(1, s.ExitCode));
            var rejected = sessions.Where(s => s.Output.EndsWith("RESULT Rejected" + Environment.NewLine)).ToList();
            var locked = sessions.Where(s => s.Output.EndsWith("RESULT Locked" + Environment.NewLine)).ToList();
            Assert.Equal(Sessions - 1, rejected.Count);
            // Each saw a different count: N-1 attempts left after the first failure, ..., 1 before the last.
            Assert.Equal(Enumerable.Range(1, Sessions - 1).Reverse(), rejected.Select(s => AttemptsLeft(s.Output)).OrderByDescending(n => n));
            Assert.Contains("Too many wrong codes: offline sign-in is locked until", Assert.Single(locked).Output);

            var status = await Simulate("", "--status", "alice");
            Assert.Contains("failures " + Sessions + " (" + Sessions + " offline since the last online contact), locked until", status);

            // Locked: even the right code is refused now, and not counted.
            _h.Clock.UtcNow = DateTime.UtcNow;
            var right = await SimulateBuilt("alice\n" + WinOtpHarness.Password + "\n" + _h.OfflineCodeOfApiDevice() + "\n");
            Assert.EndsWith("RESULT Locked" + Environment.NewLine, right);
            Assert.Contains("failures " + Sessions + " (" + Sessions + " offline since the last online contact), locked until", await Simulate("", "--status", "alice"));
        }

        private async Task<string> SimulateBuilt(string stdin)
        {
            using var session = Session.Start(_state);
            Assert.True(session.Ready.Wait(TimeSpan.FromSeconds(60)), session.Output);
            session.Answer(stdin);
            Assert.True(session.Process.WaitForExit(120000), session.Output);
            await session.Process.WaitForExitAsync(); // and the end of its output
            return session.Output;
        }

        private static int AttemptsLeft(string output)
        {
            var match = Regex.Match(output, @"Attempts left before a lockout: (\d+)\.");
            Assert.True(match.Success, output);
            return int.Parse(match.Groups[1].Value);
        }

        /// <summary>One built simulator process (as a script runs it), stopped at its first prompt until answered.</summary>
        private sealed class Session : IDisposable
        {
            private readonly System.Text.StringBuilder _output = new System.Text.StringBuilder();

            private Session(Process process)
            {
                Process = process;
            }

            public Process Process { get; }
            /// <summary>Known once disposed.</summary>
            public int? ExitCode { get; private set; }
            public System.Threading.ManualResetEventSlim Ready { get; } = new System.Threading.ManualResetEventSlim();

            public string Output
            {
                get { lock (_output) return _output.ToString(); }
            }

            public static Session Start(string state)
            {
                var dll = Path.Combine(RepositoryPaths.Output("src/WinOtp/LogonSimulator", "net10.0"), "SecureMFA.WinOtp.LogonSimulator.dll");
                var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var arg in new[] { dll, "--state", state, "--machine", "PC1" }) info.ArgumentList.Add(arg);
                var session = new Session(Process.Start(info)!);
                session.Process.OutputDataReceived += (_, e) =>
                {
                    if (e.Data == null) return;
                    lock (session._output) session._output.AppendLine(e.Data);
                    // The tile line comes just before the first prompt, which waits for standard input.
                    if (e.Data.StartsWith("Tile:", StringComparison.Ordinal)) session.Ready.Set();
                };
                session.Process.ErrorDataReceived += (_, e) => { };
                session.Process.BeginOutputReadLine();
                session.Process.BeginErrorReadLine();
                return session;
            }

            public void Answer(string lines)
            {
                Process.StandardInput.Write(lines);
                Process.StandardInput.Close();
            }

            public void Dispose()
            {
                if (!Process.HasExited) Process.Kill(true);
                Process.WaitForExit();
                ExitCode ??= Process.ExitCode;
                Process.Dispose();
            }
        }
    }
}
