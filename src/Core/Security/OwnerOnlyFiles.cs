using System;
using System.IO;
using System.Text;

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

        /// <summary>The file's trimmed text; if there is none yet, <paramref name="create"/>'s value written owner-only.</summary>
        public static string ReadOrCreate(string path, Func<string> create, out bool created)
        {
            created = false;
            if (File.Exists(path))
            {
                Restrict(path);
                return File.ReadAllText(path).Trim();
            }
            var value = create();
            try { WriteNew(path, value + "\n"); }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (the demo host and the WEB API started together) wrote it first: theirs is the value.
                return File.ReadAllText(path).Trim();
            }
            created = true;
            return value;
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
