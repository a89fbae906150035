using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Totp;
using SecureMFA.WebApi.Hosting;

namespace SecureMFA.Bench
{
    /// <summary>
    /// The WEB API over loopback: a real Kestrel, 64 concurrent clients, signed requests and checked response signatures,
    /// SQLite store with encryption, every request a real accepted verification (each of many enrolled users verifies
    /// their current code once, so nothing is a replay or a cache hit).
    /// </summary>
    public static class WebApiLoad
    {
        private const int Clients = 64;
        private const int Devices = 512;
        private const string Bootstrap = "Bench-Bootstrap-Value-0123456789";

        public static async Task Run(string work, double seconds = 15)
        {
            Console.WriteLine($"WEB API verify over loopback: {Clients} concurrent clients, {Devices} devices, SQLite + encryption, signing on, each request an accepted code:");
            Console.WriteLine($"  load average before: {LoadAverage()}");
            var path = Path.Combine(work, "webapi.db");
            var configPath = Path.Combine(work, "webapi.json");
            File.WriteAllText(configPath, $"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{path}\", \"data_encryption\": \"true\", " +
                $"\"data_encryption_passphrase\": \"Benchmark-Passphrase-4\", \"api_headers_value\": \"{Bootstrap}\" }}");
            var config = ConfigurationLoader.LoadFile(configPath);

            // Enough users that none verifies twice: both runs at up to 4,000/s, and the warm-up.
            var users = (int)(2 * seconds + 5) * 4000;
            var store = SqliteStoreFactory.Open(path);
            var protector = SecretProtectors.For(config, store);
            (protector as EncryptedSecretProtector)?.Prepare();
            var keys = new byte[users][];
            var upns = new string[users];
            var batch = new List<NewOtpUser>(users);
            for (var i = 0; i < users; i++)
            {
                keys[i] = SharedSecret.NewKey();
                upns[i] = $"user{i}@adatum.com";
                batch.Add(new NewOtpUser(upns[i], protector.Protect(upns[i], keys[i]), TotpParameters.Default));
            }
            store.CreateMany(batch);

            var port = FreePort();
            await using var app = ApiApplication.Build(new[] { "--config", configPath, "--urls", $"http://127.0.0.1:{port}" },
                services => services.AddSingleton<IEventSink>(new NullEvents()));
            await app.StartAsync();
            var basePath = config.ApiBasePath;
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            var devices = new List<(string Id, byte[] Key)>();
            for (var i = 0; i < Devices; i++) devices.Add(await Register(http, basePath, "PC" + i));

            var next = -1;
            long failures = 0;
            var latencies = new List<double>[Clients];
            // Each client sends its next request as soon as it has an answer (interval null: as fast as the server allows),
            // or on a fixed schedule; a late request's latency counts from when it was due, so a stall is not hidden.
            async Task<int> Worker(int client, DateTime until, bool record, TimeSpan? interval)
            {
                var mine = latencies[client] ??= new List<double>();
                var done = 0;
                var clock = Stopwatch.StartNew();
                var due = TimeSpan.FromMilliseconds(interval.HasValue ? interval.Value.TotalMilliseconds * client / Clients : 0);
                while (DateTime.UtcNow < until)
                {
                    if (interval.HasValue)
                    {
                        var wait = due - clock.Elapsed;
                        if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    }
                    var started = interval.HasValue ? due : clock.Elapsed;
                    var i = Interlocked.Increment(ref next);
                    if (i >= users) throw new InvalidOperationException("ran out of users: raise the user count");
                    var device = devices[i % Devices];
                    var ok = await Verify(http, basePath, device, upns[i], TotpGenerator.Compute(keys[i], TotpParameters.Default, DateTime.UtcNow));
                    var elapsed = (clock.Elapsed - started).TotalMilliseconds;
                    if (!ok) Interlocked.Increment(ref failures);
                    if (record) mine.Add(elapsed);
                    done++;
                    if (interval.HasValue) due += interval.Value;
                }
                return done;
            }

            async Task Measure(string label, TimeSpan? interval)
            {
                failures = 0;
                for (var c = 0; c < Clients; c++) latencies[c]?.Clear();
                var clock = Stopwatch.StartNew();
                var counts = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Worker(c, DateTime.UtcNow.AddSeconds(seconds), true, interval)));
                var elapsedSeconds = clock.Elapsed.TotalSeconds;
                var all = latencies.SelectMany(l => l).OrderBy(l => l).ToArray();
                var total = counts.Sum();
                Console.WriteLine($"  {label,-28} {total,7:N0} in {elapsedSeconds:N1} s: {total / elapsedSeconds,6:N0} /s   p50 {Percentile(all, 0.50),6:N1} ms   p99 {Percentile(all, 0.99),6:N1} ms   max {all[^1],7:N1} ms   failures {failures}");
            }

            // Warm-up: JIT, connection pool, SQLite page cache.
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Worker(c, DateTime.UtcNow.AddSeconds(3), false, null)));
            await Measure("as fast as it answers", null);
            // 64 clients, each every 64 ms: 1,000 requests/s offered.
            await Measure("offered 1,000/s", TimeSpan.FromMilliseconds(64));
            Console.WriteLine($"  load average after: {LoadAverage()}");
            await app.StopAsync();
        }

        private static async Task<(string, byte[])> Register(HttpClient http, string basePath, string machine)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, basePath + "/v1/devices/register")
            {
                Content = new StringContent($"{{\"machine\":\"{machine}\",\"machineSid\":\"\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(ApiHeaders.Bootstrap, Bootstrap);
            using var response = await http.SendAsync(request);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            var json = answer.RootElement;
            return (json.GetProperty("deviceId").GetString()!, Convert.FromBase64String(json.GetProperty("deviceKey").GetString()!));
        }

        /// <summary>One signed verification, as WIN OTP sends it; true only for a signed "accept".</summary>
        private static async Task<bool> Verify(HttpClient http, string basePath, (string Id, byte[] Key) device, string upn, string code)
        {
            var body = Encoding.UTF8.GetBytes($"{{\"upn\":\"{upn}\",\"code\":\"{code}\",\"scenario\":\"logon\",\"machine\":\"PC\"}}");
            var nonce = MessageSignature.NewNonce();
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var path = basePath + "/v1/otp/verify";
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(ApiHeaders.Device, device.Id);
            request.Headers.Add(ApiHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(ApiHeaders.Nonce, nonce);
            request.Headers.Add(ApiHeaders.Signature, MessageSignature.SignRequest(device.Key, "POST", path, timestamp, nonce, body));
            using var response = await http.SendAsync(request);
            var received = await response.Content.ReadAsByteArrayAsync();
            var signature = response.Headers.TryGetValues(ApiHeaders.Signature, out var values) ? values.FirstOrDefault() : null;
            if (!MessageSignature.VerifyResponse(device.Key, nonce, (int)response.StatusCode, received, signature)) return false;
            // Disposed, so the parser returns its pooled buffer instead of leaving it to the collector: the client shares the server's cores.
            using var answer = JsonDocument.Parse(received);
            return answer.RootElement.GetProperty("result").GetString() == "accept";
        }

        private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
