using System;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// Sign-ins in progress and finished. AD FS round-trips its context in a protected form field; the
    /// demo keeps it here and puts an unguessable token in the Context field instead.
    /// </summary>
    public sealed class SignInSessions
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
        private readonly ConcurrentDictionary<string, (DemoAuthenticationContext Context, DateTime Expires)> _pending = new();
        private readonly ConcurrentDictionary<string, (Claim[] Claims, DateTime Expires)> _completed = new();

        public string Start(DemoAuthenticationContext context)
        {
            Sweep();
            var token = NewToken();
            _pending[token] = (context, DateTime.UtcNow + Lifetime);
            return token;
        }

        public DemoAuthenticationContext? Find(string? token) =>
            token != null && _pending.TryGetValue(token, out var entry) && entry.Expires > DateTime.UtcNow ? entry.Context : null;

        /// <summary>Ends the pending sign-in and returns the token that shows its claims on the portal.</summary>
        public string Complete(string token, Claim[] claims)
        {
            _pending.TryRemove(token, out _);
            var portal = NewToken();
            _completed[portal] = (claims, DateTime.UtcNow + Lifetime);
            return portal;
        }

        public Claim[]? Claims(string? portalToken) =>
            portalToken != null && _completed.TryGetValue(portalToken, out var entry) && entry.Expires > DateTime.UtcNow ? entry.Claims : null;

        private void Sweep()
        {
            var now = DateTime.UtcNow;
            foreach (var entry in _pending) if (entry.Value.Expires <= now) _pending.TryRemove(entry.Key, out _);
            foreach (var entry in _completed) if (entry.Value.Expires <= now) _completed.TryRemove(entry.Key, out _);
        }

        private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }
}
