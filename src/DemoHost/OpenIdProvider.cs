using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The demo host as AD FS 2016+ is an OpenID Connect provider to an application group's web app: discovery, the
    /// authorization code flow with PKCE (S256) and a client secret, a JWKS with a per-run RSA key, and an RS256 id_token
    /// that is only ever issued for a sign-in the adapter finished (its second factor succeeded). Codes are one-time,
    /// live a minute and are bound to the client, the redirect URI and the PKCE challenge; every refusal carries the
    /// OAuth error code (RFC 6749), and nothing is redirected to a client or URI that was not registered.
    /// </summary>
    public sealed class OpenIdProvider : IDisposable
    {
        public const string DiscoveryPath = "/adfs/.well-known/openid-configuration";
        public const string AuthorizePath = "/adfs/oauth2/authorize";
        public const string TokenPath = "/adfs/oauth2/token";
        public const string KeysPath = "/adfs/discovery/keys";
        public const string LogoutPath = "/adfs/oauth2/logout";
        public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);
        /// <summary>AD FS's default token lifetime.</summary>
        public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
        /// <summary>The access token's audience when only OpenID scopes are asked, as AD FS names its UserInfo endpoint.</summary>
        public const string UserInfoAudience = "urn:microsoft:userinfo";
        private static readonly string[] Scopes = { "openid", "profile", "email", "allatclaims" };
        private static readonly string[] ResponseModes = { "query", "form_post" };
        /// <summary>Posts the form_post response as soon as the page loads; without script, its Continue button does.</summary>
        public const string FormPostScript = "document.getElementById('oidcResponse').submit();";
        private readonly Dictionary<string, OidcClient> _clients;
        private readonly BoundedTokenTable<AuthorizationRequest> _authorizations;
        private readonly BoundedTokenTable<IssuedCode> _codes;
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly RsaSecurityKey _signingKey;
        private readonly IClock _clock;

        public OpenIdProvider(Uri baseAddress, IEnumerable<OidcClient> clients, IClock clock, int capacity)
        {
            Issuer = baseAddress.ToString().TrimEnd('/') + "/adfs";
            _clock = clock;
            _clients = new Dictionary<string, OidcClient>(StringComparer.Ordinal);
            foreach (var client in clients) _clients[client.Id] = client;
            _authorizations = new BoundedTokenTable<AuthorizationRequest>(capacity, SignInSessions.Lifetime, clock);
            _codes = new BoundedTokenTable<IssuedCode>(capacity, CodeLifetime, clock);
            var modulus = _rsa.ExportParameters(false).Modulus!;
            _signingKey = new RsaSecurityKey(_rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(modulus)).Substring(0, 16) };
        }

        /// <summary>https://host/adfs on AD FS; here the demo host's own address.</summary>
        public string Issuer { get; }

        public void Dispose() => _rsa.Dispose();

        public void Discovery(HttpListenerResponse response) => WriteJson(response, HttpStatusCode.OK, new JsonWriter()
            .Add("issuer", Issuer)
            .Add("authorization_endpoint", Endpoint(AuthorizePath))
            .Add("token_endpoint", Endpoint(TokenPath))
            .Add("jwks_uri", Endpoint(KeysPath))
            .Add("end_session_endpoint", Endpoint(LogoutPath))
            .Add("response_types_supported", new[] { "code" })
            .Add("response_modes_supported", ResponseModes)
            .Add("grant_types_supported", new[] { "authorization_code" })
            .Add("subject_types_supported", new[] { "pairwise" })
            .Add("scopes_supported", Scopes)
            .Add("id_token_signing_alg_values_supported", new[] { SecurityAlgorithms.RsaSha256 })
            .Add("token_endpoint_auth_methods_supported", new[] { "client_secret_post", "client_secret_basic" })
            .Add("code_challenge_methods_supported", new[] { "S256" })
            .Add("claims_supported", new[] { "aud", "iss", "iat", "exp", "auth_time", "nonce", "sub", "upn", "unique_name", "amr", "sid" }));

        /// <summary>The public half of this run's key only (no private parameter is ever written).</summary>
        public void Keys(HttpListenerResponse response)
        {
            var key = _rsa.ExportParameters(false);
            WriteJson(response, HttpStatusCode.OK, new JsonWriter().Add("keys", new[]
            {
                new JsonWriter().Add("kty", "RSA").Add("use", "sig").Add("alg", SecurityAlgorithms.RsaSha256).Add("kid", _signingKey.KeyId)
                    .Add("n", Base64UrlEncoder.Encode(key.Modulus)).Add("e", Base64UrlEncoder.Encode(key.Exponent)),
            }));
        }

        /// <summary>
        /// Checks an authorization request. Returns the token the sign-in carries to its end, or null when the answer
        /// (an error page for an unknown client or redirect URI, else an error redirect to the client) has been written.
        /// </summary>
        public string? Authorize(HttpListenerRequest request, HttpListenerResponse response)
        {
            var query = request.QueryString;
            string? One(string name) => query.GetValues(name) is { Length: 1 } values ? values[0] : null;
            var clientId = One("client_id");
            if (clientId == null || !_clients.TryGetValue(clientId, out var client))
            {
                ErrorPage(response, "invalid_client", clientId == null ? "The request names no client_id." : $"No application with client_id \"{clientId}\" is registered here.");
                return null;
            }
            var redirectUri = One("redirect_uri");
            if (!client.Allows(redirectUri))
            {
                ErrorPage(response, "invalid_request", redirectUri == null ? "The request has no redirect_uri." : $"The redirect_uri \"{redirectUri}\" is not registered for client_id \"{clientId}\".");
                return null;
            }
            // From here on the client is known and the URI is its own: errors go back to it, with its state.
            var state = One("state");
            var duplicated = query.AllKeys.FirstOrDefault(k => k != null && query.GetValues(k)!.Length > 1);
            var scopes = (One("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var responseMode = One("response_mode") ?? "query";
            var (error, description) =
                duplicated != null ? ("invalid_request", $"The parameter \"{duplicated}\" is given more than once.")
                : !ResponseModes.Contains(responseMode) ? ("invalid_request", $"response_mode \"{responseMode}\" is not supported here; use query or form_post.")
                : One("response_type") != "code" ? ("unsupported_response_type", "Only response_type=code (the authorization code flow) is supported.")
                : !scopes.Contains("openid") ? ("invalid_scope", "The scope must include openid.")
                : One("code_challenge_method") != "S256" || !IsPkceValue(One("code_challenge")) ? ("invalid_request", "PKCE is required: a code_challenge with code_challenge_method=S256.")
                : One("prompt") == "none" ? ("login_required", "The demo host keeps no sign-in between requests; the user must sign in.")
                : ((string?)null, (string?)null);
            if (error != null)
            {
                // An unsupported response_mode cannot be used to answer: the refusal then goes in the query.
                Answer(response, redirectUri!, ResponseModes.Contains(responseMode) ? responseMode : "query",
                    ("error", error), ("error_description", description!), ("state", state));
                return null;
            }
            return _authorizations.Add(new AuthorizationRequest(client.Id, redirectUri!, responseMode, state, One("nonce"), One("code_challenge")!, scopes));
        }

        /// <summary>The authorization a sign-in started from, while it lasts.</summary>
        public AuthorizationRequest? Pending(string? token) => _authorizations.Find(token);

        /// <summary>
        /// The sign-in finished with the adapter's second factor: the authorization ends, and the browser goes back to the
        /// client with a one-time code for the user and the authentication methods the sign-in used.
        /// </summary>
        public void CompleteSignIn(HttpListenerResponse response, string authorizationToken, AuthorizationRequest authorization, string upn, IEnumerable<Claim> issued)
        {
            _authorizations.Remove(authorizationToken);
            var methods = issued.Where(c => c.Type == ClaimTypes.AuthenticationMethod).Select(c => c.Value).Distinct().ToArray();
            var code = _codes.Add(new IssuedCode(authorization, upn, methods, _clock.UtcNow));
            Answer(response, authorization.RedirectUri, authorization.ResponseMode, ("code", code), ("state", authorization.State));
        }

        /// <summary>The answer to an authorization request, as it asked: a redirect with the query, or a page that posts the form (form_post).</summary>
        private static void Answer(HttpListenerResponse response, string redirectUri, string responseMode, params (string Name, string? Value)[] parameters)
        {
            if (responseMode != "form_post") { Redirect(response, Append(redirectUri, parameters)); return; }
            var fields = new StringBuilder();
            foreach (var (name, value) in parameters)
                if (value != null) fields.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\"/>");
            var policy = "default-src 'none'; script-src " + ContentSecurityPolicy.Hash(FormPostScript) + "; style-src " + ContentSecurityPolicy.Hash(AdfsPage.Theme) +
                "; form-action " + new Uri(redirectUri).GetLeftPart(UriPartial.Authority) + "; base-uri 'none'; frame-ancestors 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            DemoServer.Write(response, HttpStatusCode.OK, DemoServer.HostPage("Continue",
                "<h1>Signing you in</h1><form method=\"post\" id=\"oidcResponse\" action=\"" + WebUtility.HtmlEncode(redirectUri) + "\">" + fields +
                "<p>Back to the application…</p><div class=\"submitMargin\"><input id=\"continueButton\" type=\"submit\" class=\"submit\" value=\"Continue\"/></div></form>" +
                "<script>" + FormPostScript + "</script>"), policy);
        }

        /// <summary>The token endpoint: client authentication, then the code for an id_token (and an access token), once only.</summary>
        public void Token(HttpListenerRequest request, Dictionary<string, string> fields, HttpListenerResponse response)
        {
            if (request.HttpMethod != "POST") { TokenError(response, HttpStatusCode.MethodNotAllowed, "invalid_request", "The token endpoint takes POST."); return; }
            var basic = BasicCredentials(request.Headers["Authorization"]);
            fields.TryGetValue("client_id", out var postedId);
            fields.TryGetValue("client_secret", out var postedSecret);
            if (basic != null && postedSecret != null) { TokenError(response, HttpStatusCode.BadRequest, "invalid_request", "Authenticate the client one way: the Authorization header or client_secret, not both."); return; }
            var (clientId, secret) = basic ?? (postedId, postedSecret);
            if (clientId == null || !_clients.TryGetValue(clientId, out var client) || !client.SecretMatches(secret))
            {
                // One answer for an unknown client and a wrong secret: which client ids exist is not told.
                if (basic != null) response.AddHeader("WWW-Authenticate", "Basic realm=\"adfs\"");
                TokenError(response, HttpStatusCode.Unauthorized, "invalid_client", "Client authentication failed.");
                return;
            }
            if (postedId != null && postedId != clientId) { TokenError(response, HttpStatusCode.BadRequest, "invalid_request", "client_id differs from the authenticated client."); return; }
            if (!fields.TryGetValue("grant_type", out var grant) || grant != "authorization_code")
            {
                TokenError(response, HttpStatusCode.BadRequest, "unsupported_grant_type", "Only grant_type=authorization_code is supported.");
                return;
            }
            // Taken before any other check: a code presented once is gone, whatever the outcome (RFC 6749 4.1.2).
            var issued = _codes.Take(fields.TryGetValue("code", out var code) ? code : null);
            fields.TryGetValue("redirect_uri", out var redirectUri);
            fields.TryGetValue("code_verifier", out var verifier);
            var problem =
                issued == null ? "The code is not valid: unknown, expired or already used."
                : issued.Authorization.ClientId != client.Id ? "The code was issued to another client."
                : issued.Authorization.RedirectUri != redirectUri ? "redirect_uri differs from the authorization request's."
                : !IsPkceValue(verifier) || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Challenge(verifier!)), Encoding.ASCII.GetBytes(issued.Authorization.CodeChallenge))
                    ? "The code_verifier does not match the code_challenge (PKCE)."
                : null;
            if (problem != null) { TokenError(response, HttpStatusCode.BadRequest, "invalid_grant", problem); return; }
            var now = _clock.UtcNow;
            WriteJson(response, HttpStatusCode.OK, new JsonWriter()
                .Add("access_token", AccessToken(issued!, now))
                .Add("token_type", "bearer")
                .Add("expires_in", (long)TokenLifetime.TotalSeconds)
                .Add("scope", string.Join(" ", issued!.Authorization.Scopes))
                .Add("id_token", IdToken(issued, now)));
        }

        /// <summary>
        /// The end-session endpoint: back to the client's registered post_logout_redirect_uri (the client named by
        /// id_token_hint, whose signature is checked, or client_id), else the demo host's signed-out page.
        /// </summary>
        public string? Logout(HttpListenerRequest request)
        {
            var query = request.QueryString;
            var clientId = query["client_id"];
            var hint = query["id_token_hint"];
            if (hint != null)
            {
                var result = new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
                {
                    ValidIssuer = Issuer, IssuerSigningKey = _signingKey, ValidateAudience = false, ValidateLifetime = false,
                }).GetAwaiter().GetResult();
                clientId = result.IsValid && result.Claims.TryGetValue("aud", out var aud) ? aud as string : null;
            }
            var target = query["post_logout_redirect_uri"];
            return clientId != null && _clients.TryGetValue(clientId, out var client) && client.AllowsAfterLogout(target)
                ? Append(target!, ("state", query["state"]))
                : null;
        }

        private string IdToken(IssuedCode issued, DateTime now)
        {
            var claims = UserClaims(issued);
            if (issued.Authorization.Nonce != null) claims["nonce"] = issued.Authorization.Nonce;
            claims["apptype"] = "Confidential";
            claims["appid"] = issued.Authorization.ClientId;
            return Sign(issued.Authorization.ClientId, claims, now);
        }

        private string AccessToken(IssuedCode issued, DateTime now)
        {
            var claims = UserClaims(issued);
            claims["scp"] = string.Join(" ", issued.Authorization.Scopes);
            claims["appid"] = issued.Authorization.ClientId;
            return Sign(UserInfoAudience, claims, now);
        }

        private Dictionary<string, object> UserClaims(IssuedCode issued) => new Dictionary<string, object>
        {
            // Pairwise, as AD FS's: the same user has another sub at another application.
            ["sub"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Authorization.ClientId + "\n" + Upn.Normalize(issued.Upn)))),
            ["upn"] = issued.Upn,
            ["unique_name"] = issued.Upn,
            ["auth_time"] = new DateTimeOffset(issued.AuthenticatedAt).ToUnixTimeSeconds(),
            ["amr"] = issued.AuthenticationMethods,
        };

        private string Sign(string audience, Dictionary<string, object> claims, DateTime now) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.RsaSha256),
        });

        private string Endpoint(string path) => Issuer.Substring(0, Issuer.Length - "/adfs".Length) + path;

        /// <summary>RFC 7636's alphabet and length, for a challenge (base64url of SHA-256: 43) or a verifier (43 to 128).</summary>
        private static bool IsPkceValue(string? value) =>
            value != null && value.Length >= 43 && value.Length <= 128 && value.All(c => c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~');

        public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        /// <summary>HTTP Basic client credentials: each half form-urlencoded, as RFC 6749 2.3.1 asks.</summary>
        private static (string? Id, string? Secret)? BasicCredentials(string? header)
        {
            if (header == null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
            string text;
            try { text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim())); }
            catch (FormatException) { return (null, null); }
            var colon = text.IndexOf(':');
            return colon < 0 ? (null, null) : (WebUtility.UrlDecode(text.Substring(0, colon)), WebUtility.UrlDecode(text.Substring(colon + 1)));
        }

        private static string Append(string uri, params (string Name, string? Value)[] parameters)
        {
            var builder = new StringBuilder(uri);
            var separator = uri.Contains('?') ? '&' : '?';
            foreach (var (name, value) in parameters)
            {
                if (value == null) continue;
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
            return builder.ToString();
        }

        private static void Redirect(HttpListenerResponse response, string location)
        {
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.StatusCode = (int)HttpStatusCode.SeeOther;
            response.RedirectLocation = location;
        }

        /// <summary>What AD FS shows for a request it cannot send back: the OAuth error code, in words too.</summary>
        private static void ErrorPage(HttpListenerResponse response, string error, string description) =>
            DemoServer.Write(response, HttpStatusCode.BadRequest, DemoServer.HostPage("Error",
                "<h1>An error occurred</h1><p id=\"oauthError\">" + WebUtility.HtmlEncode(error) + "</p><p id=\"oauthErrorDescription\">" +
                WebUtility.HtmlEncode(description) + "</p>"));

        private static void TokenError(HttpListenerResponse response, HttpStatusCode status, string error, string description) =>
            WriteJson(response, status, new JsonWriter().Add("error", error).Add("error_description", description));

        private static void WriteJson(HttpListenerResponse response, HttpStatusCode status, JsonWriter body)
        {
            var bytes = body.ToUtf8();
            response.StatusCode = (int)status;
            response.ContentType = "application/json; charset=utf-8";
            // Tokens and codes are never cached (RFC 6749 5.1).
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["Pragma"] = "no-cache";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
        }
    }

    /// <summary>An authorization request that passed its checks, waiting for its sign-in to finish.</summary>
    public sealed class AuthorizationRequest
    {
        public AuthorizationRequest(string clientId, string redirectUri, string responseMode, string? state, string? nonce, string codeChallenge, string[] scopes) =>
            (ClientId, RedirectUri, ResponseMode, State, Nonce, CodeChallenge, Scopes) = (clientId, redirectUri, responseMode, state, nonce, codeChallenge, scopes);

        public string ClientId { get; }
        public string RedirectUri { get; }
        /// <summary>query (a redirect) or form_post (a page that posts the code to the redirect URI).</summary>
        public string ResponseMode { get; }
        public string? State { get; }
        public string? Nonce { get; }
        public string CodeChallenge { get; }
        public string[] Scopes { get; }

        /// <summary>The client's origin, which the sign-in pages' Content-Security-Policy lets the last form post redirect to.</summary>
        public string Origin => new Uri(RedirectUri).GetLeftPart(UriPartial.Authority);
    }

    /// <summary>What a code stands for: the authorization, who signed in, how, and when.</summary>
    public sealed class IssuedCode
    {
        public IssuedCode(AuthorizationRequest authorization, string upn, string[] authenticationMethods, DateTime authenticatedAt) =>
            (Authorization, Upn, AuthenticationMethods, AuthenticatedAt) = (authorization, upn, authenticationMethods, authenticatedAt);

        public AuthorizationRequest Authorization { get; }
        public string Upn { get; }
        public string[] AuthenticationMethods { get; }
        public DateTime AuthenticatedAt { get; }
    }
}
