using System;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// ErrorRecords with a clear message, a stable id and the right category; never a raw stack trace. A module adds the
    /// records only it raises in its own part of this class (SecureMFA_OTP/Infrastructure/Errors.cs).
    /// </summary>
    internal static partial class Errors
    {
        public static ErrorRecord Record(string message, string id, ErrorCategory category, object? target, Exception? inner = null) =>
            new ErrorRecord(new InvalidOperationException(message, inner), id, category, target);

        /// <summary>
        /// A platform command failed, as every cmdlet of both modules reports it: one id, the command as target, and what the
        /// administrator should know about the state it left (<paramref name="afterwards"/>), if the cmdlet can say.
        /// </summary>
        public static ErrorRecord PlatformCommandFailed(PlatformCommandException e, string? afterwards = null) =>
            Record(afterwards == null ? e.Message : $"{e.Message} {afterwards}", "PlatformCommandFailed", ErrorCategory.InvalidResult, e.Command, e);
    }
}
