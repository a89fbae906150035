using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// The seam for every Windows side effect: a function of the module, invoked by name in the caller's session, so
    /// a test (or an administrator) defining a function of the same name sees and replaces exactly that call.
    /// </summary>
    public sealed class PlatformCommands
    {
        // A local scope with Stop: a command that only writes an error has failed and must not be taken for done.
        private static readonly ScriptBlock Splat = ScriptBlock.Create("param($__name, $__parameters) $ErrorActionPreference = 'Stop'; & $__name @__parameters");
        private readonly PSCmdlet _cmdlet;

        public PlatformCommands(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
        }

        public Collection<PSObject> Invoke(string command, IDictionary? parameters = null)
        {
            try
            {
                return _cmdlet.InvokeCommand.InvokeScript(true, Splat, null, command, parameters ?? new Hashtable());
            }
            catch (RuntimeException e) when (!(e is PipelineStoppedException))
            {
                throw new PlatformCommandException(command, e);
            }
        }

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

    /// <summary>A module function (registry, file, event source, DPAPI) reported a failure.</summary>
    public sealed class PlatformCommandException : Exception
    {
        public PlatformCommandException(string command, Exception inner)
            : base(command + " failed: " + inner.Message, inner)
        {
            Command = command;
        }

        public string Command { get; }
    }
}
