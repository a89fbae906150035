using System;
using System.Linq;
using System.Net;
using System.Security.Claims;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

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
        private readonly IEventSink _events;
        private readonly Func<DateTime> _clock;
        private ProviderConfiguration? _config;
        private IOtpUserStore? _store;
        private ISecretProtector? _protector;
        private OtpSignIn? _signIn;

        public OtpAuthenticationAdapter() : this(EventSinks.ForPlatform(), () => DateTime.UtcNow) { }

        /// <summary>For hosts other than AD FS (the demo host, tests): where events go and what time it is.</summary>
        public OtpAuthenticationAdapter(IEventSink events, Func<DateTime> clock)
        {
            _events = EventSinks.Guarded(events);
            _clock = clock;
        }

        public IAuthenticationAdapterMetadata Metadata { get; } = new AdapterMetadata();

        public void OnAuthenticationPipelineLoad(IAuthenticationMethodConfigData configData)
        {
            try
            {
                var result = ConfigurationLoader.ParseStream(configData?.Data);
                var config = result.Configuration ?? throw new ConfigurationException(result.Issues);
                var warnings = result.Warnings.Select(w => w.ToString()).ToList();
                _events.Write(OtpEventId.ConfigurationOk, warnings.Count == 0 ? EventLevel.Information : EventLevel.Warning,
                    $"Configuration loaded: auth_mode {config.AuthMode}, data_encryption {config.DataEncryption}, lockout after {config.Lockout.MaxFailures} failure(s) for {config.Lockout.Duration.TotalMinutes} minute(s)." +
                    (warnings.Count == 0 ? "" : " Warnings: " + string.Join("; ", warnings)));
                _config = config;
            }
            catch (ConfigurationException ex)
            {
                // One line per event: the problems are joined, each naming its key.
                _events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error,
                    "The configuration is invalid: " + string.Join("; ", ex.Issues.Where(i => i.Severity == IssueSeverity.Error)));
                return;
            }
            catch (Exception ex)
            {
                _events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error, "The configuration could not be read: " + ex.Message);
                return;
            }

            try
            {
                _store = OtpUserStoreFactory.Open(_config, _events);
                _protector = SecretProtectors.For(_config, _store);
                _signIn = new OtpSignIn(_config, _store, _protector, _events, _clock);
                _events.Write(OtpEventId.ProviderOk, EventLevel.Information, $"SecureMFA OTP provider started ({_config.AuthMode} store{(_store is LdapOtpUserStore ad ? ": " + ad.DomainControllerInUse() : "")}).");
            }
            catch (Exception ex)
            {
                _events.Write(OtpEventId.ProviderFailed, EventLevel.Error, "The SecureMFA OTP provider could not start: " + ex.Message);
                return;
            }

            try
            {
                (_store as SqlOtpUserStore)?.CheckSchema();
                // Deriving the encryption key is deliberately slow: done here, once per process, not in a sign-in.
                (_protector as EncryptedSecretProtector)?.Prepare();
            }
            catch (StoreUnavailableException ex)
            {
                // Not fatal: the database may come up later; each sign-in tries again and shows a page meanwhile.
                _events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, ex.Message);
            }
        }

        public void OnAuthenticationPipelineUnload()
        {
            (_store as IDisposable)?.Dispose();
            _store = null;
            _signIn = null;
        }

        public bool IsAvailableForUser(Claim identityClaim, IAuthenticationContext context) => true;

        public IAdapterPresentation BeginAuthentication(Claim identityClaim, HttpListenerRequest request, IAuthenticationContext context)
        {
            var upn = identityClaim?.Value ?? "";
            try
            {
                context.Data[UpnContextKey] = upn;
                if (_signIn == null || _config == null || upn.Length == 0) return OtpPresentation.Unavailable();
                return Page(upn, request, PageMessage.None);
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
                if (_signIn == null || upn.Length == 0) return OtpPresentation.Unavailable();
                object? typed = null;
                proofData?.Properties?.TryGetValue(OtpPresentation.CodeField, out typed);
                var outcome = _signIn.Verify(upn, typed as string, Client(request), request?.UserAgent).Outcome;
                if (outcome == VerifyOutcome.Success)
                {
                    claims = new[] { new Claim(ClaimTypes.AuthenticationMethod, AdapterMetadata.OtpAuthenticationMethod) };
                    return null!;
                }
                var message = outcome == VerifyOutcome.Replayed ? PageMessage.Replayed
                    : outcome == VerifyOutcome.WrongCode || outcome == VerifyOutcome.ClockDrift || outcome == VerifyOutcome.Malformed ? PageMessage.WrongCode
                    : PageMessage.None;
                return Page(upn, request, message);
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
            return OtpPresentation.Unavailable();
        }

        private OtpPresentation Page(string upn, HttpListenerRequest? request, PageMessage message) =>
            OtpPresentation.For(_signIn!.Begin(upn, Client(request)), message, upn, _config!, _clock());

        private IPAddress? Client(HttpListenerRequest? request) =>
            request == null ? null : ClientAddress.From(request.Headers, request.RemoteEndPoint, _config!.IsTrustedProxy);

        private OtpPresentation Failed(string step, string upn, Exception ex)
        {
            try { _events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"{step} failed for {upn}: {ex.GetType().Name}: {ex.Message}"); }
            catch { /* never let logging turn a page into an unhandled exception */ }
            return OtpPresentation.Unavailable();
        }
    }
}
