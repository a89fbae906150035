using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "xOTP_Device", DefaultParameterSetName = "All")]
    [OutputType(typeof(OtpDeviceInfo))]
    [CmdletHelp("Lists the computers registered with the SecureMFA WEB API.",
        "Returns the devices (Windows computers running SecureMFA WIN OTP) that registered with the WEB API, from the store the " +
        "configuration names, oldest first: id, computer name and SID, when it registered, whether and when it was revoked, and when " +
        "and from where it was last seen (recorded at most hourly). Filter by id or computer name (wildcards * and ?). The output never " +
        "contains device keys. Pipe it to Revoke-xOTP_Device.",
        Inputs = "Device ids (strings), or objects with a DeviceId (or Id) property, such as a list of ids in a CSV file.")]
    [CmdletExample("Get-xOTP_Device", "Lists every registered device, revoked ones included.")]
    [CmdletExample("Get-xOTP_Device -Machine 'RDS*' -Active", "Lists the devices of the remote desktop servers that are not revoked.")]
    [CmdletExample("Get-xOTP_Device -Machine LAPTOP-042 | Revoke-xOTP_Device", "Revokes every device registered by a lost laptop.")]
    [CmdletExample("Import-Csv .\\devices.csv | Get-xOTP_Device", "Shows the devices whose ids are in the DeviceId column of devices.csv.")]
    public sealed class GetDeviceCommand : DeviceRegistryCmdlet
    {
        protected override bool ReadsOnly => true;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "A device id, or a pattern with * and ?. Default: every device.")]
        [Alias("Id")]
        [SupportsWildcards]
        public string? DeviceId { get; set; }

        [Parameter(HelpMessage = "Only devices whose computer name matches this name or pattern (* and ?; case-insensitive).")]
        [SupportsWildcards]
        public string? Machine { get; set; }

        [Parameter(HelpMessage = "Only revoked devices.")]
        public SwitchParameter Revoked { get; set; }

        [Parameter(HelpMessage = "Only devices that are not revoked.")]
        public SwitchParameter Active { get; set; }

        protected override void ProcessRecord()
        {
            if (Revoked && Active)
            {
                ThrowTerminatingError(Errors.Record("-Revoked and -Active cannot be used together.", "ConflictingFilters", ErrorCategory.InvalidArgument, null));
                return;
            }
            var id = new WildcardPattern(string.IsNullOrEmpty(DeviceId) ? "*" : DeviceId, WildcardOptions.IgnoreCase);
            var machine = new WildcardPattern(string.IsNullOrEmpty(Machine) ? "*" : Machine, WildcardOptions.IgnoreCase);
            ForDevice(() =>
            {
                var devices = Devices.List()
                    .Where(d => id.IsMatch(d.Id) && machine.IsMatch(d.Machine))
                    .Where(d => !Revoked || d.IsRevoked)
                    .Where(d => !Active || !d.IsRevoked)
                    .ToList();
                if (devices.Count == 0 && DeviceId != null && !WildcardPattern.ContainsWildcardCharacters(DeviceId))
                    WriteError(DeviceErrors.NotFound(DeviceId));
                foreach (var device in devices) WriteObject(OtpDeviceInfo.From(device));
            });
        }
    }
}
