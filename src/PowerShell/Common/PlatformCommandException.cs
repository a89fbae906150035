using System;

namespace SecureMFA.PowerShell
{
    /// <summary>A platform command (AD FS or service cmdlet, or a module function: GAC, registry, file, event source, DPAPI) reported a failure.</summary>
    internal sealed class PlatformCommandException : Exception
    {
        public PlatformCommandException(string command, Exception inner)
            : base($"{command} failed: {inner.Message}", inner) => Command = command;

        public string Command { get; }
    }
}
