using System;
using System.Management.Automation;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>ErrorRecords with a clear message, a stable id and the right category; never a raw stack trace.</summary>
    public static class Errors
    {
        public static ErrorRecord Record(string message, string id, ErrorCategory category, object? target, Exception? inner = null) =>
            new ErrorRecord(new InvalidOperationException(message, inner), id, category, target);
    }
}
