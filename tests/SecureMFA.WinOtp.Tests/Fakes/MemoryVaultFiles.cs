using System;
using System.Collections.Generic;
using System.IO;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>The vault folder in memory; copies of what it returns, as a file system would.</summary>
    public sealed class MemoryVaultFiles : IVaultFiles
    {
        public Dictionary<string, byte[]> Files { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public bool FailWrites { get; set; }
        public int Writes { get; private set; }

        public byte[]? Read(string name) => Files.TryGetValue(name, out var bytes) ? (byte[])bytes.Clone() : null;

        public void Write(string name, byte[] content)
        {
            if (FailWrites) throw new IOException("The fake disk is full.");
            Writes++;
            Files[name] = (byte[])content.Clone();
        }

        public void Delete(string name) => Files.Remove(name);
    }
}
