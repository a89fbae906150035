using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Api;
using SecureMFA.Cmdlets.Help;
using SecureMFA.WinOtp.Cmdlets.Infrastructure;
using SecureMFA.WinOtp.Cmdlets.Output;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets
{
    [Cmdlet(VerbsDiagnostic.Test, "SecureMFA_WIN_OTP")]
    [OutputType(typeof(WinOtpCheck))]
    [CmdletHelp("Checks this computer's SecureMFA WIN OTP: its settings, its registration with Windows, and with the WEB API that the API is reachable, the device key works and the clocks agree.",
        "Reads the settings under HKLM\\Software\\SecureMFA as the provider does (values Group Policy set under HKLM\\Software\\Policies\\SecureMFA win, and the 'Settings source' check names them), checks that the credential provider and its filter are registered, then " +
        "asks the WEB API about this device (GET /v1/devices/self, signed with the device key): a signed answer proves the API is reachable and the key " +
        "is the one the API knows; its serverTime gives the clock difference (the API refuses requests more than 300 seconds off; more than 60 is reported " +
        "as a failure so it is fixed before it matters). Returns one object per check (Check, Passed, Detail); changes nothing.")]
    [CmdletExample("Test-SecureMFA_WIN_OTP", "Runs every check.")]
    [CmdletExample("Test-SecureMFA_WIN_OTP | Where-Object { -not $_.Passed }", "Lists only what needs attention.")]
    public sealed class TestCommand : PSCmdlet
    {
        public const int ClockToleranceSeconds = 60;

        protected override void ProcessRecord()
        {
            var platform = new PlatformCommands(this);
            var dispatcher = new PipelineDispatcher();
            var registry = new SeamRegistry(platform, dispatcher);
            var protection = new SeamProtection(platform, dispatcher);
            var events = new CollectedEvents();
            try { Check(platform, registry, protection, events, dispatcher); }
            catch (PlatformCommandException e) { ThrowTerminatingError(Errors.PlatformCommandFailed(e)); }
            foreach (var line in events.Drain()) WriteVerbose(line);
        }

        private void Check(PlatformCommands platform, SeamRegistry registry, SeamProtection protection, CollectedEvents events, PipelineDispatcher dispatcher)
        {
            var settings = SettingsReader.Read(registry);
            var offline = settings.IsValid && settings.Settings!.OfflineValidDays > 0 ? $"{settings.Settings.OfflineValidDays} days" : "off";
            WriteObject(new WinOtpCheck("Settings", settings.IsValid, settings.IsValid
                ? $"valid ({SettingNames.RegistryPath}); RDPonly {(settings.RdpOnly ? "on" : "off")}, offline sign-in {offline}"
                : string.Join(" ", settings.Errors)));
            // Which values Group Policy decides: a local change to one of them has no effect, and the check says so.
            var fromPolicy = settings.FromGroupPolicy;
            WriteObject(new WinOtpCheck("Settings source", true, fromPolicy.Count == 0
                ? $"no Group Policy values ({SettingNames.PolicyRegistryPath}); every setting is local ({SettingNames.RegistryPath}) or default"
                : $"Group Policy ({SettingNames.PolicyRegistryPath}) sets {string.Join(", ", fromPolicy)}, which win over {SettingNames.RegistryPath}"));
            WriteVerbose($"Settings {settings.DescribeSources()}.");

            var missing = RegistryLayout.OwnedKeys.Where(key => registry.Read(key, "") == null).ToList();
            var codeBase = registry.Read($"{RegistryLayout.ClassesRoot}\\{RegistryLayout.ProviderClsid}\\InprocServer32", "CodeBase") as string;
            WriteObject(new WinOtpCheck("Registration", missing.Count == 0 && codeBase != null, missing.Count == 0 && codeBase != null
                ? $"provider, filter and COM classes registered; LogonUI loads {codeBase}"
                : $"missing: {string.Join(", ", missing.DefaultIfEmpty("the provider's CodeBase"))}. Run Install-SecureMFA_WIN_OTP_AuthenticationProvider."));

            if (!settings.IsValid)
            {
                WriteObject(new WinOtpCheck("API reachable", false, "not checked: the settings are not valid"));
                return;
            }
            var device = new DeviceStore(registry, protection).Load(out var problem);
            if (device == null)
            {
                WriteObject(new WinOtpCheck("Device key", false, problem ?? "not registered"));
                return;
            }

            var coordinator = new LogonCoordinator(InstallerPlatform.Create(registry, protection, events, Environment.MachineName));
            var reply = dispatcher.Run(() => coordinator.CheckDeviceAsync());
            var endpoint = settings.Settings!.ApiEndpoint.ToString();
            if (reply == null)
            {
                WriteObject(new WinOtpCheck("API reachable", false, "the check could not run (see -Verbose)"));
                return;
            }
            switch (reply.Kind)
            {
                case ApiReplyKind.Answered:
                    var skew = reply.Answer!.ClockSkewSeconds;
                    WriteObject(new WinOtpCheck("API reachable", true, endpoint));
                    WriteObject(new WinOtpCheck("Device key", true, $"device {reply.Answer.DeviceId} (signed answer verified)"));
                    WriteObject(new WinOtpCheck("Clock", Math.Abs(skew) <= ClockToleranceSeconds, $"{Seconds(skew)} from the server's clock" +
                        (Math.Abs(skew) <= ClockToleranceSeconds ? "" : "; correct this computer's time (the API refuses requests more than 300 s off)")));
                    break;
                case ApiReplyKind.Refused:
                    WriteObject(new WinOtpCheck("API reachable", true, endpoint));
                    WriteObject(new WinOtpCheck("Device key", false, $"the API refused the request: {reply.Detail}"));
                    break;
                default:
                    var answered = reply.StatusCode != 0;
                    WriteObject(new WinOtpCheck("API reachable", answered, answered ? $"{endpoint} answered {reply.Detail}" : $"{endpoint}: {reply.Detail}"));
                    if (answered)
                        WriteObject(new WinOtpCheck("Device key", false, reply.Failure == ApiFailure.BadSignature
                            ? "the answer's signature does not verify with this computer's key; register the computer again"
                            : reply.Detail + (reply.Detail.Contains(ApiWords.Errors.UnknownDevice) || reply.Detail.Contains(ApiWords.Errors.DeviceRevoked) ? "; register the computer again (-api_headers_value)" : "")));
                    if (reply.ServerTime.HasValue)
                    {
                        var skewed = Platform.UnixTime.Seconds(DateTime.UtcNow) - reply.ServerTime.Value;
                        WriteObject(new WinOtpCheck("Clock", Math.Abs(skewed) <= ClockToleranceSeconds, $"{Seconds(skewed)} from the server's clock (unverified answer)"));
                    }
                    break;
            }
        }

        private static string Seconds(long skew) => $"{(skew >= 0 ? "+" : "")}{skew.ToString(CultureInfo.InvariantCulture)} s";
    }
}
