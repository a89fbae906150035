using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>Fresh: not used before. Replayed: used within the lifetime. Full: refused for room, or because this device's
    /// nonces of that time were forgotten to make room (it might be a replay).</summary>
    public enum NonceUse { Fresh, Replayed, Full }

    /// <summary>
    /// The nonces each device used in the last 600 s, in memory (see docs/webapi.md, "Nonces and several servers"). Bounded
    /// per device and in all. At the overall bound the device holding the most nonces is forgotten to make room, never one
    /// that holds fewer than the one asking, so devices flooding the API cannot lock a quiet one out. Forgetting never opens
    /// a replay: the forgotten device is refused every request whose timestamp is not later than the newest one it had
    /// (until those nonces would have expired anyway). Keys are the stored device id, never the header's spelling.
    /// </summary>
    public sealed class NonceCache
    {
        /// <summary>Tries to make room per request at most this often before refusing it (other requests may refill the room).</summary>
        private const int RoomAttempts = 3;
        private readonly ConcurrentDictionary<string, DeviceNonces> _devices = new ConcurrentDictionary<string, DeviceNonces>(StringComparer.Ordinal);
        private readonly object _eviction = new object();
        private readonly TimeSpan _lifetime;
        private readonly int _perDevice;
        private readonly int _total;
        private int _count;
        private long _nextSweepTicks;

        public NonceCache(TimeSpan lifetime, int perDevice, int total)
        {
            _lifetime = lifetime;
            _perDevice = perDevice;
            _total = total;
        }

        /// <summary>How many nonces are remembered now (for tests and monitoring).</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>Whether the nonce (16 bytes) would be fresh for the device now, without recording it.</summary>
        /// <param name="timestamp">The request's X-SMFA-Timestamp (Unix seconds).</param>
        public NonceUse Check(string deviceId, byte[] nonce, long timestamp, DateTimeOffset now)
        {
            var key = Key(nonce);
            if (!_devices.TryGetValue(deviceId, out var device)) return NonceUse.Fresh;
            lock (device)
            {
                Interlocked.Add(ref _count, -device.Expire(now.UtcTicks));
                return device.Seen(key, timestamp, now.UtcTicks);
            }
        }

        /// <summary>Records the nonce (16 bytes) as used by the device now, unless it was used within the lifetime.</summary>
        /// <param name="timestamp">The request's X-SMFA-Timestamp (Unix seconds).</param>
        public NonceUse TryUse(string deviceId, byte[] nonce, long timestamp, DateTimeOffset now)
        {
            var key = Key(nonce);
            var nowTicks = now.UtcTicks;
            SweepNow(nowTicks);
            for (var attempt = 1; ; attempt++)
            {
                var device = _devices.GetOrAdd(deviceId, _ => new DeviceNonces());
                int held;
                lock (device)
                {
                    // The sweep dropped this (empty) entry after we found it: a nonce added here would be forgotten.
                    if (device.Removed) continue;
                    Interlocked.Add(ref _count, -device.Expire(nowTicks));
                    var seen = device.Seen(key, timestamp, nowTicks);
                    if (seen != NonceUse.Fresh) return seen;
                    if (device.Size >= _perDevice) return NonceUse.Full;
                    if (Volatile.Read(ref _count) < _total)
                    {
                        device.Add(key, timestamp, nowTicks + _lifetime.Ticks);
                        Interlocked.Increment(ref _count);
                        return NonceUse.Fresh;
                    }
                    held = device.Size;
                }
                if (attempt >= RoomAttempts || !ForgetTheHeaviestHoldingMoreThan(held, device, nowTicks)) return NonceUse.Full;
            }
        }

        /// <summary>
        /// Forgets the nonces of the device holding the most, if it holds more than <paramref name="held"/> and is not
        /// <paramref name="asking"/>. True when there is room to try again.
        /// </summary>
        private bool ForgetTheHeaviestHoldingMoreThan(int held, DeviceNonces asking, long nowTicks)
        {
            lock (_eviction)
            {
                // Another request made room while this one waited: take it rather than forget another device too. Without
                // this, two devices at the bound could forget each other and both be refused, leaving the memory empty.
                if (Volatile.Read(ref _count) < _total) return true;
                DeviceNonces? heaviest = null;
                foreach (var pair in _devices)
                    if (pair.Value != asking && pair.Value.Size > held && (heaviest == null || pair.Value.Size > heaviest.Size)) heaviest = pair.Value;
                if (heaviest == null) return false;
                lock (heaviest) Interlocked.Add(ref _count, -heaviest.ForgetAll(nowTicks + _lifetime.Ticks));
                return true;
            }
        }

        /// <summary>Once a minute, forgets expired nonces of devices that went quiet, and the devices themselves.</summary>
        private void SweepNow(long nowTicks)
        {
            var next = Volatile.Read(ref _nextSweepTicks);
            if (nowTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, nowTicks + TimeSpan.TicksPerMinute, next) != next) return;
            foreach (var pair in _devices)
            {
                lock (pair.Value)
                {
                    Interlocked.Add(ref _count, -pair.Value.Expire(nowTicks));
                    // Removed under the device's lock and marked, so no nonce is ever added to an entry that is gone.
                    if (pair.Value.IsIdle(nowTicks) && _devices.TryRemove(pair)) pair.Value.Removed = true;
                }
            }
        }

        private static (ulong, ulong) Key(byte[] nonce)
        {
            if (nonce.Length != 16) throw new ArgumentException("A nonce has 16 bytes.", nameof(nonce));
            return (BitConverter.ToUInt64(nonce, 0), BitConverter.ToUInt64(nonce, 8));
        }

        /// <summary>One device's nonces, in the order they expire (the server's clock only moves forward here).</summary>
        private sealed class DeviceNonces
        {
            private readonly HashSet<(ulong, ulong)> _set = new HashSet<(ulong, ulong)>();
            private readonly Queue<((ulong, ulong) Key, long Expiry)> _order = new Queue<((ulong, ulong), long)>();
            private long _newestTimestamp = long.MinValue;

            /// <summary>After its nonces were forgotten: no request with a timestamp up to this is taken, until <see cref="_forgottenUntilTicks"/>.</summary>
            private long _forgottenThrough = long.MinValue;
            private long _forgottenUntilTicks;

            public int Size => _set.Count;

            public bool Removed { get; set; }

            public NonceUse Seen((ulong, ulong) key, long timestamp, long nowTicks)
            {
                if (_set.Contains(key)) return NonceUse.Replayed;
                return nowTicks < _forgottenUntilTicks && timestamp <= _forgottenThrough ? NonceUse.Full : NonceUse.Fresh;
            }

            public bool IsIdle(long nowTicks) => _set.Count == 0 && nowTicks >= _forgottenUntilTicks;

            public void Add((ulong, ulong) key, long timestamp, long expiry)
            {
                _set.Add(key);
                _order.Enqueue((key, expiry));
                _newestTimestamp = Math.Max(_newestTimestamp, timestamp);
            }

            public int Expire(long nowTicks)
            {
                var removed = 0;
                while (_order.Count > 0 && _order.Peek().Expiry <= nowTicks)
                {
                    _set.Remove(_order.Dequeue().Key);
                    removed++;
                }
                return removed;
            }

            /// <summary>
            /// Forgets every nonce; a replay of one could only carry a timestamp up to the newest seen, and is refused
            /// until <paramref name="untilTicks"/> (now + lifetime: by then each would have expired, and its timestamp is stale).
            /// </summary>
            public int ForgetAll(long untilTicks)
            {
                var removed = _set.Count;
                _forgottenThrough = Math.Max(_forgottenThrough, _newestTimestamp);
                _forgottenUntilTicks = untilTicks;
                _set.Clear();
                _order.Clear();
                return removed;
            }
        }
    }
}
