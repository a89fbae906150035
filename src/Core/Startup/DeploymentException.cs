using System;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Core.Startup
{
    /// <summary>
    /// A server that cannot start (event 5551 or 5553 already written). The message is the user-facing reason, the end of
    /// a sentence ("the configuration in ... is invalid: ..."), with no password or passphrase in it.
    /// </summary>
    public sealed class DeploymentException : Exception
    {
        public DeploymentException(string reason, Exception? cause = null, ProviderConfiguration? configuration = null) : base(reason, cause) =>
            Configuration = configuration;

        /// <summary>The configuration, when it was valid and the store is what failed: pages can still show its help desk.</summary>
        public ProviderConfiguration? Configuration { get; }
    }
}
