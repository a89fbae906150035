using System;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>A platform command (AD FS cmdlet, service cmdlet, GAC or event-source function) reported a failure.</summary>
    public sealed class PlatformCommandException : Exception
    {
        public PlatformCommandException(string command, Exception inner)
            : base($"{command} failed: {inner.Message}", inner) => Command = command;

        public string Command { get; }
    }
}
