using System;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>ErrorRecords with a clear message, a stable id and the right category; never a raw stack trace.</summary>
    public static class Errors
    {
        public static ErrorRecord Record(string message, string id, ErrorCategory category, object? target, Exception? inner = null) =>
            new ErrorRecord(new InvalidOperationException(message, inner), id, category, target);

        public static ErrorRecord UserNotFound(string upn) =>
            Record($"No OTP user \"{upn}\" exists.", "UserNotFound", ErrorCategory.ObjectNotFound, upn);

        public static ErrorRecord InvalidConfiguration(string path, string message, Exception? inner = null) =>
            Record($"{path}: {message}", "InvalidConfiguration", ErrorCategory.InvalidData, path, inner);
    }
}
