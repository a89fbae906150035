using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>One native file Install copies from the module's native/&lt;rid&gt;/ to the fixed folder the adapter loads it from.</summary>
    public sealed class NativeFileStep
    {
        public NativeFileStep(string source, string destination, string action) => (Source, Destination, Action) = (source, destination, action);

        public string Source { get; }
        public string Destination { get; }
        public string Action { get; }
        public bool Changes => Action != InstallChange.Unchanged;
    }

    /// <summary>
    /// The native SQLite library: the GAC holds only managed assemblies, so Install copies the module's native/&lt;rid&gt;/
    /// to %ProgramFiles%\SecureMFA OTP\native\&lt;rid&gt;\ (SECUREMFA_OTP_NATIVE_DIR replaces the native folder), where the
    /// adapter looks. Copied whatever the auth_mode: it is only loaded when auth_mode is SQLITE, and a later switch to
    /// SQLITE then needs nothing more. Uninstall removes exactly the files the record names.
    /// </summary>
    public sealed class NativeLibraries
    {
        private readonly InstallRecord _record;

        public NativeLibraries(InstallRecord record) => _record = record;

        public static string Rid => ModulePaths.NativeRuntimeIdentifier;
        public static string SourceFolder => ModulePaths.ModuleNativeFolder(Rid);
        public static string DestinationFolder => Path.Combine(ModulePaths.NativeRoot, Rid);

        /// <summary>False when the module ships no native library for this server's architecture.</summary>
        public static bool Shipped => Directory.Exists(SourceFolder) && Directory.GetFiles(SourceFolder).Length > 0;

        public IReadOnlyList<NativeFileStep> Plan()
        {
            if (!Shipped) return new List<NativeFileStep>();
            var destination = DestinationFolder;
            return Directory.GetFiles(SourceFolder).OrderBy(f => f, StringComparer.OrdinalIgnoreCase).Select(source =>
            {
                var target = Path.Combine(destination, Path.GetFileName(source));
                var action = !File.Exists(target) ? InstallChange.Installed
                    : FileHash.Sha256(target) != FileHash.Sha256(source) ? InstallChange.Replaced
                    : InstallChange.Unchanged;
                return new NativeFileStep(source, target, action);
            }).ToList();
        }

        /// <summary>Copies one file (the AD FS service must be stopped if it had loaded the old one), records and checks it.</summary>
        public void Apply(NativeFileStep step)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(step.Destination)!);
                File.Copy(step.Source, step.Destination, true);
                _record.AddFile(step.Destination);
                if (FileHash.Sha256(step.Destination) != FileHash.Sha256(step.Source))
                    throw new IOException("the copy differs from the module's file");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InstallStepException(step.Destination, $"Copying the native library {step.Source} to {step.Destination} failed: {ex.Message}", ex);
            }
        }

        /// <summary>
        /// Removes one recorded file as <see cref="Remove"/> does; when a process still has it loaded (Windows PowerShell
        /// loads SecureMFA.Core from the GAC once installed, and Core then loads this copy for every SQLite cmdlet), Windows
        /// refuses to delete it: it and the folders it leaves empty are deleted at the next restart instead.
        /// </summary>
        /// <returns>Removed, or DeletedAtRestart.</returns>
        public string RemoveOrDeleteAtRestart(string file, Action<string> deleteAtRestart)
        {
            try
            {
                if (File.Exists(file)) File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                var scheduled = new List<string> { Path.GetFullPath(file) };
                var root = Root;
                for (var folder = Path.GetDirectoryName(scheduled[0]); folder != null && IsWithin(folder, root) && Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
                {
                    if (Directory.EnumerateFileSystemEntries(folder).Any(e => !scheduled.Contains(Path.GetFullPath(e), StringComparer.OrdinalIgnoreCase))) break;
                    scheduled.Add(folder);
                }
                try
                {
                    // In this order: a folder can only go once what it held has gone.
                    foreach (var path in scheduled) deleteAtRestart(path);
                }
                catch (PlatformCommandException scheduling)
                {
                    throw new InstallStepException(file, $"Removing {file} failed ({ex.Message}), and so did deleting it at the next restart: {scheduling.InnerException?.Message} " +
                        "Close every PowerShell that used SecureMFA OTP, then run Uninstall-SecureMfaOtpProvider again.", scheduling);
                }
                _record.RemoveFile(file);
                return DeletedAtRestart;
            }
            Remove(file);
            return InstallChange.Removed;
        }

        public const string DeletedAtRestart = "Deleted at restart";

        private static string Root => Path.GetFullPath(ModulePaths.NativeRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        /// <summary>Removes one recorded file, then its folder and the native folder if nothing else is left in them.</summary>
        public void Remove(string file)
        {
            try
            {
                if (File.Exists(file)) File.Delete(file);
                _record.RemoveFile(file);
                var root = Root;
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                while (folder != null && IsWithin(folder, root) && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                    folder = Path.GetDirectoryName(folder);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InstallStepException(file, $"Removing {file} failed: {ex.Message}", ex);
            }
        }

        /// <summary>The native folder itself or a folder below it: nothing above it is ever deleted.</summary>
        private static bool IsWithin(string folder, string root) =>
            string.Equals(folder, root, StringComparison.OrdinalIgnoreCase) ||
            folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
    }
}
