using System;
using System.Diagnostics;
using System.IO;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// A file this process cannot delete, as Windows refuses to delete a DLL some process has loaded. Linux deletes open
    /// files, so: the immutable attribute when running as root (whom permissions do not stop), else a read-only folder.
    /// </summary>
    public sealed class UndeletableFile : IDisposable
    {
        private readonly string _path;
        private readonly bool _immutable;
        private readonly UnixFileMode _folderMode;

        public UndeletableFile(string path)
        {
            _path = path;
            if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("On Windows, hold the file open instead.");
            _immutable = Environment.UserName == "root";
            if (_immutable)
            {
                Chattr("+i");
            }
            else if (!OperatingSystem.IsWindows())
            {
                _folderMode = File.GetUnixFileMode(Folder);
                File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }
        }

        private string Folder => Path.GetDirectoryName(_path)!;

        public void Dispose()
        {
            if (_immutable) Chattr("-i");
            else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Folder, _folderMode);
        }

        private void Chattr(string change)
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", $"{change} \"{_path}\"") { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chattr {change} {_path} failed ({error.Trim()}): this test needs a file system with the immutable attribute and CAP_LINUX_IMMUTABLE, or a non-root user.");
        }
    }
}
