using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DocClient;

// DocClient selftest                                   checks this client against section 10 of the document
// DocClient run <endpoint> <bootstrap> <upn> <code>    registers, checks the device, verifies with an offline package
// Prints key=value lines; exits 1 (with the reason on standard error) if anything disagrees with the document.
try
{
    if (args.Length == 1 && args[0] == "selftest") return SelfTest();
    if (args.Length == 5 && args[0] == "run") return await Run(args[1].TrimEnd('/'), args[2], args[3], args[4]);
    Console.Error.WriteLine("usage: DocClient selftest | DocClient run <endpoint> <bootstrap> <upn> <code>");
    return 2;
}
catch (ProtocolViolation ex)
{
    Console.Error.WriteLine("protocol violation: " + ex.Message);
    return 1;
}

static int SelfTest()
{
    var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    var nonce = Convert.ToBase64String(Enumerable.Range(0x10, 16).Select(i => (byte)i).ToArray());
    var body = Encoding.UTF8.GetBytes("{\"upn\":\"alice@adatum.labnet\",\"code\":\"287082\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offline\":false}");
    Expect("body hash", "8c414db2a7eb6cc6f5390db13ed0e7b88a02072831217ac51f349faeddeb76e5", Protocol.BodyHash(body));
    Expect("request signature", "NscokOgubl02jjKYiySHXaTBfqlV6TEGaMaGu+w8+EA=",
        Protocol.SignRequest(key, "POST", "/api/securemfaotp/v1/otp/verify", "1764500000", nonce, body));
    Expect("request signature, timestamp sent as 01764500000", "E+PDPURDvvAMq0v7jpHhmf6+cMXg7x1xPnK6LJpZLjI=",
        Protocol.SignRequest(key, "POST", "/api/securemfaotp/v1/otp/verify", "01764500000", nonce, body));
    var response = Encoding.UTF8.GetBytes("{\"result\":\"accept\",\"lockedUntil\":null,\"serverTime\":1764500001,\"offline\":null}");
    Expect("response hash", "65b2fcae331c8e06b3a5edfea876165efa5aceab3b5951f2aaa19f5425ed3da6", Protocol.BodyHash(response));
    Expect("response signature", "KYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw=", Protocol.ResponseSignature(key, nonce, 200, response));
    Expect("okm", "c6e1c3326e543135ec822f4f86bcbd6e28aa9f6e324a6c3f3d9de1c17527427e32265133a227a4f76af3c53af9b545563d383fffb825822a5b7891a3c1ae6b4c",
        Protocol.Hex(Protocol.Hkdf(key, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-KEY\nalice@adatum.labnet"), 64)));
    var package = new OfflinePackage
    {
        V = 3, Upn = "alice@adatum.labnet", Issuer = "Adatum", Alg = "SHA1", Digits = 6, Period = 30, ValidUntil = 1767092001,
        MaxFailures = 5, LockoutMinutes = 5, LastStep = 58816666,
    };
    var secret = Protocol.OfflineSecret(Encoding.ASCII.GetBytes("12345678901234567890"), "dev1");
    Expect("offline secret", "4f777b4678818b121c35ec753f5243784ca1cbc1", Protocol.Hex(secret));
    package.WrappedSecret = Protocol.Wrap(key, package, secret, Enumerable.Range(0x20, 16).Select(i => (byte)i).ToArray());
    Expect("wrappedSecret", "ICEiIyQlJicoKSorLC0uLwRg9bpiOunPtstvuzaNcniu6fcJc8CHXO/tQGJXCKfgRzWynT1U+SivDT6w4Nd4siZ8X60SFwdw+nBl4GgiDpY=", package.WrappedSecret);
    Expect("unwrapped", "4f777b4678818b121c35ec753f5243784ca1cbc1", Protocol.Hex(Protocol.Unwrap(key, package) ?? Array.Empty<byte>()));
    package.LastStep++;
    if (Protocol.Unwrap(key, package) != null) throw new ProtocolViolation("a package with an altered field unwrapped");
    Console.WriteLine("selftest=ok");
    return 0;
}

static async Task<int> Run(string endpoint, string bootstrap, string upn, string code)
{
    using var http = new HttpClient();
    var origin = new Uri(endpoint);

    // Section 5: registration, unsigned.
    var register = new HttpRequestMessage(HttpMethod.Post, endpoint + "/v1/devices/register")
    {
        Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"machine\":\"DOCCLIENT\",\"machineSid\":\"\"}")),
    };
    register.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    register.Headers.Add("X-SMFA-Bootstrap", bootstrap);
    var registered = await http.SendAsync(register);
    var registration = JsonDocument.Parse(await registered.Content.ReadAsByteArrayAsync()).RootElement;
    if ((int)registered.StatusCode != 200) throw new ProtocolViolation($"registration answered {(int)registered.StatusCode} {registration}");
    var deviceId = registration.GetProperty("deviceId").GetString()!;
    var deviceKey = Convert.FromBase64String(registration.GetProperty("deviceKey").GetString()!);
    if (deviceKey.Length != 32) throw new ProtocolViolation("the device key is not 32 bytes");
    if (deviceId.Length > 64 || deviceId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))) throw new ProtocolViolation("the device id has characters outside [A-Za-z0-9_-]");
    Console.WriteLine("deviceId=" + deviceId);

    // Section 6: a signed GET with an empty body; its timestamp has a leading zero, which section 3 allows (signed as sent).
    var (selfStatus, selfBody, _) = await Signed(http, origin, deviceId, deviceKey, HttpMethod.Get, endpoint + "/v1/devices/self", Array.Empty<byte>(), null, "0");
    var self = JsonDocument.Parse(selfBody).RootElement;
    if (selfStatus != 200 || self.GetProperty("deviceId").GetString() != deviceId) throw new ProtocolViolation("devices/self did not name this device");
    Console.WriteLine("machine=" + self.GetProperty("machine").GetString());

    // Section 7: verify with an offline package.
    var verifyBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { upn, code, scenario = "logon", machine = "DOCCLIENT", offline = true, offlineDays = 7 }));
    var (status, body, nonce) = await Signed(http, origin, deviceId, deviceKey, HttpMethod.Post, endpoint + "/v1/otp/verify", verifyBody, null);
    if (status != 200) throw new ProtocolViolation($"verify answered {status}");
    var answer = JsonDocument.Parse(body).RootElement;
    var result = answer.GetProperty("result").GetString();
    Console.WriteLine("result=" + result);
    if (answer.TryGetProperty("offline", out var offline) && offline.ValueKind == JsonValueKind.Object)
    {
        var package = offline.Deserialize<OfflinePackage>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var secret = Protocol.Unwrap(deviceKey, package) ?? throw new ProtocolViolation("the offline package does not unwrap with this device's key");
        Console.WriteLine("offlineSecret=" + Protocol.Hex(secret));
        Console.WriteLine("validDays=" + ((package.ValidUntil - answer.GetProperty("serverTime").GetInt64()) / 86400.0).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("lastStep=" + package.LastStep);
    }

    // Section 3, rule 5: the same request again (same nonce) must be refused, unsigned.
    var (replayStatus, replayBody, _) = await Signed(http, origin, deviceId, deviceKey, HttpMethod.Post, endpoint + "/v1/otp/verify", verifyBody, nonce);
    Console.WriteLine("replay=" + replayStatus + " " + JsonDocument.Parse(replayBody).RootElement.GetProperty("error").GetString());
    return 0;
}

