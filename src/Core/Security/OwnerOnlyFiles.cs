using System;
using System.IO;
using System.Text;
using System.Threading;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// Files that hold secrets or the data they protect (a passphrase, a bootstrap value, the SQLite database) are born
    /// readable by their owner only — folder 0700, files 0600 — rather than narrowed after writing. SQLite creates its
    /// -wal and -shm files with the database file's mode. On Windows the folder's ACL applies instead (the installer
    /// protects %ProgramData%\SecureMFA_OTP); on .NET Framework these are plain creations.
    /// </summary>
    public static class OwnerOnlyFiles
    {
#if !NETFRAMEWORK
        public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
#endif

        public static void CreateFolder(string path)
        {
            if (Directory.Exists(path)) return;
#if !NETFRAMEWORK
            if (!OperatingSystem.IsWindows()) { Directory.CreateDirectory(path, FolderMode); return; }
#endif
            Directory.CreateDirectory(path);
        }

        /// <summary>Writes a new file (never an existing one) that only its owner can read.</summary>
        public static void WriteNew(string path, string content)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
#if !NETFRAMEWORK
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
            using (var stream = new FileStream(path, options)) stream.Write(bytes, 0, bytes.Length);
#else
            using (var stream = new FileStream(path, System.IO.FileMode.CreateNew, FileAccess.Write, FileShare.None)) stream.Write(bytes, 0, bytes.Length);
#endif
        }

        /// <summary>
        /// The file's trimmed text; if there is none yet (no file, or an empty one: a write that never finished),
        /// <paramref name="create"/>'s value, written owner-only. Callers take turns on the file itself, each holding it
        /// open alone while it reads or writes, so one racing the writer (the demo host and the WEB API started together)
        /// waits and then reads the whole value: never an empty or half-written file, and never a write that fails because
        /// a reader had the file open.
        /// </summary>
        public static string ReadOrCreate(string path, Func<string> create, out bool created)
        {
            using (var file = OpenAlone(path))
            {
                Restrict(path);
                string text;
                using (var reader = new StreamReader(file, Encoding.UTF8, true, 1024, leaveOpen: true)) text = reader.ReadToEnd().Trim();
                created = text.Length == 0 && file.CanWrite;
                if (!created) return text;
                var value = create();
                var bytes = Encoding.UTF8.GetBytes(value + "\n");
                file.SetLength(0);
                file.Write(bytes, 0, bytes.Length);
                return value;
            }
        }

        /// <summary>
        /// The file opened by this caller alone (created owner-only if missing); while another holds it, tried again for up
        /// to five seconds. A file made read-only on purpose is opened to be read as it is.
        /// </summary>
        private static FileStream OpenAlone(string path)
        {
            var access = FileAccess.ReadWrite;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
#if !NETFRAMEWORK
                    var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = access, Share = FileShare.None };
                    if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
                    return new FileStream(path, options);
#else
                    return new FileStream(path, System.IO.FileMode.OpenOrCreate, access, FileShare.None);
#endif
                }
                catch (UnauthorizedAccessException) when (access == FileAccess.ReadWrite && File.Exists(path))
                {
                    access = FileAccess.Read;
                }
                catch (IOException) when (attempt < 250 && File.Exists(path))
                {
                    Thread.Sleep(20); // another caller holds it
                }
            }
        }

        /// <summary>An empty SQLite database file (SQLite treats a zero-length file as a new database), so it is born 0600.</summary>
        public static void CreateDatabaseFile(string path)
        {
            if (File.Exists(path)) return;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) CreateFolder(folder!);
            try { WriteNew(path, ""); }
            catch (IOException) when (File.Exists(path)) { /* created meanwhile by another process: theirs to keep */ }
        }

        /// <summary>Takes group and other access away from a file made earlier (older versions wrote, then restricted).</summary>
        public static void Restrict(string path)
        {
#if !NETFRAMEWORK
            if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
                File.SetUnixFileMode(path, FileMode);
#endif
        }
    }
}
