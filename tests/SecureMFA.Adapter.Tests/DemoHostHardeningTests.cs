using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.DemoHost;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The demo host is what people try first, and may be reachable over a network.</summary>
    public class DemoHostHardeningTests
    {
        [Fact]
        public async Task APortInUseIsOneLineNamingPortNotAStackTrace()
        {
            using var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var data = Directory.CreateTempSubdirectory("smfa-demo-port-").FullName;
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { typeof(DemoServer).Assembly.Location, "--port", port.ToString(), "--data", data }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);
            Assert.Equal(1, process.ExitCode);
            var lines = (await stderr).Trim().Split('\n');
            Assert.Equal($"The demo host cannot listen on http://127.0.0.1:{port}/ (Address already in use); choose another port with --port N.", lines[^1]);
            Assert.DoesNotContain(lines, line => line.StartsWith("   at ") || line.Contains("Exception"));
            Directory.Delete(data, recursive: true);
        }

        [Fact]
        public async Task ClientsSendingTheirBodyByteByByteAreCutOffWhileAnotherUserSignsIn()
        {
            using var host = new RunningDemoHost(options: o => o.BodyTimeLimit = TimeSpan.FromSeconds(4));
            var clock = Stopwatch.StartNew();
            var slow = Enumerable.Range(0, 16).Select(_ => SendBodySlowly(host.BaseAddress, TimeSpan.FromSeconds(15))).ToList();
            await Task.Delay(300);

            // Meanwhile somebody else enrols and signs in, start to finish.
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var signedIn = clock.Elapsed;
            Assert.True(SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.Enrolled);

            var cutOff = await Task.WhenAll(slow);
            Assert.All(cutOff, at => Assert.True(at < TimeSpan.FromSeconds(8), $"a slow client was still connected after {at.TotalSeconds:F1} s"));
            Assert.True(signedIn < cutOff.Min(), $"the sign-in took {signedIn.TotalSeconds:F1} s, until the slow clients were cut off");
        }

        [Fact]
        public async Task ABodyLargerThanTheLimitIsRefusedWith413()
        {
            using var host = new RunningDemoHost(options: o => o.MaxBodyBytes = 1024);
            var declared = await host.Client.PostAsync("/adfs/ls/", new StringContent("UserName=" + new string('a', 2000), Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);

            // No Content-Length (chunked): counted as it arrives.
            var chunked = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("UserName=" + new string('a', 5000))));
            chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/adfs/ls/") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.SendAsync(request)).StatusCode);
        }

        [Fact]
        public async Task TheLoginFormNeedsTheTokenThatCameWithItsCookie()
        {
            using var host = new RunningDemoHost();
            var form = await host.Client.GetAsync("/");
            var cookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LoginFormToken.CookieName + "="));
            Assert.Contains("HttpOnly", cookie);
            Assert.Contains("SameSite=Strict", cookie);
            var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;

            // A page on another site can make the browser post, but cannot know the token.
            var upn = TestUsers.NewUpn();
            var forged = await Post(host.Client, new Dictionary<string, string> { ["UserName"] = upn });
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("This sign-in form has expired or did not come from this site.", await forged.Content.ReadAsStringAsync());
            var guessed = await Post(host.Client, new Dictionary<string, string> { ["UserName"] = upn, ["csrf"] = token.Substring(1) + "A" });
            Assert.Equal(HttpStatusCode.Forbidden, guessed.StatusCode);

            // Another browser's token does not fit this browser's cookie.
            using var other = host.NewClient();
            await other.GetAsync("/");
            Assert.Equal(HttpStatusCode.Forbidden, (await Post(other, new Dictionary<string, string> { ["UserName"] = upn, ["csrf"] = token })).StatusCode);
            Assert.Null(SqliteStoreFactory.Open(host.DatabasePath).Find(upn));

            var genuine = await Post(host.Client, new Dictionary<string, string> { ["UserName"] = upn, ["csrf"] = token });
            Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
            Assert.Contains("id=\"qrCode\"", await genuine.Content.ReadAsStringAsync());
        }

        [Fact]
        public void TheSessionTableKeepsAtMostItsCapacityAndEvictsTheOldest()
        {
            var sessions = new SignInSessions(capacity: 3);
            var tokens = Enumerable.Range(0, 4).Select(i => sessions.Start(new DemoAuthenticationContext("a", "c" + i, 1033))).ToList();
            Assert.Equal(3, sessions.PendingCount);
            Assert.Null(sessions.Find(tokens[0]));
            Assert.Equal(new[] { "c1", "c2", "c3" }, tokens.Skip(1).Select(t => sessions.Find(t)!.ContextId));

            var portals = Enumerable.Range(0, 5).Select(i => sessions.Complete(tokens[3], new PortalSession(Array.Empty<Claim>(), i))).ToList();
            Assert.Equal(3, sessions.CompletedCount);
            Assert.Null(sessions.Portal(portals[1]));
            Assert.Equal(4, sessions.Portal(portals[4])!.RecoveryCodesLeft);
            Assert.Null(sessions.Find(tokens[3]));
        }

        [Fact]
        public void SessionsExpireAndEarlyRemovalsDoNotGrowTheTable()
        {
            var clock = new VariableClock(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));
            var table = new BoundedTokenTable<string>(2, TimeSpan.FromMinutes(15), clock);
            var first = table.Add("first");
            clock.Advance(TimeSpan.FromMinutes(16));
            Assert.Null(table.Find(first));
            var kept = table.Add("kept");
            for (var i = 0; i < 1000; i++) table.Remove(table.Add("short-lived " + i));
            Assert.Equal("kept", table.Find(kept));
            Assert.Equal(1, table.Count);
            Assert.True(table.Tracked <= 4, $"{table.Tracked} tokens tracked for a table of 2");
        }

        [Fact]
        public async Task AFloodOfStartedSignInsPushesOutOnlyTheOldest()
        {
            using var host = new RunningDemoHost(options: o => o.SessionCapacity = 2);
            var first = await host.StartSignIn(TestUsers.NewUpn());
            var second = await host.StartSignIn(TestUsers.NewUpn());
            var third = await host.StartSignIn(TestUsers.NewUpn());
            Assert.Contains("Your sign-in expired or is not valid. Start again.", (await host.SubmitCode(first, "000000")).Html);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(third, TestUsers.Code(third.ManualKey!, host.Now))).Response.StatusCode);
            Assert.True((await host.SubmitCode(second, TestUsers.WrongCode(second.ManualKey!, host.Now))).HasQrCode);
        }

        [Fact]
        public async Task SimultaneousPostsOnOneSignInTakeTurnsAndOneIsAccepted()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            host.Now = host.Now.AddSeconds(30);
            var page = await host.StartSignIn(upn);
            var code = TestUsers.Code(key, host.Now);

            // A double-clicked button, many times over: the same sign-in posted from 24 connections at once.
            var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => host.SubmitCode(page, code))));

            // One is accepted; each other one either came first and sees the code page (the code already used), or came
            // after the sign-in ended and is told to start again.
            Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.SeeOther);
            Assert.All(answers.Where(a => a.Response.StatusCode != HttpStatusCode.SeeOther), a =>
            {
                Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode);
                Assert.True(a.HasCodeInput || a.ErrorText == "Your sign-in expired or is not valid. Start again.", a.ErrorText);
            });
            var user = SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!;
            Assert.Equal(2, user.LogonCount);
            Assert.Null(user.LockedUntil);
        }

        [Fact]
        public async Task NoSignInPageIsEverCached()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var responses = new List<HttpResponseMessage> { await host.Client.GetAsync("/") };
            var enrol = await host.StartSignIn(upn);
            responses.Add(enrol.Response);
            var done = await host.SubmitCode(enrol, TestUsers.Code(enrol.ManualKey!, host.Now));
            responses.Add(done.Response);
            responses.Add(await host.Client.GetAsync("/portal"));
            var code = await host.StartSignIn(upn);
            responses.Add(code.Response);
            responses.Add((await host.SubmitCode(code, TestUsers.WrongCode(enrol.ManualKey!, host.Now))).Response);
            responses.Add(await host.Client.GetAsync("/adfs/ls/?wa=wsignout1.0"));
            responses.Add(await host.Client.GetAsync("/nowhere"));
            Assert.All(responses, r => Assert.True(r.Headers.CacheControl?.NoStore == true, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri} lacks Cache-Control: no-store"));
        }

        [Fact]
        public async Task ThePortalSessionLivesInAnHttpOnlyStrictCookieNeverInTheUrl()
        {
            using var host = new RunningDemoHost();
            var enrol = await host.StartSignIn(TestUsers.NewUpn());
            var done = await host.SubmitCode(enrol, TestUsers.Code(enrol.ManualKey!, host.Now));
            Assert.Equal("/portal", done.Response.Headers.Location!.OriginalString);
            var cookie = Assert.Single(done.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DemoServer.SessionCookie + "="));
            Assert.Contains("; HttpOnly", cookie);
            Assert.Contains("; SameSite=Strict", cookie);
            var token = cookie.Substring(DemoServer.SessionCookie.Length + 1).Split(';')[0];
            Assert.True(RandomToken.IsWellFormed(token));
            Assert.Contains("You are signed in.", await host.Client.GetStringAsync("/portal"));

            // The token in a URL (as the portal once took it) opens nothing.
            using var stranger = host.NewClient();
            Assert.Contains("Sign in first.", await stranger.GetStringAsync("/portal?s=" + token));
        }

        [Fact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public async Task DataFilesAreCreatedReadableByTheirOwnerOnly()
        {
            var data = Path.Combine(Path.GetTempPath(), "securemfa-demo-tests", Guid.NewGuid().ToString("N"), "data");
            using (var host = new RunningDemoHost(dataFolder: data))
            {
                await TestUsers.Enrol(host, TestUsers.NewUpn());
                var database = Path.Combine(data, EmbeddedDefault.DatabaseFile);
                Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(data));
                foreach (var file in new[] { Path.Combine(data, EmbeddedDefault.PassphraseFile), database, database + "-wal", database + "-shm" })
                {
                    Assert.True(File.Exists(file), file + " was not created");
                    Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
                }
            }

            // A passphrase file an older demo left readable by others is tightened.
            var passphrase = Path.Combine(data, EmbeddedDefault.PassphraseFile);
            File.SetUnixFileMode(passphrase, OwnerOnlyFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            using (new RunningDemoHost(dataFolder: data))
                Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(passphrase));
        }

        [Fact]
        public async Task ThePolicyAllowsExactlyThePagesOwnScriptAndStylesByHash()
        {
            using var host = new RunningDemoHost();
            var page = await host.StartSignIn(TestUsers.NewUpn());
            var policy = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
            var scriptSources = Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value.Split(' ');
            var styleSources = Regex.Match(policy, "style-src ([^;]*)").Groups[1].Value.Split(' ');
            var scripts = Regex.Matches(page.Html, "<script>(.*?)</script>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            var styles = Regex.Matches(page.Html, "<style>(.*?)</style>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            Assert.Single(scripts);
            Assert.Equal(2, styles.Count);
            Assert.Equal(scripts.Select(ContentSecurityPolicy.Hash), scriptSources);
            Assert.Equal(styles.Select(ContentSecurityPolicy.Hash).OrderBy(h => h), styleSources.OrderBy(h => h));
            Assert.DoesNotMatch(" style=\"", page.Html);
            Assert.DoesNotMatch(" on[a-z]+=\"", page.Html);
        }

        private static Task<HttpResponseMessage> Post(HttpClient client, Dictionary<string, string> fields) =>
            client.PostAsync("/adfs/ls/", new FormUrlEncodedContent(fields));

        /// <summary>Declares a 1000-byte form and sends it a byte every 200 ms; returns when the server drops the connection.</summary>
        private static async Task<TimeSpan> SendBodySlowly(Uri host, TimeSpan giveUp)
        {
            var clock = Stopwatch.StartNew();
            using var client = new TcpClient();
            await client.ConnectAsync(host.Host, host.Port);
            var stream = client.GetStream();
            var head = Encoding.ASCII.GetBytes($"POST /adfs/ls/ HTTP/1.1\r\nHost: {host.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n");
            await stream.WriteAsync(head);
            var reading = stream.ReadAsync(new byte[1024]).AsTask();
            try
            {
                while (clock.Elapsed < giveUp)
                {
                    if (reading.IsCompleted) return clock.Elapsed;
                    await stream.WriteAsync(new[] { (byte)'a' });
                    await Task.WhenAny(reading, Task.Delay(200));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                return clock.Elapsed;
            }
            return clock.Elapsed;
        }
    }
}
