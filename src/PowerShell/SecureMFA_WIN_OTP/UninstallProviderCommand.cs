using System.Collections;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.WinOtp.Cmdlets.Infrastructure;
using SecureMFA.WinOtp.Cmdlets.Output;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Uninstall, "SecureMFA_WIN_OTP_AuthenticationProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WinOtpChange))]
    [CmdletHelp("Removes the SecureMFA WIN OTP credential provider: Windows' own sign-in tiles are in charge again.",
        "Run in an elevated 64-bit Windows PowerShell. Removes, in this order: the credential provider filter (from then on Windows' providers " +
        "are no longer switched off), the credential provider, both COM classes, the WIN OTP values under HKLM\\Software\\SecureMFA (settings, " +
        "the device registration in its Device key, offline vault generations; the key itself only when nothing else is left in it), the event source " +
        "'SecureMFA WIN OTP' (the events stay in the log), %ProgramFiles%\\SecureMFA WIN OTP and the offline vaults in " +
        "%ProgramData%\\SecureMFA_WIN_OTP. Windows' own providers are never changed by the installer, so nothing of theirs needs restoring. " +
        "Returns one object per item (Kind, Name, Action: Removed, Not present, Kept). The device stays known to the WEB API until revoked there.")]
    [CmdletExample("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider", "Removes everything the installer added.")]
    [CmdletExample("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider -WhatIf", "Shows each removal without making it.")]
    public sealed class UninstallProviderCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            var platform = new PlatformCommands(this);
            var host = HostFacts.Read(this);
            host.Require(this, "Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider");
            var registry = new SeamRegistry(platform, new PipelineDispatcher());
            try
            {
                foreach (var key in RegistryLayout.OwnedKeys)
                    if (ShouldProcess(key, "Delete the key and everything below it"))
                        WriteObject(new WinOtpChange(WinOtpChange.RegistryKey, key, registry.RemoveKey(key) ? "Removed" : "Not present"));

                if (ShouldProcess(SettingNames.RegistryPath, "Delete the SecureMFA WIN OTP values (settings, device registration, vault generations, unlock grace records)"))
                {
                    foreach (var name in RegistryLayout.SettingValueNames)
                        if (registry.RemoveValue(SettingNames.RegistryPath, name))
                            WriteObject(new WinOtpChange(WinOtpChange.Setting, $"{SettingNames.RegistryPath}\\{name}", "Removed"));
                    foreach (var below in new[] { SettingNames.DeviceKeyName, SettingNames.VaultGenerationsKey, SettingNames.SessionGraceKey })
                    {
                        var key = SeamRegistry.SettingsKey(below);
                        if (registry.RemoveKey(key)) WriteObject(new WinOtpChange(WinOtpChange.RegistryKey, key, "Removed"));
                    }
                    WriteObject(new WinOtpChange(WinOtpChange.RegistryKey, SettingNames.RegistryPath,
                        registry.RemoveKey(SettingNames.RegistryPath, onlyIfEmpty: true) ? "Removed" : "Kept", "removed only when nothing else is left in it"));
                }

                if (ShouldProcess("Application log", "Remove the event source 'SecureMFA WIN OTP' (its events stay)"))
                    WriteObject(new WinOtpChange(WinOtpChange.EventSource, "SecureMFA WIN OTP", platform.Text("Unregister-SecureMfaWinOtpEventSource")));

                foreach (var folder in new[] { $"{host.ProgramFiles.TrimEnd('\\')}\\{ProviderInstallation.ProductFolderName}", $"{host.ProgramData.TrimEnd('\\')}\\SecureMFA_WIN_OTP" })
                    if (ShouldProcess(folder, "Delete the folder"))
                        WriteObject(new WinOtpChange(WinOtpChange.Folder, folder, platform.Text("Remove-SecureMfaWinOtpFolder", new Hashtable { ["Path"] = folder })));
            }
            catch (PlatformCommandException e)
            {
                ThrowTerminatingError(Errors.PlatformCommandFailed(e, "The items listed before were removed; run Uninstall again after fixing the cause."));
            }
        }
    }
}
