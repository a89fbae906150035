using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace SecureMFA.Testing
{
    /// <summary>What one script produced: its output, every error (terminating ones included), its warnings and verbose lines.</summary>
    public sealed class ScriptResult
    {
        public Collection<PSObject> Output { get; init; } = new Collection<PSObject>();
        public List<ErrorRecord> Errors { get; init; } = new List<ErrorRecord>();
        public List<string> Warnings { get; init; } = new List<string>();
        public List<string> Verbose { get; init; } = new List<string>();
        public string ErrorText => string.Join("\n", Errors.Select(e => e.ToString()));

        /// <summary>The errors, then what the script said with -Verbose: for failure messages.</summary>
        public string ErrorAndVerboseText => string.Join("\n", Errors.Select(e => e.ToString()).Concat(Verbose.Select(v => "VERBOSE: " + v)));
    }

    /// <summary>A runspace of the real PowerShell engine, with a module imported from its manifest (or none).</summary>
    public class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        /// <param name="manifest">The .psd1 to import, or null for a bare session.</param>
        /// <param name="host">A console that shows output and answers prompts; none by default.</param>
        public ModuleSession(string? manifest, PSHost? host = null)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            _runspace.Open();
            if (manifest == null) return;
            var imported = Run($"Import-Module '{manifest}'");
            if (imported.Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + imported.ErrorText);
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
