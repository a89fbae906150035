using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsSecurity.Revoke, "xOTP_Device", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OtpDeviceInfo))]
    [CmdletHelp("Revokes computers' registrations with the SecureMFA WEB API.",
        "A revoked device's requests are refused (403 device_revoked, signed with the device's key so it can trust it) by every WEB API server from its next request on, since the " +
        "registry is in the shared store. The computer can sign in through the API again only after registering anew with the bootstrap " +
        "value. Offline packages it already holds stay usable until they expire (api_offline_max_days); reset the users concerned " +
        "(Reset-xOTP_User) to end them sooner. Revoking a revoked device keeps its first revocation time.",
        Inputs = "Device ids (strings), or objects with a DeviceId (or Id) property: the output of Get-xOTP_Device, or a CSV file's rows.")]
    [CmdletExample("Revoke-xOTP_Device 3f2a9c0e5b7d41e8a6c4f0b2d9e8a7c1", "Revokes one device by its id.")]
    [CmdletExample("Get-xOTP_Device -Machine LAPTOP-042 | Revoke-xOTP_Device -WhatIf", "Shows which devices of a laptop would be revoked, without changing anything.")]
    [CmdletExample("Import-Csv .\\lost-devices.csv | Revoke-xOTP_Device -Confirm:$false", "Revokes every device listed in the DeviceId column of lost-devices.csv.")]
    public sealed class RevokeDeviceCommand : DeviceRegistryCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The device's id (as Get-xOTP_Device shows it).")]
        [Alias("Id")]
        public string DeviceId { get; set; } = "";

        [Parameter(HelpMessage = "Return the device after revoking it.")]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ForDevice(() =>
            {
                var id = DeviceId.Trim();
                var device = Devices.Find(id);
                if (device == null)
                {
                    WriteError(DeviceErrors.NotFound(id));
                    return;
                }
                if (device.IsRevoked) WriteWarning($"The device {id} ({device.Machine}) was already revoked on {device.Revoked:u}.");
                else if (!ShouldProcess($"{id} ({device.Machine})", "Revoke WEB API device")) return;
                else if (!Devices.Revoke(id, DateTime.UtcNow))
                {
                    WriteError(DeviceErrors.NotFound(id));
                    return;
                }
                else Audit.Record($"revoked the WEB API device {id} ({device.Machine})");
                if (PassThru) WriteObject(OtpDeviceInfo.From(Devices.Find(id) ?? device));
            });
        }
    }
}
