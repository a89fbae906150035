using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Limits;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>
    /// Section 3 and 4 of docs/webapi-protocol.md for the endpoints marked <see cref="SignedEndpoint"/>: checks the four
    /// headers, the device, the timestamp and the signature, each refusal with its own 401 code and no signature. A revoked
    /// device whose signature verified gets a signed 403 (it can trust it and stop). Then the nonce is checked, the device's
    /// rate limit applied (a signed 429, nothing recorded) and only then the nonce recorded, so a device's requests past its
    /// limit take no room in the nonce memory; whatever the endpoint answers, errors included, is signed, binding the nonce.
    /// </summary>
    public sealed class RequestSignatureMiddleware
    {
        /// <summary>Last-seen times are written at most this often per device (a write per request would load the store, AD above all).</summary>
        public static readonly TimeSpan LastSeenInterval = TimeSpan.FromHours(1);
        private static readonly Regex DeviceHeader = new Regex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant);
        private static readonly Regex TimestampHeader = new Regex("^[0-9]{1,18}$", RegexOptions.CultureInvariant);
        private readonly RequestDelegate _next;
        private readonly ApiRuntime _runtime;
        private readonly NonceCache _nonces;
        private readonly ApiRateLimiters _limits;
        private readonly RefusalEvents _refusals;

        public RequestSignatureMiddleware(RequestDelegate next, ApiRuntime runtime, NonceCache nonces, ApiRateLimiters limits, RefusalEvents refusals)
        {
            _next = next;
            _runtime = runtime;
            _nonces = nonces;
            _limits = limits;
            _refusals = refusals;
        }

        public async Task InvokeAsync(HttpContext context)
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<SignedEndpoint>() == null)
            {
                await _next(context);
                return;
            }
            var body = await RequestBody.Read(context);
            if (body == null) return;
            var signed = await Authenticate(context, body);
            if (signed == null) return;
            if (signed.Device.IsRevoked)
            {
                _refusals.Write(ApiWords.Errors.DeviceRevoked, Address(context), $"{context.Request.Method} {context.Request.Path}, device {signed.Device.Id}", _runtime.Clock.UtcNow);
                await RespondSigned(context, signed, c => ApiError.Write(c, StatusCodes.Status403Forbidden, ApiWords.Errors.DeviceRevoked,
                    "This device was revoked by an administrator: delete what it keeps for offline sign-in, and register it again only if told to."));
                return;
            }
            var (claim, wait) = await ClaimNonce(context, signed);
            if (claim == NonceClaim.Refused) return;
            if (claim == NonceClaim.Limited)
            {
                await RespondSigned(context, signed, c => ApiError.Write(c, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited,
                    "Too many requests from this device; try again later.", retryAfter: wait));
                return;
            }
            RecordLastSeen(signed.Device, _runtime.Clock.UtcNow, context.Connection.RemoteIpAddress?.ToString());
            context.Features.Set(signed);
            await RespondSigned(context, signed, _next);
        }

        private enum NonceClaim { Claimed, Limited, Refused }

        /// <summary>Replay check, then the device's rate limit, then the nonce is recorded: only requests within the limit take room.</summary>
        private async Task<(NonceClaim, TimeSpan?)> ClaimNonce(HttpContext context, SignedRequest signed)
        {
            var now = new DateTimeOffset(_runtime.Clock.UtcNow);
            var nonce = Convert.FromBase64String(signed.Nonce);
            var use = _nonces.Check(signed.Device.Id, nonce, signed.Timestamp, now);
            if (use == NonceUse.Fresh)
            {
                var wait = _limits.Device(signed.Device.Id);
                if (wait.HasValue) return (NonceClaim.Limited, wait);
                use = _nonces.TryUse(signed.Device.Id, nonce, signed.Timestamp, now);
            }
            switch (use)
            {
                case NonceUse.Replayed:
                    await Refuse(context, ApiWords.Errors.ReplayedNonce, $"This nonce was already used within {MessageSignature.NonceLifetimeSeconds} s.", signed.Device.Id);
                    return (NonceClaim.Refused, null);
                case NonceUse.Full:
                    await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited,
                        "Too many requests from this device; try again later.", retryAfter: TimeSpan.FromMinutes(1));
                    return (NonceClaim.Refused, null);
                default:
                    return (NonceClaim.Claimed, null);
            }
        }

        private async Task<SignedRequest?> Authenticate(HttpContext context, byte[] body)
        {
            var headers = context.Request.Headers;
            var deviceValues = headers[ApiHeaders.Device];
            var timestampValues = headers[ApiHeaders.Timestamp];
            var nonceValues = headers[ApiHeaders.Nonce];
            var signatureValues = headers[ApiHeaders.Signature];
            // An empty header is a missing one (some hosts drop empty headers, others keep them).
            if (StringValues.IsNullOrEmpty(deviceValues) || StringValues.IsNullOrEmpty(timestampValues) || StringValues.IsNullOrEmpty(nonceValues) || StringValues.IsNullOrEmpty(signatureValues))
                return await Refuse(context, ApiWords.Errors.MissingSignature, "The request must carry X-SMFA-Device, X-SMFA-Timestamp, X-SMFA-Nonce and X-SMFA-Signature.", null);

            var deviceId = Single(deviceValues);
            var timestampText = Single(timestampValues);
            var nonce = Single(nonceValues);
            var signature = Single(signatureValues);
            if (deviceId == null || !DeviceHeader.IsMatch(deviceId))
                return await Refuse(context, ApiWords.Errors.MalformedHeader, "X-SMFA-Device is not a device id.", null);
            if (timestampText == null || !TimestampHeader.IsMatch(timestampText))
                return await Refuse(context, ApiWords.Errors.MalformedHeader, "X-SMFA-Timestamp is not Unix seconds in decimal digits.", deviceId);
            if (nonce == null || !MessageSignature.IsWellFormedNonce(nonce))
                return await Refuse(context, ApiWords.Errors.MalformedHeader, "X-SMFA-Nonce is not the base64 of 16 bytes.", deviceId);
            if (signature == null || !IsBase64Of(signature, 32))
                return await Refuse(context, ApiWords.Errors.MalformedHeader, "X-SMFA-Signature is not the base64 of an HMAC-SHA256.", deviceId);

            var device = _runtime.Devices.Find(deviceId);
            // Only the stored spelling names a device: another spelling would get its own nonce history.
            if (device == null || !string.Equals(device.Id, deviceId, StringComparison.Ordinal))
                return await Refuse(context, ApiWords.Errors.UnknownDevice, "No device is registered with this id; register it again.", deviceId);
            var now = _runtime.Clock.UtcNow;
            var serverTime = new DateTimeOffset(now).ToUnixTimeSeconds();
            var timestamp = long.Parse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (Math.Abs(timestamp - serverTime) > MessageSignature.MaxClockSkewSeconds)
                return await Refuse(context, ApiWords.Errors.StaleTimestamp,
                    $"X-SMFA-Timestamp is more than {MessageSignature.MaxClockSkewSeconds} s away from the server's clock: check the computer's time.", deviceId, serverTime);

            // The timestamp is verified as sent, not re-rendered: "0176…" is what the device signed.
            var key = _runtime.Protector.Unprotect(Device.KeyBinding(device.Id), device.ProtectedKey);
            if (!MessageSignature.VerifyRequest(key, context.Request.Method, RequestTarget.SignedPath(context), timestampText, nonce, body, signature))
                return await Refuse(context, ApiWords.Errors.BadSignature, "The request signature is wrong.", deviceId);
            return new SignedRequest(device, key, nonce, timestamp, body);
        }

        private void RecordLastSeen(Device device, DateTime now, string? address)
        {
            if (device.LastSeen.HasValue && now - device.LastSeen.Value < LastSeenInterval) return;
            try { _runtime.Devices.Touch(device.Id, now, address, LastSeenInterval); }
            catch (StoreUnavailableException ex)
            {
                // Bookkeeping only: the request goes on.
                _runtime.Events.Write(Core.Events.OtpEventId.ProviderFailed, Core.Events.EventLevel.Warning, $"The last-seen time of device {device.Id} was not recorded: {ex.Message}");
            }
        }

        /// <summary>Runs <paramref name="produce"/> (the endpoint, or a refusal) into a buffer, then signs status and body with the device key and the request's nonce.</summary>
        private async Task RespondSigned(HttpContext context, SignedRequest signed, RequestDelegate produce)
        {
            var response = context.Response;
            var wire = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await produce(context);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
            {
                buffer.SetLength(0);
                response.Headers.Remove("Retry-After");
                await JsonErrorsMiddleware.WriteFailure(context, ex, _runtime.Events);
            }
            finally
            {
                response.Body = wire;
            }
            var bytes = buffer.ToArray();
            response.Headers[ApiHeaders.Signature] = MessageSignature.SignResponse(signed.DeviceKey, signed.Nonce, response.StatusCode, bytes);
            response.ContentLength = bytes.Length;
            await wire.WriteAsync(bytes, context.RequestAborted);
        }

        private async Task<SignedRequest?> Refuse(HttpContext context, string error, string message, string? deviceId, long? serverTime = null)
        {
            _refusals.Write(error, Address(context), $"{context.Request.Method} {context.Request.Path}" + (deviceId != null ? $", device {deviceId}" : ""), _runtime.Clock.UtcNow);
            await ApiError.Write(context, StatusCodes.Status401Unauthorized, error, message, serverTime);
            return null;
        }

        private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        private static string? Single(StringValues values) => values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

        private static bool IsBase64Of(string text, int length)
        {
            var bytes = new byte[length + 3];
            return Convert.TryFromBase64String(text, bytes, out var written) && written == length;
        }
    }

    /// <summary>Endpoint metadata: requests to this endpoint are signed by a device, and so are its responses.</summary>
    public sealed class SignedEndpoint
    {
        public static readonly SignedEndpoint Instance = new SignedEndpoint();

        private SignedEndpoint() { }
    }
}
