using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Infrastructure;

namespace SecureMFA.PowerShell
{
    /// <summary>The error records only SecureMFA_OTP raises (the shared part is src/PowerShell/Common/Errors.cs).</summary>
    internal static partial class Errors
    {
        public static ErrorRecord UserNotFound(string upn) =>
            Record($"No OTP user \"{upn}\" exists.", "UserNotFound", ErrorCategory.ObjectNotFound, upn);

        public static ErrorRecord InvalidConfiguration(string path, string message, Exception? inner = null) =>
            Record($"{path}: {message}", "InvalidConfiguration", ErrorCategory.InvalidData, path, inner);

        /// <summary>A step of Install or Uninstall failed (<paramref name="id"/>: InstallStepFailed, UninstallStepFailed); the target is what the step was about.</summary>
        public static ErrorRecord StepFailed(InstallStepException ex, string id) =>
            Record(ex.Message, id, ErrorCategory.InvalidResult, ex.Target, ex);
    }
}
