using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Otp.Protocol;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>
    /// The API on a real Kestrel over loopback, beside the AD FS adapter (the demo host) on the same configuration
    /// file, SQLite store and passphrase: one replay and lockout state for both channels.
    /// </summary>
    public sealed class RealServerTests
    {
        [Fact]
        public async Task ACodeAcceptedAtAdfsIsARefusedReplayAtTheApiAndTheOtherWayRound()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            using var adfs = new RunningAdfs(deployment);
            var device = await api.NewDevice();

            var first = deployment.NewUser();
            var code = deployment.CodeAt(first, DateTimeOffset.UtcNow);
            var atAdfs = await adfs.SignIn(first, code);
            Assert.True(atAdfs.SignedIn, atAdfs.Message ?? atAdfs.Html);
            var atApi = await device.Verify(first, code);
            Assert.True(atApi.IsSignedBy(device.Key));
            Assert.Equal("replay", atApi.Result);

            var second = deployment.NewUser();
            var other = deployment.CodeAt(second, DateTimeOffset.UtcNow);
            Assert.Equal("accept", (await device.Verify(second, other)).Result);
            var refused = await adfs.SignIn(second, other);
            Assert.False(refused.SignedIn);
            Assert.StartsWith("That code was already used. Wait for the next code and enter it.", refused.Message);
        }

        [Fact]
        public async Task WrongCodesAtEitherChannelCountTowardOneLockout()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            using var adfs = new RunningAdfs(deployment);
            var device = await api.NewDevice();
            var upn = deployment.NewUser();
            Assert.Equal("accept", (await device.Verify(upn, deployment.CodeAt(upn, DateTimeOffset.UtcNow))).Result);
            var wrong = "000000" == deployment.CodeAt(upn, DateTimeOffset.UtcNow) ? "111111" : "000000";

            for (var i = 0; i < 2; i++) Assert.False((await adfs.SignIn(upn, wrong)).SignedIn);
            var third = await device.Verify(upn, wrong);
            Assert.Equal(("reject", 2), (third.Result, third.Json.GetProperty("attemptsLeft").GetInt32()));
            Assert.False((await adfs.SignIn(upn, wrong)).SignedIn);
            var locked = await device.Verify(upn, wrong);
            Assert.Equal("locked", locked.Result);
            Assert.True(deployment.Store.Find(upn)!.IsLockedAt(DateTime.UtcNow));
            // AD FS sees the same lock: the right code does not sign in there either.
            Assert.False((await adfs.SignIn(upn, deployment.CodeAt(upn, DateTimeOffset.UtcNow))).SignedIn);
        }

        [Fact]
        public async Task OneCodeRacedBy64ConcurrentClientsIsAcceptedExactlyOnce()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath, null, "--Limits:UpnBurst=1000", "--Limits:UpnPerMinute=1000");
            var devices = new List<SignedClient>();
            for (var i = 0; i < 8; i++) devices.Add(await api.NewDevice(machine: "PC" + i));
            var upn = deployment.NewUser();
            var code = deployment.CodeAt(upn, DateTimeOffset.UtcNow);

            using var start = new System.Threading.ManualResetEventSlim();
            var racers = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            {
                using var http = api.Http();
                var d = devices[i % devices.Count];
                var client = new SignedClient(http, deployment.BasePath, d.DeviceId, d.Key, () => DateTimeOffset.UtcNow);
                start.Wait();
                var answer = await client.Verify(upn, code);
                Assert.Equal(200, answer.Status);
                Assert.True(answer.IsSignedBy(d.Key));
                return answer;
            })).ToList();
            start.Set();
            var answers = await Task.WhenAll(racers);

            Assert.Equal(1, answers.Count(a => a.Result == "accept"));
            Assert.Equal(63, answers.Count(a => a.Result == "replay"));
            var user = deployment.Store.Find(upn)!;
            Assert.Equal(1, user.LogonCount);
            // Replays of one step count once toward the lockout, however many raced.
            Assert.Equal(1, user.FailedLogonCount);
        }

        [Fact]
        public async Task TamperedExpiredReplayedUnsignedAndRevokedRequestsAreRefusedOverTheWire()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            using var http = api.Http();
            var device = await api.NewDevice(http);
            var upn = deployment.NewUser();
            var body = Encoding.UTF8.GetBytes($"{{\"upn\":\"{upn}\",\"code\":\"{deployment.CodeAt(upn, DateTimeOffset.UtcNow)}\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}}");

            var unsigned = await SignedClient.Send(http, new HttpRequestMessage(HttpMethod.Post, deployment.BasePath + "/v1/otp/verify") { Content = new ByteArrayContent(body) }, null);
            Assert.Equal((401, "missing_signature"), (unsigned.Status, unsigned.Error));
            var tampered = await device.Send(HttpMethod.Post, "/v1/otp/verify", body, signedBody: Encoding.UTF8.GetBytes("{}"));
            Assert.Equal((401, "bad_signature"), (tampered.Status, tampered.Error));
            var expired = await device.Send(HttpMethod.Post, "/v1/otp/verify", body, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600);
            Assert.Equal((401, "stale_timestamp"), (expired.Status, expired.Error));
            Assert.Equal(0, deployment.Store.Find(upn)!.LogonCount);

            var nonce = MessageSignature.NewNonce();
            var accepted = await device.Send(HttpMethod.Post, "/v1/otp/verify", body, nonce: nonce);
            Assert.Equal("accept", accepted.Result);
            Assert.True(accepted.IsSignedBy(device.Key));
            var replayed = await device.Send(HttpMethod.Post, "/v1/otp/verify", body, nonce: nonce);
            Assert.Equal((401, "replayed_nonce"), (replayed.Status, replayed.Error));
            Assert.Null(replayed.Signature);

            Assert.True(deployment.Devices.Revoke(device.DeviceId, DateTime.UtcNow));
            var revoked = await device.Self();
            Assert.Equal((403, "device_revoked"), (revoked.Status, revoked.Error));
            Assert.True(revoked.IsSignedBy(device.Key));
            Assert.Contains(api.Events.Messages(OtpEventId.OtpFailed), m => m.Contains("device_revoked"));
            Assert.DoesNotContain(Convert.ToBase64String(device.Key), api.Events.Text);
        }

        [Fact]
        public async Task TheClientWrittenFromTheDocumentAloneRegistersVerifiesAndUnwraps()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            var upn = deployment.NewUser();
            Assert.Equal("selftest=ok", Run("selftest").Trim());
            var output = Run("run", api.Endpoint, ApiDeployment.Bootstrap, upn, deployment.CodeAt(upn, DateTimeOffset.UtcNow));
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim());
            Assert.Equal("accept", lines["result"]);
            // The offline secret of this user on the DocClient's device (docs/webapi-protocol.md, "Offline secret"), never the user's own.
            var offlineSecret = System.Security.Cryptography.HMACSHA256.HashData(deployment.SecretOf(upn), System.Text.Encoding.UTF8.GetBytes("SMFA1-OFFLINE-SECRET\n" + lines["deviceId"]))[..20];
            Assert.Equal(Convert.ToHexString(offlineSecret).ToLowerInvariant(), lines["offlineSecret"]);
            Assert.NotEqual(Convert.ToHexString(deployment.SecretOf(upn)).ToLowerInvariant(), lines["offlineSecret"]);
            Assert.Equal("7", lines["validDays"]);
            Assert.Equal("401 replayed_nonce", lines["replay"]);
            Assert.Equal("DOCCLIENT", deployment.Devices.Find(lines["deviceId"])!.Machine);
        }

        [Fact]
        public void WithoutDataEncryptionTheApiRefusesToStartWithEvent5551()
        {
            var deployment = new ApiDeployment(new Dictionary<string, string> { ["data_encryption"] = "false" });
            var (exit, stdout, stderr) = RunProcess(BuildOutput.ApiDll, "--config", deployment.ConfigPath, "--urls", $"http://127.0.0.1:{FreePorts.Next()}");
            Assert.Equal(1, exit);
            Assert.Contains("SecureMFA WEB API 5551 Error: data_encryption must be true for the WEB API", stderr);
            Assert.Contains("SecureMFA WEB API did not start: data_encryption must be true", stderr);
            Assert.DoesNotContain(ApiDeployment.Passphrase, stdout + stderr);
        }

        [Fact]
        public void APortInUseIsOneLineNamingUrlsNotAStackTrace()
        {
            using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            taken.Start();
            var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
            var deployment = new ApiDeployment();
            var (exit, _, stderr) = RunProcess(BuildOutput.ApiDll, "--config", deployment.ConfigPath, "--urls", url);
            Assert.Equal(1, exit);
            Assert.Contains($"SecureMFA WEB API did not start: Failed to bind to address {url}: address already in use. Choose another address with --urls", stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.DoesNotContain("Exception", stderr);
        }

        private static string Run(params string[] args)
        {
            var (exit, stdout, stderr) = RunProcess(BuildOutput.DocClientDll, args);
            Assert.True(exit == 0, stderr + stdout);
            return stdout;
        }

        private static (int Exit, string Stdout, string Stderr) RunProcess(string dll, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(dll);
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(true);
                throw new TimeoutException("the process did not finish: " + stderr.Result);
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
