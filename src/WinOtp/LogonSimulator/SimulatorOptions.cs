using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>The command line. Setting options are written into the simulated registry and kept for later runs.</summary>
    public sealed class SimulatorOptions
    {
        public const string Usage =
@"SecureMFA WIN OTP logon simulator: the credential provider tile's flow in a terminal.

  dotnet run --project src/WinOtp/LogonSimulator -- --api URL [--register BOOTSTRAP] [options]

State (kept between runs, in --state DIR, default .winotp-sim):
  registry.json  the simulated HKLM\Software\SecureMFA   machine.key  the simulated DPAPI machine key
  vault\         the offline vault folder                 events.log   the simulated Application log

Settings (written to the simulated registry, kept for later runs):
  --api URL                  win_api_endpoint (https://, or http:// on loopback)
  --anchor NAME              win_anchordnsname (default adatum.labnet)
  --rdp-only 0|1             win_rdponly
  --offline-days N           win_totp_offline_secret_valid_days (0 = no offline sign-in)
  --offline-failures N       win_totp_offline_ui_login_failures
  --offline-lockout-minutes N  win_totp_offline_ui_lockout_minutes
  --timeout MS               win_api_timeout
  --unenrolled-policy Deny|Allow|Grace   win_unenrolled_policy: a user the API says is not enrolled is refused with
                             where to enrol (Deny), let in on the password alone (Allow), or let in until
                             --grace-days after the API first saw the user (Grace); leave the code empty
  --grace-days N             win_unenrolled_grace_days (default 14)
  --enforce Enforce|ReportOnly   win_enforce: ReportOnly asks no code and reports what it would have done
                             (event 5560, POST /v1/rollout/report; Get-xOTP_RolloutReadiness lists it)
  --tile-label TEXT          win_tile_label: your label of the code field, shown as given in every language
  --helpdesk-text TEXT       win_helpdesk_text: a help-desk line after the enrolment hint and each refusal
  --set NAME=VALUE           any other value, e.g. --set win_verboselog=1 (a number is stored as REG_DWORD)

Who must use a code (lists are comma-separated names or SIDs, stored as REG_MULTI_SZ; '' clears one):
  --excluded-accounts LIST   win_excluded_accounts: never a code (a break-glass account)
  --excluded-groups LIST     win_excluded_groups: members never need a code
  --enforced-groups LIST     win_enforced_groups: only members need a code (exclusions still win)
  --rdponly-groups LIST      win_rdponly_groups: members need a code only remotely
  --unlock-grace-minutes N   win_unlock_grace_minutes: no code to unlock (or RDP-reconnect) a session N minutes
                             after its code-verified sign-in; never after a boot or a sleep
  --grace-excluded-groups LIST  win_grace_excluded_groups: members never get the grace
  --allowed-providers LIST   win_allowed_providers: CLSIDs of tiles the filter leaves on (smart card, Hello, FIDO)

Group Policy (HKLM\Software\Policies\SecureMFA in registry.json; wins over the value above, value by value):
  --policy NAME=VALUE        what a GPO from SecureMFA.admx writes, e.g. --policy win_rdponly=0
  --policy NAME=             removes it again (the policy back to Not Configured)
  --show-settings            print each setting's value and where it came from (Group Policy, local, default)

This run:
  --language CULTURE         the session's UI language, which picks the tile's texts: en, fr, de, es or nl
                             (fr-CA, de-AT, es-MX, nl-BE take their language; others English; default en-US)
  --register BOOTSTRAP       register this simulated computer (once; --force-register replaces it)
  --scenario logon|unlock|rdp|credui   (default rdp)     --session console|remote   (default remote)
  --sync                     sync a user for offline use: user name and code only
  --offline-entry            show this computer's offline entry again (user name, password, a current code)
  --no-phone                 the tile's ""No phone?"": with the API unreachable, show the offline help-desk challenge
                             (event 5562), then take the answer from Get-xOTP_OfflineUnlockCode as the code
  --check                    check the device with the API (GET /v1/devices/self) and the clock skew
  --status USER              show a user's offline data on this computer
  --windows-rejects          play Windows refusing the password (offline data is then not stored)
  --machine NAME             computer name sent to the API (default: this one's)
  --clock-offset SECONDS     move this computer's clock (e.g. -600)
  --account-sid SID          the SID of the account that signs in (whatever name is typed); without it the
                             account is unknown and rules that name accounts or groups ask a code
  --group-sid SID            a group in that account's logon token (repeat for each group)
  --name NAME=SID            what a name in the settings resolves to on this computer (repeat); others do not resolve
  --session-id N             the session the tile is shown in (default 1)
  --disconnected-session N   that session is disconnected: an rdp sign-in reconnects it (unlock grace)
  --reboot                   the computer booted since the last run      --sleep MINUTES  it slept that long since then

At the Code prompt: the authenticator app's code, or a recovery code from New-xOTP_RecoveryCode
(XXXX-XXXX-XXXX-XXXX; online at the API, offline from the vault, once each; event 5561).

Answers are read from standard input; when it is not a terminal (a script), one line per prompt.
The last line of a sign-in is ""RESULT <outcome>""; exit code 0 when the sign-in may go on (or the sync or
registration worked), 1 when refused, 2 for a usage or setup error.";

        public string State { get; private set; } = ".winotp-sim";
        public string? Register { get; private set; }
        public bool ForceRegister { get; private set; }
        public LogonScenario Scenario { get; private set; } = LogonScenario.Rdp;
        public SessionKind Session { get; private set; } = SessionKind.Remote;
        public bool Sync { get; private set; }
        public bool Check { get; private set; }
        public bool OfflineEntry { get; private set; }
        public bool NoPhone { get; private set; }
        public string? Status { get; private set; }
        public bool WindowsRejects { get; private set; }
        public string Machine { get; private set; } = Environment.MachineName;
        public TimeSpan ClockOffset { get; private set; }
        public bool Help { get; private set; }
        /// <summary>The session's UI language (--language); en-US by default, so runs read the same on every machine.</summary>
        public CultureInfo Language { get; private set; } = CultureInfo.GetCultureInfo("en-US");
        public string? AccountSid { get; private set; }
        public List<string> GroupSids { get; } = new List<string>();
        public Dictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public int SessionId { get; private set; } = 1;
        public int? DisconnectedSession { get; private set; }
        public bool Reboot { get; private set; }
        public int SleptMinutes { get; private set; }
        public bool ShowSettings { get; private set; }
        /// <summary>Group Policy values to write (a null value removes one).</summary>
        public List<(string Name, object? Value)> Policies { get; } = new List<(string, object?)>();
        /// <summary>Registry values to write before anything else.</summary>
        public List<(string Name, object Value)> Settings { get; } = new List<(string, object)>();

        public static SimulatorOptions Parse(string[] args)
        {
            var options = new SimulatorOptions();
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
                switch (name)
                {
                    case "--state": options.State = Value(); break;
                    case "--api": options.Settings.Add((SettingNames.ApiEndpoint, Value())); break;
                    case "--anchor": options.Settings.Add((SettingNames.AnchorDnsName, Value())); break;
                    case "--rdp-only": options.Settings.Add((SettingNames.RdpOnly, Number(name, Value()))); break;
                    case "--offline-days": options.Settings.Add((SettingNames.OfflineValidDays, Number(name, Value()))); break;
                    case "--offline-failures": options.Settings.Add((SettingNames.OfflineLoginFailures, Number(name, Value()))); break;
                    case "--offline-lockout-minutes": options.Settings.Add((SettingNames.OfflineLockoutMinutes, Number(name, Value()))); break;
                    case "--timeout": options.Settings.Add((SettingNames.ApiTimeout, Number(name, Value()))); break;
                    case "--unenrolled-policy": options.Settings.Add((SettingNames.UnenrolledPolicy, Value())); break;
                    case "--grace-days": options.Settings.Add((SettingNames.UnenrolledGraceDays, Number(name, Value()))); break;
                    case "--enforce": options.Settings.Add((SettingNames.Enforce, Value())); break;
                    case "--tile-label": options.Settings.Add((SettingNames.TileLabel, Value())); break;
                    case "--helpdesk-text": options.Settings.Add((SettingNames.HelpdeskText, Value())); break;
                    case "--language":
                        var language = Value();
                        try { options.Language = CultureInfo.GetCultureInfo(language); }
                        catch (CultureNotFoundException) { throw new ArgumentException($"--language: '{language}' is not a culture name such as fr-FR."); }
                        break;
                    case "--set":
                        var assignment = Value();
                        var equals = assignment.IndexOf('=');
                        if (equals <= 0) throw new ArgumentException($"--set needs NAME=VALUE, got '{assignment}'.");
                        var text = assignment.Substring(equals + 1);
                        options.Settings.Add((assignment.Substring(0, equals), int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (object)text));
                        break;
                    case "--excluded-accounts": options.Settings.Add((SettingNames.ExcludedAccounts, List(Value()))); break;
                    case "--excluded-groups": options.Settings.Add((SettingNames.ExcludedGroups, List(Value()))); break;
                    case "--enforced-groups": options.Settings.Add((SettingNames.EnforcedGroups, List(Value()))); break;
                    case "--rdponly-groups": options.Settings.Add((SettingNames.RdpOnlyGroups, List(Value()))); break;
                    case "--grace-excluded-groups": options.Settings.Add((SettingNames.GraceExcludedGroups, List(Value()))); break;
                    case "--allowed-providers": options.Settings.Add((SettingNames.AllowedProviders, List(Value()))); break;
                    case "--unlock-grace-minutes": options.Settings.Add((SettingNames.UnlockGraceMinutes, Number(name, Value()))); break;
                    case "--account-sid": options.AccountSid = Sid(name, Value()); break;
                    case "--group-sid": options.GroupSids.Add(Sid(name, Value())); break;
                    case "--name":
                        var mapping = Value();
                        var at = mapping.LastIndexOf('=');
                        if (at <= 0) throw new ArgumentException($"--name needs NAME=SID, got '{mapping}'.");
                        options.Names[mapping.Substring(0, at).Trim()] = Sid(name, mapping.Substring(at + 1));
                        break;
                    case "--session-id": options.SessionId = Number(name, Value()); break;
                    case "--disconnected-session": options.DisconnectedSession = Number(name, Value()); break;
                    case "--reboot": options.Reboot = true; break;
                    case "--sleep": options.SleptMinutes = Number(name, Value()); break;
                    case "--policy":
                        var policy = Value();
                        var policyEquals = policy.IndexOf('=');
                        if (policyEquals <= 0) throw new ArgumentException($"--policy needs NAME=VALUE, got '{policy}'.");
                        var policyText = policy.Substring(policyEquals + 1);
                        options.Policies.Add((policy.Substring(0, policyEquals), policyText.Length == 0 ? null
                            : int.TryParse(policyText, NumberStyles.None, CultureInfo.InvariantCulture, out var policyNumber) ? policyNumber : (object)policyText));
                        break;
                    case "--show-settings": options.ShowSettings = true; break;
                    case "--register": options.Register = Value(); break;
                    case "--force-register": options.ForceRegister = true; break;
                    case "--scenario":
                        var scenario = Value();
                        if (!LogonScenarioNames.TryParse(scenario, out var parsed)) throw new ArgumentException($"--scenario: '{scenario}' is not logon, unlock, rdp or credui.");
                        options.Scenario = parsed;
                        break;
                    case "--session":
                        var session = Value();
                        options.Session = session == "console" ? SessionKind.Console : session == "remote" ? SessionKind.Remote
                            : throw new ArgumentException($"--session: '{session}' is not console or remote.");
                        break;
                    case "--sync": options.Sync = true; break;
                    case "--offline-entry": options.OfflineEntry = true; break;
                    case "--check": options.Check = true; break;
                    case "--no-phone": options.NoPhone = true; break;
                    case "--status": options.Status = Value(); break;
                    case "--windows-rejects": options.WindowsRejects = true; break;
                    case "--machine": options.Machine = Value(); break;
                    case "--clock-offset":
                        var offset = Value();
                        if (!int.TryParse(offset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)) throw new ArgumentException($"--clock-offset: '{offset}' is not a number of seconds.");
                        options.ClockOffset = TimeSpan.FromSeconds(seconds);
                        break;
                    case "--help":
                    case "-h": options.Help = true; break;
                    default: throw new ArgumentException($"Unknown argument '{name}'; try --help.");
                }
            }
            return options;
        }

        private static string[] List(string text) => text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();

        private static string Sid(string name, string text) => Sids.Normalize(text) ?? throw new ArgumentException($"{name}: '{text}' is not a SID (S-1-5-21-…).");

        private static int Number(string name, string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name}: '{text}' is not a whole number.");
    }
}
