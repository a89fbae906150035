using System;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>One step of Install or Uninstall failed; the message names what (the assembly, the file, the service) and why.</summary>
    public sealed class InstallStepException : Exception
    {
        public InstallStepException(string target, string message, Exception? inner = null) : base(message, inner) => Target = target;

        /// <summary>What the step was about: an assembly's full name, a file path, a service name.</summary>
        public string Target { get; }
    }
}
