using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>The ErrorRecords of the device cmdlets.</summary>
    public static class DeviceErrors
    {
        public static ErrorRecord NotFound(string id) =>
            Errors.Record($"No WEB API device \"{id}\" is registered (ids are 32 lower-case hex digits; Get-xOTP_Device lists them).", "DeviceNotFound", ErrorCategory.ObjectNotFound, id);
    }
}
