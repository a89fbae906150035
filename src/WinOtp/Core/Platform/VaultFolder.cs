using System;
using System.IO;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// Vault files in one folder, written atomically: a temporary file beside the target, flushed, then moved over
    /// it. Portable; <see cref="Windows.WindowsVaultFolder"/> adds the SYSTEM-only ACL on Windows.
    /// </summary>
    public class VaultFolder : IVaultFiles
    {
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
            var temporary = file + ".tmp";
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
