using System;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>The error records only SecureMFA_OTP raises (the shared part is src/PowerShell/Common/Errors.cs).</summary>
    internal static partial class Errors
    {
        public static ErrorRecord UserNotFound(string upn) =>
            Record($"No OTP user \"{upn}\" exists.", "UserNotFound", ErrorCategory.ObjectNotFound, upn);

        public static ErrorRecord InvalidConfiguration(string path, string message, Exception? inner = null) =>
            Record($"{path}: {message}", "InvalidConfiguration", ErrorCategory.InvalidData, path, inner);
    }
}
