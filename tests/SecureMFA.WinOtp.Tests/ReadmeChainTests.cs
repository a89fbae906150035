using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The README's "Try the whole chain" as a reader pastes it: its command lines, unchanged and in order, run by one bash
    /// in the repository's folder. The test plays the person at the keyboard between them: it enrols alice on the demo
    /// page before the simulator's first run and types the answers at each simulator prompt (its stdin is pointed at them
    /// just before the line runs). Ports 5080 and 5090 and the folders .data and .winotp-sim are the README's own.
    /// </summary>
    public sealed class ReadmeChainTests
    {
        private const string Upn = "alice@adatum.labnet";
        private const string Password = "Chain-Test-Password-1";

        [Fact]
        public async Task TheReadmeChainSignsInOnlineThenOfflineThenOnlineAgain()
        {
            var root = RepositoryPaths.Root;
            var commands = ChainCommands(File.ReadAllText(Path.Combine(root, "README.md")));
            Assert.Contains(commands, c => c.StartsWith("sim --api", StringComparison.Ordinal));
            foreach (var port in new[] { 5080, 5090 }) Assert.False(Listening(port), $"port {port} is in use: stop what listens there to run this test");

            using var setAside = new SetAside(root, ".data", ".winotp-sim");
            var work = Directory.CreateTempSubdirectory("smfa-chain-").FullName;
            var go = Path.Combine(work, "go");
            var answers = Path.Combine(work, "answers");
            using (var mkfifo = Process.Start("mkfifo", go)) mkfifo.WaitForExit();
            var script = new StringBuilder($"__step() {{ printf '@@STEP %s\\n' \"$1\"; read -r _ < '{go}'; exec 0< '{answers}'; }}\nexec 0< /dev/null\n");
            for (var i = 0; i < commands.Count; i++) script.Append($"__step {i}\n{commands[i]}\n");

            var info = new ProcessStartInfo("bash", new[] { "-c", script.ToString() })
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false, UseShellExecute = false,
            };
            using var bash = Process.Start(info)!;
            var output = new StringBuilder();
            var errors = bash.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var person = new Person();
            try
            {
                string? line;
                while ((line = await bash.StandardOutput.ReadLineAsync(limit.Token)) != null)
                {
                    output.AppendLine(line);
                    var step = Regex.Match(line, @"^@@STEP (\d+)$");
                    if (!step.Success) continue;
                    var command = commands[int.Parse(step.Groups[1].Value)];
                    await File.WriteAllTextAsync(answers, await person.AnswersFor(command, output.ToString()), limit.Token);
                    await File.WriteAllTextAsync(go, "go\n", limit.Token);
                }
                await bash.WaitForExitAsync(limit.Token);
            }
            finally
            {
                if (!bash.HasExited) bash.Kill(entireProcessTree: true);
                Directory.Delete(work, recursive: true);
            }
            var transcript = $"{output}\n--- stderr ---\n{await errors}";

            Assert.True(bash.ExitCode == 0, transcript);
            var results = Regex.Matches(output.ToString(), @"^RESULT (\w+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            Assert.True(new[] { "Accepted", "AcceptedOffline", "Accepted" }.SequenceEqual(results), transcript);
            Assert.Contains("Code accepted offline (the SecureMFA WEB API could not be reached).", transcript);
            Assert.False(Listening(5090) || Listening(5080), "the chain's last line leaves no server running");
        }

        /// <summary>The command lines of the sh blocks between "Try the whole chain" and the next paragraph about your own WEB API.</summary>
        private static List<string> ChainCommands(string readme)
        {
            var start = readme.IndexOf("Try the whole chain on one machine", StringComparison.Ordinal);
            var end = readme.IndexOf("Against your own WEB API", start, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "the README has no \"Try the whole chain\" section");
            return Regex.Matches(readme.Substring(start, end - start), "```sh\n(.*?)```", RegexOptions.Singleline)
                .SelectMany(block => block.Groups[1].Value.Split('\n'))
                .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                .ToList();
        }

        private static bool Listening(int port)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (System.Net.Sockets.SocketException) { return false; }
        }

        /// <summary>What the reader does at the keyboard: enrols on the demo page, then answers the simulator's prompts.</summary>
        private sealed class Person
        {
            private readonly CookieContainer _cookies = new CookieContainer();
            private string? _aliceKey;
            private long _lastStep = long.MinValue;
            private int _signIns;

            public async Task<string> AnswersFor(string command, string outputSoFar)
            {
                if (command.StartsWith("sim --api", StringComparison.Ordinal))
                {
                    await Enrol();
                    return Answers(AliceCode());
                }
                if (command.Trim() != "sim") return "";
                // The second sign-in is the offline one: a code from the offline entry the first sign-in showed.
                if (++_signIns == 1)
                {
                    var key = Regex.Match(outputSoFar, "with the key ([A-Z2-7 ]+)\\. Offline").Groups[1].Value.Replace(" ", "");
                    Assert.False(key.Length == 0, $"the first sign-in showed no offline entry:\n{outputSoFar}");
                    // The vault took alice's online code of this step too: offline, a code of a later step.
                    var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30, _lastStep + 1);
                    return Answers(TotpGenerator.Compute(SharedSecret.FromBase32(key), TotpParameters.Default, DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime));
                }
                return Answers(AliceCode());
            }

            private static string Answers(string code) => $"alice\n{Password}\n{code}\n";

            /// <summary>A code alice's entry shows within the window, of a later step than any used (each code is taken once).</summary>
            private string AliceCode()
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var step = Math.Max(now - 1, _lastStep + 1);
                Assert.True(step <= now + 1, "no unused code left in the window");
                _lastStep = step;
                return TotpGenerator.Compute(SharedSecret.FromBase32(_aliceKey!), TotpParameters.Default, DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }

            private async Task Enrol()
            {
                using var http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri("http://127.0.0.1:5080/") };
                var login = await http.GetStringAsync("/");
                var csrf = Regex.Match(login, "name=\"csrf\" value=\"([^\"]*)\"").Groups[1].Value;
                var page = await Post(http, new Dictionary<string, string> { ["UserName"] = Upn, ["csrf"] = csrf });
                _aliceKey = Regex.Match(page, "<code id=\"manualKey\">([^<]*)</code>").Groups[1].Value.Replace(" ", "");
                Assert.False(_aliceKey.Length == 0, $"the demo page showed no key to enrol:\n{page}");
                var fields = new Dictionary<string, string> { ["otpCode"] = AliceCode() };
                foreach (var name in new[] { "AuthMethod", "Context" }) fields[name] = Regex.Match(page, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
                using var confirmed = await http.PostAsync("/adfs/ls/", new FormUrlEncodedContent(fields));
                Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
            }

            private static async Task<string> Post(HttpClient http, Dictionary<string, string> fields)
            {
                using var response = await http.PostAsync("/adfs/ls/", new FormUrlEncodedContent(fields));
                return await response.Content.ReadAsStringAsync();
            }
        }

        /// <summary>Moves a developer's own demo folders out of the way for the test, and back after it.</summary>
        private sealed class SetAside : IDisposable
        {
            private readonly List<(string Path, string Kept)> _moved = new List<(string, string)>();
            private readonly List<string> _created = new List<string>();

            public SetAside(string root, params string[] folders)
            {
                foreach (var folder in folders)
                {
                    var path = Path.Combine(root, folder);
                    _created.Add(path);
                    if (!Directory.Exists(path)) continue;
                    var kept = $"{path}.kept-by-ReadmeChainTests";
                    Directory.Move(path, kept);
                    _moved.Add((path, kept));
                }
            }

            public void Dispose()
            {
                foreach (var path in _created.Where(Directory.Exists)) Directory.Delete(path, recursive: true);
                foreach (var (path, kept) in _moved) Directory.Move(kept, path);
            }
        }
    }
}
