using System;
using System.IO;
using System.Text;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The demo's secrets at rest: the data folder (0700), the passphrase file and the SQLite database (0600) are created
    /// readable by their owner only, from the start rather than tightened after writing. SQLite creates its -wal and
    /// -shm files with the database file's mode. On Windows the folder's inherited ACL applies instead.
    /// </summary>
    public static class OwnerOnlyFiles
    {
        public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

        public static void CreateFolder(string path)
        {
            if (Directory.Exists(path)) return;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, FolderMode);
        }

        /// <summary>Writes a new file (never an existing one) that only its owner can read.</summary>
        public static void WriteNew(string path, string content)
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
            using var stream = new FileStream(path, options);
            var bytes = Encoding.UTF8.GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
        }

        /// <summary>An empty SQLite database file (SQLite treats a zero-length file as a new database), so it is born 0600.</summary>
        public static void CreateDatabaseFile(string path)
        {
            if (File.Exists(path)) return;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) CreateFolder(folder);
            try { WriteNew(path, ""); }
            catch (IOException) when (File.Exists(path)) { /* created meanwhile by someone else: theirs to keep */ }
        }

        /// <summary>Takes group and other access away from a file the demo made earlier (older versions wrote, then restricted).</summary>
        public static void Restrict(string path)
        {
            if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
                File.SetUnixFileMode(path, FileMode);
        }
    }
}