// Sends a signed request; checks the response signature whenever the request was accepted as signed.
static async Task<(int Status, byte[] Body, string Nonce)> Signed(HttpClient http, Uri origin, string deviceId, byte[] key, HttpMethod method, string url, byte[] body, string? reuseNonce, string leadingZeros = "")
{
    var nonce = reuseNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
    var timestamp = leadingZeros + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var path = new Uri(url).AbsolutePath;
    var request = new HttpRequestMessage(method, url);
    if (body.Length > 0 || method == HttpMethod.Post)
    {
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }
    request.Headers.Add("X-SMFA-Device", deviceId);
    request.Headers.Add("X-SMFA-Timestamp", timestamp);
    request.Headers.Add("X-SMFA-Nonce", nonce);
    request.Headers.Add("X-SMFA-Signature", Protocol.SignRequest(key, method.Method, path, timestamp, nonce, body));
    var response = await http.SendAsync(request);
    var received = await response.Content.ReadAsByteArrayAsync();
    var status = (int)response.StatusCode;
    var signature = response.Headers.TryGetValues("X-SMFA-Signature", out var values) ? values.Single() : null;
    if (status == 401)
    {
        // Refusals of section 3 carry no signature.
        if (signature != null) throw new ProtocolViolation("a 401 carried a signature");
    }
    else if (!Protocol.ResponseSignatureIsRight(key, nonce, status, received, signature))
    {
        throw new ProtocolViolation($"the {status} response to {method} {path} has a missing or wrong signature: treat it as an unreachable API");
    }
    return (status, received, nonce);
}

static void Expect(string what, string expected, string actual)
{
    if (expected != actual) throw new ProtocolViolation($"{what}: expected {expected}, got {actual}");
}

sealed class ProtocolViolation : Exception
{
    public ProtocolViolation(string message) : base(message) { }
}
