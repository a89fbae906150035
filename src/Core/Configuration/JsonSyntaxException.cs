using System;

namespace SecureMFA.Core.Configuration
{
    /// <summary>Thrown when the configuration is not JSON; names line and column, never the text around them.</summary>
    public sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int line, int column)
            : base($"line {line}, column {column}: {message}")
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }
        public int Column { get; }
    }
}
