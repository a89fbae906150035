using System;

namespace SecureMFA.WinOtp.Json
{
    /// <summary>A body that is not the JSON the protocol documents.</summary>
    public sealed class JsonFormatException : Exception
    {
        public JsonFormatException(string message) : base(message) { }
    }
}
