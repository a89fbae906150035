using System;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>The API cannot run with this configuration or store; the message says what to change (never a secret).</summary>
    public sealed class ApiStartupException : Exception
    {
        public ApiStartupException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
