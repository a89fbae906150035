using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>The vault folder in memory; copies of what it returns, as a file system would. Its locks are real (one semaphore per name).</summary>
    public sealed class MemoryVaultFiles : IVaultFiles
    {
        private readonly Dictionary<string, SemaphoreSlim> _locks = new Dictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        public Dictionary<string, byte[]> Files { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public bool FailWrites { get; set; }
        public bool FailReads { get; set; }
        public int Writes { get; private set; }

        public byte[]? Read(string name)
        {
            if (FailReads) throw new IOException("The fake disk cannot be read.");
            lock (Files) return Files.TryGetValue(name, out var bytes) ? (byte[])bytes.Clone() : null;
        }

        public void Write(string name, byte[] content)
        {
            if (FailWrites) throw new IOException("The fake disk is full.");
            lock (Files)
            {
                Writes++;
                Files[name] = (byte[])content.Clone();
            }
        }

        public void Delete(string name)
        {
            lock (Files) Files.Remove(name);
        }

        public IReadOnlyList<string> Names()
        {
            lock (Files) return new List<string>(Files.Keys);
        }

        public IDisposable? TryLock(string name, TimeSpan wait)
        {
            SemaphoreSlim gate;
            lock (_locks)
            {
                if (!_locks.TryGetValue(name, out var existing)) _locks[name] = existing = new SemaphoreSlim(1, 1);
                gate = existing;
            }
            return gate.Wait(wait) ? new Held(gate) : null;
        }

        private sealed class Held : IDisposable
        {
            private SemaphoreSlim? _gate;

            public Held(SemaphoreSlim gate)
            {
                _gate = gate;
            }

            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
