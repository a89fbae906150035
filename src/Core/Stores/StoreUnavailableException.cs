using System;

namespace SecureMFA.Core.Stores
{
    /// <summary>The user store could not be reached or refused the operation; nothing was half-written.</summary>
    public sealed class StoreUnavailableException : Exception
    {
        public StoreUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
