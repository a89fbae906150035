using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// One run of the simulator: apply settings, register if asked, then play the tile (sign-in, sync, check or
    /// status) through <see cref="LogonCoordinator"/>, exactly as a credential provider would call it. Callable in
    /// process, so tests can drive it with their own HTTP handler and clock.
    /// </summary>
    public static class SimulatorApp
    {
        public const int Proceed = 0;
        public const int Refused = 1;
        public const int SetupError = 2;

        public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, bool terminal,
            Func<WinOtpSettings, HttpMessageHandler>? httpHandlerFactory = null, IClock? clock = null)
        {
            SimulatorOptions options;
            try { options = SimulatorOptions.Parse(args); }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                return SetupError;
            }
            if (options.Help)
            {
                output.WriteLine(SimulatorOptions.Usage);
                return Proceed;
            }

            Directory.CreateDirectory(options.State);
            var registry = new FileRegistry(Path.Combine(options.State, "registry.json"));
            var protection = new FileMachineProtection(Path.Combine(options.State, "machine.key"));
            foreach (var (name, value) in options.Settings) registry.SetValue("", name, value);
            foreach (var (name, value) in options.Policies)
                if (value == null) registry.DeletePolicyValue(name);
                else registry.SetPolicyValue(name, value);
            if (registry.GetValue("", SettingNames.AnchorDnsName) == null) registry.SetValue("", SettingNames.AnchorDnsName, "adatum.labnet");

            var read = SettingsReader.Read(registry);
            if (options.ShowSettings)
            {
                // As the provider sees them: Group Policy's value where there is one (see SettingsReader).
                foreach (var setting in SettingCatalogue.All)
                {
                    var source = read.Sources.TryGetValue(setting.ValueName, out var found) ? found : SettingSource.Default;
                    var value = source == SettingSource.GroupPolicy ? registry.GetPolicyValue(setting.ValueName) : source == SettingSource.Local ? registry.GetValue("", setting.ValueName) : null;
                    output.WriteLine($"{setting.ValueName} = {(value == null ? "(default)" : Convert.ToString(value, CultureInfo.InvariantCulture))} [{SourceName(source)}]");
                }
                foreach (var problem in read.Errors) output.WriteLine($"error: {problem}");
                return read.IsValid ? Proceed : SetupError;
            }
            if (!read.IsValid)
            {
                foreach (var problem in read.Errors) error.WriteLine(problem);
                error.WriteLine($"(settings are kept in {Path.Combine(options.State, "registry.json")}; give --api URL on the first run)");
                return SetupError;
            }
            var platform = new WinOtpPlatform(registry, protection,
                new OffsetClock(clock ?? SystemClock.Instance, options.ClockOffset),
                new FileEventLog(Path.Combine(options.State, "events.log"), error),
                new FixedSession(options.Session),
                new VaultFolder(Path.Combine(options.State, "vault")),
                httpHandlerFactory ?? (settings => ApiHttpHandler.Create(settings)),
                options.Machine)
            {
                Accounts = new FixedAccounts(options.AccountSid, options.GroupSids, options.Names),
            };
            platform.UiLanguage = () => options.Language;
            platform.Instance = new SimulatedSessionInstance(Path.Combine(options.State, "boot.txt"), platform.Clock, options.SessionId, options.Reboot, options.SleptMinutes, options.DisconnectedSession);

            var registeredNow = false;
            if (options.Register != null)
            {
                var devices = new DeviceStore(registry, protection);
                if (devices.IsRegistered && !options.ForceRegister)
                {
                    error.WriteLine($"This simulated computer is already registered as {registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId)}; --force-register replaces it.");
                    return SetupError;
                }
                var (registered, message) = await DeviceRegistration.RegisterAsync(platform, read.Settings!, options.Register, "");
                output.WriteLine(message);
                if (!registered) return SetupError;
                registeredNow = true;
            }

            var coordinator = new LogonCoordinator(platform);
            if (options.Check) return await CheckAsync(coordinator, output);
            if (options.Status != null) return Status(coordinator, options.Status, output);
            var prompter = new Prompter(input, output, terminal);
            if (options.Sync) return await SyncAsync(coordinator, prompter, output);
            if (options.OfflineEntry) return await OfflineEntryAsync(coordinator, prompter, output);
            return await SignInAsync(coordinator, options, read.Settings!, prompter, output, registeredNow);
        }

        private static async Task<int> SignInAsync(LogonCoordinator coordinator, SimulatorOptions options, WinOtpSettings settings, Prompter prompter, TextWriter output, bool registeredNow)
        {
            output.WriteLine($"Tile: scenario {options.Scenario.WireName()}, {(options.Session == SessionKind.Console ? "console" : "remote")}" +
                $" session, RDP only {(settings.RdpOnly ? "on" : "off")}, offline sign-in {(settings.OfflineValidDays > 0 ? $"{settings.OfflineValidDays} days" : "off")}.");
            if (!coordinator.ServesTile(options.Scenario))
            {
                output.WriteLine("No code is asked here: Windows checks the password alone.");
                return Finish(output, LogonOutcome.NotRequired, Proceed);
            }
            if (coordinator.AsksForCode)
            {
                // The tile's own fields as LogonUI would show them, in the session's language with the administrator's texts.
                var text = coordinator.Text;
                output.WriteLine($"Tile fields ({text.LanguageTag}): code field \"{TileText.CodeLabelOf(text, settings.TileLabel)}\"; " +
                    $"hint: {TileText.WithHelpdesk(settings.UnenrolledPolicy != UnenrolledPolicy.Deny ? text.EnrolHintWithoutCode : text.EnrolHint, settings.HelpdeskText)}");
            }
            if (!coordinator.AsksForCode) output.WriteLine("Report-only (win_enforce ReportOnly): no code is asked; what would have been done is reported.");
            else if (settings.UnenrolledPolicy != UnenrolledPolicy.Deny)
                output.WriteLine($"Users not yet enrolled: {settings.UnenrolledPolicy}{(settings.UnenrolledPolicy == UnenrolledPolicy.Grace ? $" ({settings.UnenrolledGraceDays} days)" : "")}; without a code, leave the code empty.");
            var user = prompter.Ask("User name");
            if (user == null) return registeredNow ? Proceed : NoAnswers(output);
            if (options.NoPhone)
            {
                // "No phone?": the challenge to read out to the help desk, whose answer is then typed as the code.
                var challenge = await coordinator.RequestUnlockChallengeAsync(user);
                output.WriteLine(challenge.Message);
                if (challenge.Outcome != LogonOutcome.Challenge) return Finish(output, challenge.Outcome, Refused);
                output.WriteLine($"CHALLENGE {challenge.UnlockChallenge}");
            }
            var password = prompter.AskSecret("Password");
            if (password == null) return NoAnswers(output);
            // Who must use a code: decided once the account is known, as the tile decides when the user submits.
            var verdict = coordinator.Decide(options.Scenario, user);
            string? code = "";
            if (!verdict.Required) output.WriteLine($"No code asked of {user}: {verdict.Setting}{(verdict.Detail.Length > 0 ? $" ({verdict.Detail})" : "")}.");
            else if (coordinator.AsksForCode) code = prompter.Ask(options.NoPhone ? "Help-desk unlock code" : "Code");
            if (code == null) return NoAnswers(output);

            var result = await coordinator.SignInAsync(new LogonRequest(options.Scenario, user, password!, code));
            if (result.Message.Length > 0) output.WriteLine(result.MayProceed ? result.Message : TileText.WithHelpdesk(result.Message, settings.HelpdeskText));
            if (!result.MayProceed) return Finish(output, result.Outcome, Refused);

            output.WriteLine(result.Outcome == LogonOutcome.AcceptedOffline ? "Code accepted offline (the SecureMFA WEB API could not be reached)."
                : result.Outcome == LogonOutcome.Accepted ? "Code accepted by the SecureMFA WEB API."
                : result.Outcome == LogonOutcome.ReportOnly ? "No code was checked (report-only); see event 5560 for what would have been done."
                : result.Outcome == LogonOutcome.AllowedNotEnrolled ? $"No code was checked: the account is not enrolled (win_unenrolled_policy {settings.UnenrolledPolicy}; event 5559)." : "");
            var pending = result.HasPendingOfflineData;
            output.WriteLine(options.WindowsRejects ? "Windows refuses the password (--windows-rejects)." : "Windows accepts the password (the simulator plays Windows).");
            await coordinator.ReportWindowsResult(result, !options.WindowsRejects);
            if (pending && !options.WindowsRejects)
            {
                var status = coordinator.DescribeOffline(result.Upn);
                if (status != null && status.State == OfflineOutcome.Accepted)
                    output.WriteLine($"Offline sign-in data for {result.Upn} is kept (locked under the password), valid until " +
                        $"{TileText.Time(result.OfflineValidUntil ?? status.PackageValidUntil!.Value)}.");
            }
            var enrolment = result.OfflineEnrolment;
            if (enrolment != null)
            {
                output.WriteLine(enrolment.InstructionsIn(coordinator.Text));
                output.Write(HalfBlockQrCode.Render(enrolment.OtpAuthUri));
            }
            return Finish(output, result.Outcome, options.WindowsRejects ? Refused : Proceed);
        }

        private static async Task<int> SyncAsync(LogonCoordinator coordinator, Prompter prompter, TextWriter output)
        {
            output.WriteLine("Sync for offline use: type the user name and a current code.");
            var user = prompter.Ask("User name");
            var code = user == null ? null : prompter.Ask("Code");
            if (code == null) return NoAnswers(output);
            var result = await coordinator.SyncForOfflineAsync(user!, code);
            output.WriteLine(result.Message);
            return Finish(output, result.Outcome, result.Outcome == LogonOutcome.Synced ? Proceed : Refused);
        }

        private static async Task<int> OfflineEntryAsync(LogonCoordinator coordinator, Prompter prompter, TextWriter output)
        {
            output.WriteLine("This computer's offline entry: type the user name, the password and a current code.");
            var user = prompter.Ask("User name");
            var password = user == null ? null : prompter.AskSecret("Password");
            var code = password == null ? null : prompter.Ask("Code");
            if (code == null) return NoAnswers(output);
            var result = await coordinator.ShowOfflineEntryAsync(user!, password!, code);
            output.WriteLine(result.Message);
            if (result.OfflineEnrolment != null) output.Write(HalfBlockQrCode.Render(result.OfflineEnrolment.OtpAuthUri));
            return Finish(output, result.Outcome, result.Outcome == LogonOutcome.Synced ? Proceed : Refused);
        }

        private static async Task<int> CheckAsync(LogonCoordinator coordinator, TextWriter output)
        {
            var reply = await coordinator.CheckDeviceAsync();
            if (reply == null) return Finish(output, "NotConfigured", SetupError);
            if (reply.Kind != ApiReplyKind.Answered)
            {
                output.WriteLine($"The device check failed: {reply.Detail}.");
                return Finish(output, reply.Kind.ToString(), Refused);
            }
            var answer = reply.Answer!;
            output.WriteLine($"Device {answer.DeviceId} ({answer.Machine}, registered {answer.Registered}) is known to the API; this clock is " +
                $"{answer.ClockSkewSeconds.ToString(CultureInfo.InvariantCulture)} s from the server's{(Math.Abs(answer.ClockSkewSeconds) > 60 ? " (correct it: requests fail past 300 s)." : ".")}");
            return Finish(output, "Answered", Proceed);
        }

        private static string SourceName(SettingSource source) => source switch
        {
            SettingSource.GroupPolicy => $"Group Policy, {SettingNames.PolicyRegistryPath}",
            SettingSource.Local => $"local, {SettingNames.RegistryPath}",
            _ => "default",
        };

        private static int Status(LogonCoordinator coordinator, string user, TextWriter output)
        {
            var status = coordinator.DescribeOffline(user);
            if (status == null)
            {
                output.WriteLine($"Not registered, '{user}' is not a user name, or the offline data cannot be read (see events.log).");
                return Finish(output, "NotConfigured", SetupError);
            }
            if (status.State != OfflineOutcome.Accepted)
            {
                output.WriteLine($"{status.Upn}: {(status.State == OfflineOutcome.NoVault ? "no offline data on this computer." : $"offline data refused ({status.State}).")}");
                return Finish(output, status.State.ToString(), Refused);
            }
            output.WriteLine($"{status.Upn}: offline data locked under the {(status.Form == VaultForm.Password ? "password" : "device key (sync; locked under the password at the next sign-in)")}" +
                $", last online {TileText.Time(status.LastOnline!.Value)}, package valid until {TileText.Time(status.PackageValidUntil!.Value)}" +
                $", codes from {status.Entry}, failures {status.Failures} ({status.OfflineFailures} offline since the last online contact){(status.LockedUntil.HasValue ? $", locked until {TileText.Time(status.LockedUntil.Value)}" : "")}.");
            return Finish(output, "Present", Proceed);
        }

        private static int NoAnswers(TextWriter output)
        {
            output.WriteLine("No answer given.");
            return Finish(output, "NoInput", SetupError);
        }

        private static int Finish(TextWriter output, object outcome, int exitCode)
        {
            output.WriteLine($"RESULT {outcome}");
            return exitCode;
        }
    }
}
