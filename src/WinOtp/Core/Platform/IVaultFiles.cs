using System;
using System.Collections.Generic;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The file seam of the offline vault: one small file per user in one folder. Writes are atomic (a reader sees
    /// the old file or the new one, never half of one) and, on Windows, leave the file readable by SYSTEM only.
    /// </summary>
    public interface IVaultFiles
    {
        /// <summary>The file's bytes, or null when there is no such file.</summary>
        byte[]? Read(string name);

        void Write(string name, byte[] content);

        void Delete(string name);

        /// <summary>The names of the files in the folder (no lock or temporary files); empty when there is no folder.</summary>
        IReadOnlyList<string> Names();

        /// <summary>
        /// The lock on one vault that every process on the computer respects (each session has its own LogonUI
        /// process): whoever reads, changes and writes a vault holds it from the read to the write, so no two
        /// attempts count from the same state. Waits at most <paramref name="wait"/> for another holder; null when
        /// the lock could not be taken by then. Dispose to release.
        /// </summary>
        IDisposable? TryLock(string name, TimeSpan wait);
    }
}
