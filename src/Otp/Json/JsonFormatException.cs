using System;

namespace SecureMFA.Otp.Json
{
    /// <summary>
    /// A document that is not the JSON its reader expects. The message names the line and column and what is wrong,
    /// never the text there: configuration files and protocol bodies carry secrets, and a broken line may be the middle
    /// of one.
    /// </summary>
    public sealed class JsonFormatException : Exception
    {
        /// <summary>A document that is JSON but not what its caller documents, where no single place is to blame.</summary>
        public JsonFormatException(string reason) : this(reason, 0, 0, -1) { }

        public JsonFormatException(string reason, int line, int column, int offset, int memberOffset = -1)
            : base(line > 0 ? $"line {line}, column {column}: {reason}" : reason)
        {
            Reason = reason;
            Line = line;
            Column = column;
            Offset = offset;
            MemberOffset = memberOffset;
        }

        /// <summary>What is wrong, without the position.</summary>
        public string Reason { get; }

        /// <summary>1-based; 0 when the problem has no place in the text (bytes that are not UTF-8 have one, see <see cref="Offset"/>).</summary>
        public int Line { get; }
        public int Column { get; }

        /// <summary>The 0-based character offset of the problem in the text parsed (the byte offset for bytes that are not UTF-8).</summary>
        public int Offset { get; }

        /// <summary>
        /// Where the member being read when the text broke begins (its key's opening quote), or -1: a caller that knows
        /// its documents (the configuration's typographic-quote diagnostic) looks between here and <see cref="Offset"/>
        /// for the likelier cause.
        /// </summary>
        public int MemberOffset { get; }
    }
}
