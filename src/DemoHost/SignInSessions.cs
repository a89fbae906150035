using System;
using System.Security.Claims;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// Sign-ins in progress and finished. AD FS round-trips its context in a protected form field; the demo keeps it
    /// here and puts an unguessable token in the Context field instead. Finished sign-ins are portal sessions, whose
    /// token travels only in an HttpOnly cookie. Both tables are bounded: the oldest entries make room.
    /// </summary>
    public sealed class SignInSessions
    {
        public const int DefaultCapacity = 10_000;
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
        private readonly BoundedTokenTable<DemoAuthenticationContext> _pending;
        private readonly BoundedTokenTable<PortalSession> _completed;

        public SignInSessions(int capacity = DefaultCapacity, IClock? clock = null)
        {
            _pending = new BoundedTokenTable<DemoAuthenticationContext>(capacity, Lifetime, clock ?? SystemClock.Instance);
            _completed = new BoundedTokenTable<PortalSession>(capacity, Lifetime, clock ?? SystemClock.Instance);
        }

        public int PendingCount => _pending.Count;
        public int CompletedCount => _completed.Count;

        public string Start(DemoAuthenticationContext context) => _pending.Add(context);

        public DemoAuthenticationContext? Find(string? token) => _pending.Find(token);

        /// <summary>Ends the pending sign-in and returns the token of its portal session.</summary>
        public string Complete(string token, PortalSession session)
        {
            _pending.Remove(token);
            return _completed.Add(session);
        }

        public PortalSession? Portal(string? portalToken) => _completed.Find(portalToken);

        public void SignOut(string? portalToken) => _completed.Remove(portalToken);
    }

    /// <summary>What the portal shows after a sign-in: the issued claims, and the recovery codes left if one was used.</summary>
    public sealed class PortalSession
    {
        public PortalSession(Claim[] claims, int? recoveryCodesLeft) => (Claims, RecoveryCodesLeft) = (claims, recoveryCodesLeft);

        public Claim[] Claims { get; }
        public int? RecoveryCodesLeft { get; }
    }
}
