using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>What one script produced: its output, its errors (terminating ones included) and its warnings.</summary>
    public sealed class ScriptResult
    {
        public Collection<PSObject> Output { get; init; } = new Collection<PSObject>();
        public List<ErrorRecord> Errors { get; init; } = new List<ErrorRecord>();
        public List<string> Warnings { get; init; } = new List<string>();
        public List<string> Verbose { get; init; } = new List<string>();
        public string ErrorText => string.Join("\n", Errors.Select(e => e.ToString()).Concat(Verbose.Select(v => "VERBOSE: " + v)));

        public IEnumerable<(string Kind, string Name, string Action, string Detail)> Changes =>
            Output.Select(o => ((string)o.Properties["Kind"].Value, (string)o.Properties["Name"].Value, (string)o.Properties["Action"].Value, (string)o.Properties["Detail"].Value));
    }

    /// <summary>A runspace of the real PowerShell engine with the STAGED SecureMFA_WIN_OTP module imported from (a copy of) its own folder.</summary>
    public sealed class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleSession()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            var imported = Run($"Import-Module '{ManifestPath}'");
            if (imported.Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + imported.ErrorText);
        }

        public static string RepoRoot
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "SecureMFA.sln"))) directory = directory.Parent;
                return directory?.FullName ?? throw new InvalidOperationException("SecureMFA.sln not found");
            }
        }

        public static string StagedModuleFolder => Path.Combine(RepoRoot, "artifacts", "module", "SecureMFA_WIN_OTP");
        public static string ModuleFolder => ModuleCopy.Value;
        public static string ManifestPath => Path.Combine(ModuleFolder, "SecureMFA_WIN_OTP.psd1");

        /// <summary>One copy per test process (a process loads the cmdlet assembly from one place only), removed at exit.</summary>
        private static readonly Lazy<string> ModuleCopy = new Lazy<string>(() =>
        {
            var root = Path.Combine(Path.GetTempPath(), "securemfa-winotp-module-under-test", Environment.ProcessId.ToString());
            if (Directory.Exists(root)) Directory.Delete(root, true);
            var copy = Path.Combine(root, "SecureMFA_WIN_OTP");
            foreach (var file in Directory.GetFiles(StagedModuleFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(StagedModuleFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            return copy;
        });

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
            catch (RuntimeException e)
            {
                output = new Collection<PSObject>();
                errors.Add(e.ErrorRecord);
            }
            errors.InsertRange(0, shell.Streams.Error);
            return new ScriptResult
            {
                Output = output,
                Errors = errors,
                Warnings = shell.Streams.Warning.Select(w => w.Message).ToList(),
                Verbose = shell.Streams.Verbose.Select(v => v.Message).ToList(),
            };
        }

        public void Dispose() => _runspace.Dispose();
    }
}
