using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// What Install-SecureMfaOtpProvider put on this server, so Uninstall removes exactly that: the full names of the
    /// assemblies it added to the GAC (%ProgramData%\SecureMFA_OTP\installed-assemblies.txt) and the native files it
    /// copied (installed-files.txt). Written after every change, so a run that stops half-way is recorded too.
    /// </summary>
    public sealed class InstallRecord
    {
        public const string AssembliesFileName = "installed-assemblies.txt";
        public const string FilesFileName = "installed-files.txt";

        private readonly SortedSet<string> _assemblies;
        private readonly SortedSet<string> _files;

        private InstallRecord(string folder, bool exists, IEnumerable<string> assemblies, IEnumerable<string> files)
        {
            Folder = folder;
            Exists = exists;
            _assemblies = new SortedSet<string>(assemblies, StringComparer.OrdinalIgnoreCase);
            _files = new SortedSet<string>(files, StringComparer.OrdinalIgnoreCase);
        }

        public string Folder { get; }
        public string AssembliesFile => Path.Combine(Folder, AssembliesFileName);
        public string FilesFile => Path.Combine(Folder, FilesFileName);

        /// <summary>False when nothing was recorded on this server (a release before records existed, or never installed).</summary>
        public bool Exists { get; }

        public IReadOnlyCollection<string> Assemblies => _assemblies;
        public IReadOnlyCollection<string> Files => _files;

        public static InstallRecord Load()
        {
            var folder = ModulePaths.StateFolder;
            var assemblies = Path.Combine(folder, AssembliesFileName);
            var files = Path.Combine(folder, FilesFileName);
            return new InstallRecord(folder, File.Exists(assemblies) || File.Exists(files), ReadLines(assemblies), ReadLines(files));
        }

        public bool HasAssembly(string fullName) => _assemblies.Contains(fullName);

        public void AddAssembly(string fullName) { _assemblies.Add(fullName); Save(); }
        public void RemoveAssembly(string fullName) { _assemblies.Remove(fullName); Save(); }
        public void AddFile(string path) { _files.Add(path); Save(); }
        public void RemoveFile(string path) { _files.Remove(path); Save(); }

        private void Save()
        {
            Write(AssembliesFile, "# Assemblies Install-SecureMfaOtpProvider added to the GAC of this server; Uninstall-SecureMfaOtpProvider removes them.", _assemblies);
            Write(FilesFile, "# Files Install-SecureMfaOtpProvider copied on this server; Uninstall-SecureMfaOtpProvider removes them.", _files);
        }

        private static void Write(string path, string header, IEnumerable<string> lines)
        {
            var items = lines.ToList();
            if (items.Count == 0)
            {
                if (File.Exists(path)) File.Delete(path);
                return;
            }
            // Written aside and swapped into place in one step, so the record is never half-written nor missing.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllLines(temporary, new[] { header }.Concat(items));
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }

        private static IEnumerable<string> ReadLines(string path) =>
            File.Exists(path)
                ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList()
                : new List<string>();
    }
}
