using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// The seam for Windows-only side effects, in both modules: each is a PowerShell command invoked by name in the
    /// caller's session (the module's own host, GAC, registry, file, event-source and DPAPI functions, and for
    /// SecureMFA_OTP the AD FS and service cmdlets). Tests (or a cautious administrator) define functions with the same
    /// names and see, or replace, exactly what was called.
    /// </summary>
    internal sealed class PlatformCommands
    {
        // A local scope, so the Stop preference reaches the command without changing the caller's session:
        // a command that only writes an error has failed, and must not be taken for done.
        private static readonly ScriptBlock Splat = ScriptBlock.Create("param($__name, $__parameters) $ErrorActionPreference = 'Stop'; & $__name @__parameters");
        private readonly PSCmdlet _cmdlet;

        public PlatformCommands(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
        }

        /// <summary>
        /// Runs the command; a missing command stops the cmdlet (PlatformCommandMissing, saying where it runs), a failing
        /// one throws <see cref="PlatformCommandException"/>.
        /// </summary>
        public static Collection<PSObject> Invoke(PSCmdlet cmdlet, string command, IDictionary? parameters = null)
        {
            try
            {
                return cmdlet.InvokeCommand.InvokeScript(true, Splat, null, command, parameters ?? new Hashtable());
            }
            catch (CommandNotFoundException ex) when (string.Equals(ex.CommandName, command, StringComparison.OrdinalIgnoreCase))
            {
                cmdlet.ThrowTerminatingError(Errors.Record($"The command {command} is not available: {ThisModule.MissingCommandAdvice}",
                    "PlatformCommandMissing", ErrorCategory.ObjectNotFound, command, ex));
                throw;
            }
            catch (RuntimeException ex) when (!(ex is PipelineStoppedException))
            {
                throw new PlatformCommandException(command, ex);
            }
        }

        public Collection<PSObject> Invoke(string command, IDictionary? parameters = null) => Invoke(_cmdlet, command, parameters);

        /// <summary>
        /// The command's one result, or null. The engine hands a byte[] result back one byte per object (InvokeScript
        /// unrolls collections), so bytes are put back together: a REG_BINARY value or a DPAPI blob comes back whole.
        /// </summary>
        public object? Value(string command, IDictionary? parameters = null)
        {
            var results = Invoke(command, parameters).Select(o => o?.BaseObject).Where(o => o != null).ToList();
            if (results.Count == 0) return null;
            if (results.All(o => o is byte)) return results.Cast<byte>().ToArray();
            return results[0];
        }

        /// <summary>The command's single result as text ("" when it wrote nothing).</summary>
        public string Text(string command, IDictionary? parameters = null) =>
            Invoke(command, parameters).Select(o => o?.BaseObject?.ToString()).FirstOrDefault(s => s != null) ?? "";

        public bool Flag(string command, IDictionary parameters) =>
            Invoke(command, parameters).Select(o => o?.BaseObject).OfType<bool>().FirstOrDefault();
    }

    /// <summary>A platform command (AD FS or service cmdlet, or a module function: GAC, registry, file, event source, DPAPI) reported a failure.</summary>
    internal sealed class PlatformCommandException : Exception
    {
        public PlatformCommandException(string command, Exception inner)
            : base($"{command} failed: {inner.Message}", inner) => Command = command;

        public string Command { get; }
    }
}
