using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The enrolments anonymous visitors started. As at AD FS, a UPN the store does not know gets a stored user with a
    /// secret at once (so the QR code stays valid across page loads); here anyone can type one. So at most
    /// <see cref="Capacity"/> such users are unconfirmed at a time, and one still unconfirmed after <see cref="Lifetime"/>
    /// (the sign-in's own lifetime) is removed from the store: the store cannot grow by typing alone.
    /// </summary>
    public sealed class PendingEnrolments
    {
        public const int DefaultCapacity = 100;
        public static readonly TimeSpan Lifetime = SignInSessions.Lifetime;
        private readonly Dictionary<string, DateTime> _started = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private readonly Func<IOtpUserStore> _store;
        private readonly IClock _clock;

        public PendingEnrolments(Func<IOtpUserStore> store, IClock clock, int capacity = DefaultCapacity)
        {
            _store = store;
            _clock = clock;
            Capacity = capacity;
        }

        public int Capacity { get; }

        /// <summary>
        /// Whether a sign-in for <paramref name="upn"/> may start: always for a user the store has; for a new one only if
        /// there is room, which it then takes (before the adapter creates the user, so racing visitors cannot overshoot).
        /// </summary>
        public bool TryStart(string upn)
        {
            var key = Upn.Normalize(upn);
            lock (_started)
            {
                var store = _store();
                var now = _clock.UtcNow;
                RemoveExpired(store, now);
                if (_started.ContainsKey(key) || store.Find(upn) != null) return true;
                if (_started.Count >= Capacity) ForgetConfirmed(store);
                if (_started.Count >= Capacity) return false;
                _started[key] = now;
                return true;
            }
        }

        private void RemoveExpired(IOtpUserStore store, DateTime now)
        {
            foreach (var pending in _started.Where(p => now - p.Value >= Lifetime).ToList())
            {
                var user = store.Find(pending.Key);
                if (user != null && !user.Enrolled) store.Remove(pending.Key);
                _started.Remove(pending.Key);
            }
        }

        /// <summary>Confirmed enrolments are ordinary users now: they take no room.</summary>
        private void ForgetConfirmed(IOtpUserStore store)
        {
            foreach (var upn in _started.Keys.ToList())
                if (store.Find(upn)?.Enrolled == true) _started.Remove(upn);
        }
    }
}
