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

        public PowerShellSession(bool importModule = true)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(state);
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

        public static string ModuleFolder => Path.Combine(RepoRoot, "artifacts", "module", "SecureMFA_OTP");
        public static string ManifestPath => Path.Combine(ModuleFolder, "SecureMFA_OTP.psd1");

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
