using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>What one script produced: its output, and every error (non-terminating or terminating).</summary>
    public sealed class ScriptResult
    {
        public Collection<PSObject> Output { get; init; } = new Collection<PSObject>();
        public List<ErrorRecord> Errors { get; init; } = new List<ErrorRecord>();
        public List<string> Warnings { get; init; } = new List<string>();
        public string ErrorText => string.Join("\n", Errors.Select(e => e.ToString()));
    }

    /// <summary>A runspace of the real PowerShell engine with the staged SecureMFA_OTP module imported from its manifest.</summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        /// <param name="host">A console that shows output and answers prompts (<see cref="AnsweringHost"/>); none by default.</param>
        public PowerShellSession(bool importModule = true, System.Management.Automation.Host.PSHost? host = null)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            _runspace.Open();
            if (importModule)
            {
                var imported = Run($"Import-Module '{ManifestPath}' -PassThru");
                if (imported.Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + imported.ErrorText);
            }
        }

        public static string RepoRoot
        {
            get
            {
                var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
                return output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            }
        }

        /// <summary>The module as the build staged it (what ships).</summary>
        public static string StagedModuleFolder => Path.Combine(RepoRoot, "artifacts", "module", "SecureMFA_OTP");

        /// <summary>
        /// What the tests import: a copy of the staged module, made once per test process, with a stand-in native library
        /// in native/&lt;rid&gt;/ when the staged module has none yet. One folder for every test, because a process loads the
        /// cmdlet assembly from one place only.
        /// </summary>
        public static string ModuleFolder => ModuleCopy.Value;
        public static string ManifestPath => Path.Combine(ModuleFolder, "SecureMFA_OTP.psd1");

        /// <summary>The runtime identifier Install picks for the native library: the operating system's architecture.</summary>
        public static string NativeRid => "win-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

        private static readonly Lazy<string> ModuleCopy = new Lazy<string>(() =>
        {
            var parent = Path.Combine(Path.GetTempPath(), "securemfa-module-under-test");
            RemoveCopiesOfEndedRuns(parent);
            var root = Path.Combine(parent, Environment.ProcessId.ToString());
            if (Directory.Exists(root)) Directory.Delete(root, true);
            var copy = Path.Combine(root, "SecureMFA_OTP");
            foreach (var file in Directory.GetFiles(StagedModuleFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(StagedModuleFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var native = Path.Combine(copy, "native", NativeRid);
            if (!Directory.Exists(native))
            {
                Directory.CreateDirectory(native);
                File.WriteAllText(Path.Combine(native, "e_sqlite3.dll"), "stand-in for the native SQLite library " + Guid.NewGuid());
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            return copy;
        });

        /// <summary>A test host that is stopped rather than exiting leaves its copy behind: the next run removes it.</summary>
        private static void RemoveCopiesOfEndedRuns(string parent)
        {
            if (!Directory.Exists(parent)) return;
            foreach (var folder in Directory.GetDirectories(parent))
            {
                if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
                try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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

        public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            if (variables != null)
                foreach (var variable in variables) _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);
            shell.AddScript(script);
            var errors = new List<ErrorRecord>();
            Collection<PSObject> output;
            try { output = shell.Invoke(); }
            catch (RuntimeException ex)
            {
                output = new Collection<PSObject>();
                errors.Add(ex.ErrorRecord);
            }
            errors.InsertRange(0, shell.Streams.Error);
            return new ScriptResult { Output = output, Errors = errors, Warnings = shell.Streams.Warning.Select(w => w.Message).ToList() };
        }

        public void Dispose() => _runspace.Dispose();
    }
}
