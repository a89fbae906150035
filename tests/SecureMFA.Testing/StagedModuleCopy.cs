using System;
using System.IO;

namespace SecureMFA.Testing
{
    /// <summary>
    /// The copy of a staged module (artifacts/module/NAME) that a test process imports: one per process, because a process
    /// loads a cmdlet assembly from one place only, removed at exit; a copy left by a test host that was stopped rather than
    /// exiting is removed by the next run.
    /// </summary>
    public static class StagedModuleCopy
    {
        /// <returns>The copy's module folder (…/&lt;process id&gt;/NAME).</returns>
        public static string Make(string stagedFolder, string parentName)
        {
            var parent = Path.Combine(Path.GetTempPath(), parentName);
            RemoveCopiesOfEndedRuns(parent);
            var root = Path.Combine(parent, Environment.ProcessId.ToString());
            if (Directory.Exists(root)) Directory.Delete(root, true);
            var copy = Path.Combine(root, Path.GetFileName(stagedFolder));
            foreach (var file in Directory.GetFiles(stagedFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(stagedFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
            return copy;
        }

        private static void RemoveCopiesOfEndedRuns(string parent)
        {
            if (!Directory.Exists(parent)) return;
            foreach (var folder in Directory.GetDirectories(parent))
            {
                if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
                TryDelete(folder);
            }
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException) { return false; }
            catch (InvalidOperationException) { return false; }
        }

        private static void TryDelete(string folder)
        {
            try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
