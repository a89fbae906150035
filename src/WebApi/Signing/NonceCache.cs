using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace SecureMFA.WebApi.Signing
{
    public enum NonceUse { Fresh, Replayed, Full }

    /// <summary>
    /// The nonces each device used in the last 600 s, in memory (see docs/webapi.md, "Nonces and several servers"). Bounded:
    /// per device and in all; when a bound is reached the request is refused rather than an older nonce forgotten,
    /// since forgetting one early would let it be replayed. Keys are the stored device id, never the header's spelling.
    /// </summary>
    public sealed class NonceCache
    {
        private readonly ConcurrentDictionary<string, DeviceNonces> _devices = new ConcurrentDictionary<string, DeviceNonces>(StringComparer.Ordinal);
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

        /// <summary>Records the nonce (16 bytes) as used by the device now, unless it was used within the lifetime.</summary>
        public NonceUse TryUse(string deviceId, byte[] nonce, DateTimeOffset now)
        {
            if (nonce.Length != 16) throw new ArgumentException("A nonce has 16 bytes.", nameof(nonce));
            var key = (BitConverter.ToUInt64(nonce, 0), BitConverter.ToUInt64(nonce, 8));
            var nowTicks = now.UtcTicks;
            SweepNow(nowTicks);
            while (true)
            {
                var device = _devices.GetOrAdd(deviceId, _ => new DeviceNonces());
                lock (device)
                {
                    // The sweep dropped this (empty) entry after we found it: a nonce added here would be forgotten.
                    if (device.Removed) continue;
                    Interlocked.Add(ref _count, -device.Expire(nowTicks));
                    if (device.Contains(key)) return NonceUse.Replayed;
                    if (device.Size >= _perDevice || Volatile.Read(ref _count) >= _total) return NonceUse.Full;
                    device.Add(key, nowTicks + _lifetime.Ticks);
                    Interlocked.Increment(ref _count);
                    return NonceUse.Fresh;
                }
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
                    if (pair.Value.Size == 0 && _devices.TryRemove(pair)) pair.Value.Removed = true;
                }
            }
        }

        /// <summary>One device's nonces, in the order they expire (the server's clock only moves forward here).</summary>
        private sealed class DeviceNonces
        {
            private readonly HashSet<(ulong, ulong)> _set = new HashSet<(ulong, ulong)>();
            private readonly Queue<((ulong, ulong) Key, long Expiry)> _order = new Queue<((ulong, ulong), long)>();

            public int Size => _set.Count;

            public bool Removed { get; set; }

            public bool Contains((ulong, ulong) key) => _set.Contains(key);

            public void Add((ulong, ulong) key, long expiry)
            {
                _set.Add(key);
                _order.Enqueue((key, expiry));
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
        }
    }
}
