using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// Vault files in one folder, written atomically: a temporary file beside the target, flushed, then moved over
    /// it. Each vault's cross-process lock is an <see cref="ExclusiveFileLock"/> on "&lt;name&gt;.lock" beside it, in
    /// the same folder, so only who may write the vaults can hold their locks. Portable;
    /// <see cref="Windows.WindowsVaultFolder"/> adds the SYSTEM-only ACL on Windows (the lock files inherit it).
    /// </summary>
    public class VaultFolder : IVaultFiles
    {
        public const string LockExtension = ".lock";

        public VaultFolder(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The vault folder path is empty.", nameof(path));
            Path = path;
        }

        public string Path { get; }

        public byte[]? Read(string name)
        {
            var file = FileFor(name);
            try { return File.ReadAllBytes(file); }
            catch (FileNotFoundException) { return null; }
            catch (DirectoryNotFoundException) { return null; }
        }

        public void Write(string name, byte[] content)
        {
            EnsureFolder();
            var file = FileFor(name);
            var temporary = $"{file}.tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }
            RestrictAccess(temporary);
            if (File.Exists(file)) File.Replace(temporary, file, null);
            else File.Move(temporary, file);
        }

        public void Delete(string name)
        {
            var file = FileFor(name);
            if (File.Exists(file)) File.Delete(file);
        }

        public IReadOnlyList<string> Names()
        {
            if (!Directory.Exists(Path)) return new string[0];
            var names = new List<string>();
            foreach (var file in Directory.GetFiles(Path))
            {
                var name = System.IO.Path.GetFileName(file);
                if (!name.EndsWith(LockExtension, StringComparison.Ordinal) && !name.EndsWith(".tmp", StringComparison.Ordinal)) names.Add(name);
            }
            return names;
        }

        /// <summary>
        /// The lock file needs the folder, not its check: the writes made under the lock check the folder (and refuse
        /// one someone else made), and re-applying the folder's ACL on every lock would touch the lock files other
        /// sessions hold.
        /// </summary>
        public IDisposable? TryLock(string name, TimeSpan wait)
        {
            var file = FileFor(name) + LockExtension;
            if (!Directory.Exists(Path)) CreateFolder();
            return ExclusiveFileLock.TryTake(file, wait);
        }

        /// <summary>Called on every new file before it replaces the old one, and on the folder when it is created.</summary>
        protected virtual void RestrictAccess(string fileOrFolder) { }

        /// <summary>Called before each write when the folder already exists: refuse a folder someone else made.</summary>
        protected virtual void CheckExistingFolder(string folder) { }

        private void EnsureFolder()
        {
            if (Directory.Exists(Path))
            {
                CheckExistingFolder(Path);
                return;
            }
            CreateFolder();
        }

        private void CreateFolder()
        {
            Directory.CreateDirectory(Path);
            RestrictAccess(Path);
        }

        private string FileFor(string name)
        {
            // Names come from VaultFileName (hex + extension); anything else would be a programming error,
            // and must never become a path outside the folder.
            foreach (var c in name)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'))
                    throw new ArgumentException("A vault file name has only lower-case letters, digits and dots.", nameof(name));
            if (name.Length == 0 || name.StartsWith(".", StringComparison.Ordinal)) throw new ArgumentException("The vault file name is empty or hidden.", nameof(name));
            return System.IO.Path.Combine(Path, name);
        }
    }
}
