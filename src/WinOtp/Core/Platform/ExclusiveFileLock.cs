using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// A lock every process on the computer respects: a lock file held open with FileShare.None. On Windows a second
    /// open fails with a sharing violation; on Linux and macOS .NET backs FileShare.None with flock(LOCK_EX), so the
    /// same holds across processes and within one. The operating system releases it when the holder exits or
    /// crashes, so a lock is never left behind. The file itself is never deleted: deleting it while another process
    /// waits for it would let two holders lock two different files of the same name.
    /// </summary>
    public sealed class ExclusiveFileLock : IDisposable
    {
        private const int RetryMilliseconds = 20;
        private FileStream? _stream;

        private ExclusiveFileLock(FileStream stream)
        {
            _stream = stream;
        }

        /// <summary>
        /// Takes the lock, waiting at most <paramref name="wait"/> while another holder has it; null when it is still
        /// held then. Any other failure (no such folder, access denied) is thrown at once.
        /// </summary>
        public static ExclusiveFileLock? TryTake(string path, TimeSpan wait)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("The lock file path is empty.", nameof(path));
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try { return new ExclusiveFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
                catch (IOException e) when (IsHeldByAnother(e))
                {
                    if (watch.Elapsed >= wait) return null;
                    Thread.Sleep(RetryMilliseconds);
                }
            }
        }

        public void Dispose()
        {
            var stream = Interlocked.Exchange(ref _stream, null);
            stream?.Dispose();
        }

        /// <summary>
        /// ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows; EWOULDBLOCK (EAGAIN, 11 on Linux, 35 on macOS),
        /// which .NET passes on as the HResult when flock finds the file locked.
        /// </summary>
        private static bool IsHeldByAnother(IOException e)
        {
            if (e is FileNotFoundException || e is DirectoryNotFoundException || e is PathTooLongException) return false;
            var code = e.HResult;
            return code == unchecked((int)0x80070020) || code == unchecked((int)0x80070021) || code == 11 || code == 35;
        }
    }
}
