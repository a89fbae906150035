using System;
using System.Linq;
using System.Net;
using System.Security.Claims;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Startup;
using SecureMFA.Otp.Time;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// The AD FS external authentication provider. AD FS creates it with the parameterless constructor,
    /// calls OnAuthenticationPipelineLoad once per process, then Begin/TryEnd once per sign-in.
    /// No exception leaves it: every failure becomes a page and an event.
    /// </summary>
    public sealed class OtpAuthenticationAdapter : IAuthenticationAdapter
    {
        public const string UpnContextKey = "SecureMfaOtp.Upn";

        /// <summary>The provider as its events name it.</summary>
        public const string Host = "SecureMFA OTP provider";

        /// <summary>Set in the context after a recovery code was accepted: how many the user has left (an int), for hosts to show.</summary>
        public const string RecoveryCodesLeftContextKey = "SecureMfaOtp.RecoveryCodesLeft";

        /// <summary>At or below this many recovery codes left, the user is told before AD FS continues.</summary>
        public const int FewRecoveryCodes = 3;

        private const string RecoveryAcceptedContextKey = "SecureMfaOtp.RecoveryAcceptedTicks";
        private static readonly TimeSpan RecoveryContinueWindow = TimeSpan.FromMinutes(10);
        private readonly IEventSink _events;
        private readonly IClock _clock;
        private ProviderConfiguration? _config;
        private Deployment? _deployment;
        private OtpSignIn? _signIn;

        public OtpAuthenticationAdapter() : this(EventSinks.ForPlatform(), SystemClock.Instance) { }

        /// <summary>For hosts other than AD FS (the demo host, tests): where events go and what time it is.</summary>
        public OtpAuthenticationAdapter(IEventSink events, IClock clock)
        {
            _events = EventSinks.Guarded(events);
            _clock = clock;
        }

        public IAuthenticationAdapterMetadata Metadata { get; } = new AdapterMetadata();

        public void OnAuthenticationPipelineLoad(IAuthenticationMethodConfigData configData)
        {
            try
            {
                _deployment = Deployment.Start(new DeploymentStart(Host, () => ConfigurationLoader.ParseStream(configData?.Data)), _events);
                _config = _deployment.Config;
                _signIn = new OtpSignIn(_config, _deployment.Store, _deployment.Protector, _events, _clock);
            }
            catch (DeploymentException ex)
            {
                // Already written as event 5551 or 5553. The provider stays off: every page says verification is unavailable,
                // with the help desk the configuration names when it was valid.
                _config = ex.Configuration;
            }
            catch (Exception ex)
            {
                // Whatever else escapes the start-up (an event sink, a sign-in that cannot be built) stays here: AD FS gets no exception.
                _events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"The {Host} could not start: {ex.GetType().Name}: {ex.Message}");
            }
        }

        public void OnAuthenticationPipelineUnload()
        {
            try { _deployment?.Dispose(); }
            catch (Exception ex)
            {
                // Closing the store's connections must not throw into AD FS either.
                try { _events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, $"Closing the store failed: {ex.Message}"); }
                catch { /* nowhere to report: AD FS goes on unloading */ }
            }
            _deployment = null;
            _signIn = null;
        }

        public bool IsAvailableForUser(Claim identityClaim, IAuthenticationContext context) => true;

        public IAdapterPresentation BeginAuthentication(Claim identityClaim, HttpListenerRequest request, IAuthenticationContext context)
        {
            var upn = identityClaim?.Value ?? "";
            try
            {
                context.Data[UpnContextKey] = upn;
                if (_signIn == null || _config == null || upn.Length == 0) return OtpPresentation.Unavailable(_config);
                return Page(upn, request, null, recoveryMode: false);
            }
            catch (Exception ex)
            {
                return Failed("BeginAuthentication", upn, ex);
            }
        }

        public IAdapterPresentation TryEndAuthentication(IAuthenticationContext context, IProofData proofData, HttpListenerRequest request, out Claim[] claims)
        {
            claims = Array.Empty<Claim>();
            var upn = context?.Data != null && context.Data.TryGetValue(UpnContextKey, out var value) ? value as string ?? "" : "";
            try
            {
                if (_signIn == null || upn.Length == 0) return OtpPresentation.Unavailable(_config);
                switch (Field(proofData, OtpPresentation.ActionField))
                {
                    // Buttons that verify nothing and count nothing: the user's page, looked at afresh.
                    case OtpPresentation.RetryAction:
                    case OtpPresentation.CodeAction:
                        return Page(upn, request, null, recoveryMode: false);
                    case OtpPresentation.RecoveryAction:
                        return Page(upn, request, null, recoveryMode: true);
                    case OtpPresentation.ContinueAction:
                        if (!TakeRecoveryAcceptance(context!)) return Page(upn, request, null, recoveryMode: false);
                        claims = OtpClaims();
                        return null!;
                }

                var recoveryCode = Field(proofData, OtpPresentation.RecoveryCodeField);
                var result = recoveryCode != null
                    ? _signIn.VerifyRecoveryCode(upn, recoveryCode, Client(request), request?.UserAgent)
                    : _signIn.Verify(upn, Field(proofData, OtpPresentation.CodeField), Client(request), request?.UserAgent);
                if (!result.Succeeded) return Page(upn, request, result, recoveryMode: result.RecoveryCode);

                if (result.RecoveryCode)
                {
                    var left = result.RecoveryCodesLeft ?? 0;
                    context!.Data[RecoveryCodesLeftContextKey] = left;
                    if (left <= FewRecoveryCodes)
                    {
                        // Tell the user before AD FS moves on; the Continue button comes back here (see TakeRecoveryAcceptance).
                        // Kept as text: AD FS serializes the context between requests and may not give a number back as a long.
                        context.Data[RecoveryAcceptedContextKey] = _clock.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        return OtpPresentation.RecoveryCodeAccepted(left, _config!);
                    }
                }
                claims = OtpClaims();
                return null!;
            }
            catch (Exception ex)
            {
                return Failed("TryEndAuthentication", upn, ex);
            }
        }

        public IAdapterPresentation OnError(HttpListenerRequest request, ExternalAuthenticationException ex)
        {
            try { _events.Write(OtpEventId.ProviderFailed, EventLevel.Error, "AD FS reported an error: " + ex?.Message); }
            catch { /* the event log itself failed: the page still shows */ }
            return OtpPresentation.Unavailable(_config);
        }

        private static Claim[] OtpClaims() => new[] { new Claim(ClaimTypes.AuthenticationMethod, AdapterMetadata.OtpAuthenticationMethod) };

        /// <summary>
        /// Whether this sign-in accepted a recovery code a moment ago and is only showing how many are left. AD FS keeps
        /// the context (Data included) protected between requests; the mark works once and only for a few minutes.
        /// </summary>
        private bool TakeRecoveryAcceptance(IAuthenticationContext context)
        {
            if (context.Data == null || !context.Data.TryGetValue(RecoveryAcceptedContextKey, out var value)) return false;
            if (!long.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var ticks)) return false;
            context.Data.Remove(RecoveryAcceptedContextKey);
            var age = _clock.UtcNow - new DateTime(ticks, DateTimeKind.Utc);
            return age >= TimeSpan.Zero && age <= RecoveryContinueWindow;
        }

        private static string? Field(IProofData? proofData, string name)
        {
            object? value = null;
            proofData?.Properties?.TryGetValue(name, out value);
            return value as string;
        }

        private OtpPresentation Page(string upn, HttpListenerRequest? request, VerifyResult? attempt, bool recoveryMode) =>
            OtpPresentation.For(_signIn!.Begin(upn, Client(request)), attempt, recoveryMode, upn, _config!, _clock.UtcNow);

        private IPAddress? Client(HttpListenerRequest? request) =>
            request == null ? null : ClientAddress.From(request.Headers, request.RemoteEndPoint, _config!.IsTrustedProxy);

        private OtpPresentation Failed(string step, string upn, Exception ex)
        {
            try { _events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"{step} failed for {upn}: {ex.GetType().Name}: {ex.Message}"); }
            catch { /* never let logging turn a page into an unhandled exception */ }
            return OtpPresentation.Unavailable(_config);
        }
    }
}
