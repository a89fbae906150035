using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Totp;
using SecureMFA.DemoHost;
using SecureMFA.Otp.Totp;
using SecureMFA.WebApi.Hosting;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Without --config: the demo host's embedded SQLite store, so a user enrolled on the demo page signs in through the API.</summary>
    public sealed class EmbeddedDefaultTests
    {
        private static string NewFolder() => Path.Combine(Path.GetTempPath(), "securemfa-webapi-default", Guid.NewGuid().ToString("N"));

        [Fact]
        public void TheBootstrapValueIsGeneratedOwnerOnlyAndPrintedOnlyTheFirstTime()
        {
            var data = NewFolder();
            var first = StartAndStop(data);
            var bootstrapFile = Path.Combine(data, EmbeddedDefault.BootstrapFile);
            var bootstrap = File.ReadAllText(bootstrapFile).Trim();
            Assert.True(Convert.FromBase64String(bootstrap).Length >= 24);
            Assert.Contains("shown this once", first);
            Assert.Contains(bootstrap, first);
            Assert.Contains("Now listening on", first);
            if (!OperatingSystem.IsWindows())
                foreach (var file in new[] { bootstrapFile, Path.Combine(data, EmbeddedDefault.PassphraseFile) })
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.DoesNotContain(File.ReadAllText(Path.Combine(data, EmbeddedDefault.PassphraseFile)).Trim(), first);

            var second = StartAndStop(data);
            Assert.DoesNotContain(bootstrap, second);
            Assert.Contains(EmbeddedDefault.BootstrapFile, second);
            Assert.Equal(bootstrap, File.ReadAllText(bootstrapFile).Trim());
        }

        [Fact]
        public async Task AUserEnrolledOnTheDemoPageSignsInThroughTheApi()
        {
            var data = NewFolder();
            var events = new RecordedEvents();
            using var demo = DemoServer.Start(new DemoServerOptions { Port = FreePorts.Next(), DataFolder = data, Events = events });
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = demo.BaseAddress };
            var csrf = Regex.Match(await browser.GetStringAsync("/"), "name=\"csrf\" value=\"([^\"]*)\"").Groups[1].Value;
            var page = await (await browser.PostAsync("/adfs/ls/", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "dora@adatum.com", ["csrf"] = csrf }))).Content.ReadAsStringAsync();
            var secret = SharedSecret.FromBase32(Regex.Match(page, "<code id=\"manualKey\">([^<]*)</code>").Groups[1].Value.Replace(" ", ""));

            var port = FreePorts.Next();
            await using var api = ApiApplication.Build(new[] { "--data", data, "--urls", $"http://127.0.0.1:{port}" }, s => s.AddSingleton<IEventSink>(events));
            await api.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var device = await SignedClient.Register(http, "/api/securemfaotp", File.ReadAllText(Path.Combine(data, EmbeddedDefault.BootstrapFile)).Trim(), () => DateTimeOffset.UtcNow);
            var code = TotpGenerator.Compute(secret, TotpParameters.Default, DateTime.UtcNow);
            var answer = await device.Verify("dora@adatum.com", code);
            Assert.Equal("accept", answer.Result);

            // The enrolment is confirmed by that code, at AD FS too: the same code is now a replay there.
            var context = Regex.Match(page, "name=\"Context\" value=\"([^\"]*)\"").Groups[1].Value;
            using var submitted = await browser.PostAsync("/adfs/ls/", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["AuthMethod"] = DemoServer.AuthMethodName, ["Context"] = context, ["otpCode"] = code,
            }));
            Assert.NotEqual(HttpStatusCode.SeeOther, submitted.StatusCode);
            Assert.Contains("That code was already used", WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync()));
            await api.StopAsync();
        }

        /// <summary>Runs the published API with the embedded default until it listens, then stops it; returns what it printed.</summary>
        private static string StartAndStop(string data)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { BuildOutput.ApiDll, "--data", data, "--urls", $"http://127.0.0.1:{FreePorts.Next()}" }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var output = new System.Text.StringBuilder();
            var started = new System.Threading.ManualResetEventSlim();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (output) output.AppendLine(e.Data);
                if (e.Data.Contains("Application started")) started.Set();
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var listening = started.Wait(TimeSpan.FromSeconds(90));
            process.Kill(true);
            process.WaitForExit(30_000);
            lock (output)
            {
                Assert.True(listening, "the API did not start: " + output);
                return output.ToString();
            }
        }
    }
}
