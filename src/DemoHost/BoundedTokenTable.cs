using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// Values behind random tokens, with a lifetime and a capacity: when full, the oldest entry is evicted, so a flood
    /// of started sign-ins costs bounded memory and only ever pushes out the oldest ones.
    /// </summary>
    public sealed class BoundedTokenTable<T> where T : class
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, (T Value, DateTime Expires)> _entries = new Dictionary<string, (T, DateTime)>(StringComparer.Ordinal);
        // Insertion order; every entry has the same lifetime, so this is expiry order too. Removed tokens are skipped.
        private readonly Queue<string> _order = new Queue<string>();
        private readonly int _capacity;
        private readonly TimeSpan _lifetime;
        private readonly IClock _clock;

        public BoundedTokenTable(int capacity, TimeSpan lifetime, IClock clock)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "The table must hold at least one entry.");
            _capacity = capacity;
            _lifetime = lifetime;
            _clock = clock;
        }

        public int Count { get { lock (_gate) return _entries.Count; } }

        /// <summary>Tokens the table keeps track of, live or removed early: at most twice the capacity.</summary>
        public int Tracked { get { lock (_gate) return _order.Count; } }

        public string Add(T value)
        {
            var token = RandomToken.New();
            lock (_gate)
            {
                var now = _clock.UtcNow;
                while (_order.Count > 0 && (!_entries.TryGetValue(_order.Peek(), out var oldest) || oldest.Expires <= now || _entries.Count >= _capacity))
                    _entries.Remove(_order.Dequeue());
                _entries[token] = (value, now + _lifetime);
                _order.Enqueue(token);
                // Tokens removed early stay queued until they reach the front; rebuild before they outnumber the live ones.
                if (_order.Count > 2 * _capacity) Compact();
            }
            return token;
        }

        private void Compact()
        {
            var live = new List<string>(_order.Count);
            foreach (var token in _order) if (_entries.ContainsKey(token)) live.Add(token);
            _order.Clear();
            foreach (var token in live) _order.Enqueue(token);
        }

        public T? Find(string? token)
        {
            if (!RandomToken.IsWellFormed(token)) return null;
            lock (_gate)
                return _entries.TryGetValue(token!, out var entry) && entry.Expires > _clock.UtcNow ? entry.Value : null;
        }

        /// <summary>Finds and removes in one step: a one-time value (an authorization code) is handed out once, however many ask at once.</summary>
        public T? Take(string? token)
        {
            if (!RandomToken.IsWellFormed(token)) return null;
            lock (_gate)
            {
                if (!_entries.TryGetValue(token!, out var entry)) return null;
                _entries.Remove(token!);
                return entry.Expires > _clock.UtcNow ? entry.Value : null;
            }
        }

        public bool Remove(string? token)
        {
            if (token == null) return false;
            lock (_gate) return _entries.Remove(token);
        }
    }

    /// <summary>
    /// Unguessable tokens (256 bits, URL- and cookie-safe): the keys of these tables (sign-ins, portal sessions), and the login
    /// form's token, which is checked for the same shape.
    /// </summary>
    public static class RandomToken
    {
        public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

        /// <summary>Whether a value from a request could be one of ours, before it is looked up or hashed.</summary>
        public static bool IsWellFormed(string? value)
        {
            if (value == null || value.Length != 43) return false;
            foreach (var c in value)
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
            return true;
        }
    }
}
