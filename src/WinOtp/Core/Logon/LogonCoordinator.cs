using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;
using SecureMFA.Otp.Totp;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Users;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// The one entry point of a credential provider tile:
    /// <list type="number">
    /// <item><see cref="IsCodeRequired"/> when the tile is shown (does this scenario and session ask a code?);</item>
    /// <item><see cref="SignInAsync"/> when the user submits (online through the WEB API, offline from the vault
    /// when the API cannot be reached); the credentials go to Windows only if <see cref="LogonResult.MayProceed"/>;</item>
    /// <item><see cref="ReportWindowsResult"/> with Windows' verdict on the password (ReportResult), which locks
    /// the offline data that waited for it under the password, in the background (an online accept has already armed
    /// it in the device wrap);</item>
    /// <item><see cref="SyncForOfflineAsync"/> for the tile's "sync for offline use" (user name and code).</item>
    /// </list>
    /// No method throws: every failure becomes a result that does not let anyone in, and an event.
    /// Settings are read once, when the coordinator is made: make one per logon screen.
    /// </summary>
    public sealed partial class LogonCoordinator
    {
        private readonly WinOtpPlatform _platform;
        private readonly IWinOtpEventLog _events;
        private readonly OfflineVault _vault;
        private readonly DeviceStore _devices;
        private readonly SessionGraceStore _grace;
        private CodeRules? _rules;

        public LogonCoordinator(WinOtpPlatform platform)
        {
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            SettingsReadResult read;
            try { read = SettingsReader.Read(platform.Registry); }
            catch (Exception e) { read = new SettingsReadResult(null, false, new[] { $"the settings cannot be read: {e.GetType().Name}" }, new string[0]); }
            Settings = read;
            _events = new GuardedEventLog(platform.Events, read.Settings?.VerboseLog ?? false);
            _vault = new OfflineVault(platform.VaultFiles, platform.Registry, platform.Protection, platform.Clock, platform.PasswordIterations, platform.VaultLockWait);
            _devices = new DeviceStore(platform.Registry, platform.Protection);
            _grace = new SessionGraceStore(platform.Registry);
            Text = UiTextOf(platform);

            if (read.IsValid)
                _events.Write(WinOtpEventId.ConfigurationOk, WinOtpEventLevel.Verbose, $"Settings read: api_endpoint={read.Settings!.ApiEndpoint} rdponly={read.RdpOnly} offline_days={read.Settings.OfflineValidDays} enforce={read.Settings.Enforce} unenrolled_policy={read.Settings.UnenrolledPolicy}; {read.DescribeSources()}.");
            else
                _events.Write(WinOtpEventId.ConfigurationFailed, WinOtpEventLevel.Error, $"SecureMFA WIN OTP settings under {SettingNames.RegistryPath} (and Group Policy's {SettingNames.PolicyRegistryPath}) are not valid: {string.Join(" ", read.Errors)}");
            foreach (var warning in read.Warnings) _events.Write(WinOtpEventId.ConfigurationFailed, WinOtpEventLevel.Warning, warning);
        }

        public SettingsReadResult Settings { get; }

        /// <summary>The tile's texts in the session's UI language (<see cref="WinOtpPlatform.UiLanguage"/>), chosen once per logon screen.</summary>
        public TileText Text { get; }

        /// <summary>A failing language lookup is English, never a failure of the tile.</summary>
        private static TileText UiTextOf(WinOtpPlatform platform)
        {
            try { return TileText.For(platform.UiLanguage()); }
            catch (Exception) { return TileText.English; }
        }

        /// <summary>
        /// For this computer's current session, before anyone is known (the filter and the tile ask this): could a code be
        /// required here? Only win_rdponly decides; the per-account rules (<see cref="Decide"/>) can only take a code away
        /// where this asks one. A failing session check counts as remote.
        /// </summary>
        public bool IsCodeRequired(LogonScenario scenario) => CodeRequirement.IsRequired(scenario, CurrentSession(), Settings.RdpOnly);

        /// <summary>
        /// Must <paramref name="userName"/> use a code for <paramref name="scenario"/> here, now? <see cref="CodeDecision.Decide"/>
        /// over the account's SID and token groups (<see cref="WinOtpPlatform.Accounts"/>), the rules, and the unlock grace's
        /// facts. Never throws: a failing lookup leaves the account unknown, and then a code is required wherever a rule needs it.
        /// </summary>
        public CodeVerdict Decide(LogonScenario scenario, string userName) => Decide(scenario, userName, out _, out _);

        private CodeVerdict Decide(LogonScenario scenario, string userName, out Platform.AccountFacts? account, out SessionMoment? now)
        {
            account = null;
            now = null;
            var session = CurrentSession();
            var rules = Rules();
            if (!CodeRequirement.IsRequired(scenario, session, rules.RdpOnly)) return CodeDecision.Decide(scenario, session, null, rules, null);
            if (rules.NeedAccount)
            {
                try { account = _platform.Accounts.Lookup(userName); }
                catch (Exception e)
                {
                    _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The SID and groups of {userName} could not be read ({e.GetType().Name}: {e.Message}); a code is required.");
                }
            }
            GraceFacts? grace = null;
            if (account != null && _platform.Instance is Platform.ISessionInstance instance)
            {
                try
                {
                    now = new SessionMoment(account.AccountSid, instance.SessionId, _platform.Clock.UtcNow, instance.SinceBoot, instance.AwakeSinceBoot);
                    if (rules.UnlockGraceMinutes > 0 && (scenario == LogonScenario.Unlock || scenario == LogonScenario.Rdp))
                    {
                        var last = _grace.Last(account.AccountSid, out var problem);
                        if (problem != null) _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, problem);
                        grace = new GraceFacts(last, now, last != null && scenario == LogonScenario.Rdp && instance.IsDisconnected(last.SessionId));
                    }
                }
                catch (Exception e)
                {
                    now = null;
                    _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The session facts for the unlock grace could not be read ({e.GetType().Name}: {e.Message}); no grace.");
                }
            }
            return CodeDecision.Decide(scenario, session, account, rules, grace);
        }

        /// <summary>The rules as SIDs, resolved at the first sign-in of this screen (the filter never needs them); names that do not resolve are warnings (5551).</summary>
        private CodeRules Rules()
        {
            if (_rules != null) return _rules;
            var settings = Settings.Settings;
            if (settings == null) return _rules = CodeRules.Everyone(Settings.RdpOnly);
            var warnings = new System.Collections.Generic.List<string>();
            _rules = CodeRules.Resolve(settings, _platform.Accounts, warnings);
            foreach (var warning in warnings) _events.Write(WinOtpEventId.ConfigurationFailed, WinOtpEventLevel.Warning, warning);
            return _rules;
        }

        private Platform.SessionKind CurrentSession()
        {
            try { return _platform.Session.Current; }
            catch (Exception) { return Platform.SessionKind.Unknown; }
        }

        public async Task<LogonResult> SignInAsync(LogonRequest request)
        {
            try
            {
                if (Settings.Settings?.Enforce == Enforcement.ReportOnly) return await ReportOnlyAsync(request).ConfigureAwait(false);
                var verdict = Decide(request.Scenario, request.UserName, out var account, out var now);
                if (!verdict.Required)
                {
                    _events.Write(WinOtpEventId.CodeNotRequired, WinOtpEventLevel.Information, $"No code asked of {(request.UserName.Length > 0 ? request.UserName : "(no name)")}" +
                        $"{(account != null ? $" ({account.AccountSid})" : "")} for {request.Scenario.WireName()} on {_platform.MachineName}: {verdict.Setting}{(verdict.Detail.Length > 0 ? $" ({verdict.Detail})" : "")}.");
                    return new LogonResult(LogonOutcome.NotRequired, "") { CodeVerdict = verdict };
                }
                var result = await CheckCodeAsync(request).ConfigureAwait(false);
                result.CodeVerdict = verdict;
                // A code-verified sign-in of this session starts the unlock grace once Windows accepts the password
                // (ReportWindowsResult); CredUI is not a sign-in of the session, and a grace unlock never gets here.
                if ((result.Outcome == LogonOutcome.Accepted || result.Outcome == LogonOutcome.AcceptedOffline) && request.Scenario != LogonScenario.CredUI && Rules().UnlockGraceMinutes > 0)
                    result.GraceToRecord = now;
                return result;
            }
            catch (Exception e) { return Unexpected("sign-in", e); }
        }

        private async Task<LogonResult> CheckCodeAsync(LogonRequest request)
        {
            var prepared = Prepare(request.UserName, request.Code, out var failure, UnenrolledMayGoWithoutCode);
            if (prepared == null) return failure!;
            var (settings, upn, code, device) = prepared.Value;
            var policy = PolicyOf(settings);
            var kind = SecondFactorOf(code);
            // A help-desk answer belongs to the challenge this vault showed offline: the API knows nothing of it.
            if (kind == SecondFactor.UnlockAnswer) return Offline(request, upn, device, policy, kind);

            ApiReply<VerifyAnswer> reply;
            using (var client = Client(settings))
            {
                // Recovery codes used here offline are reported first, so the server burns them before anything else.
                var report = await ReportRecoveryCodesAsync(client, device, upn).ConfigureAwait(false);
                if (report != null && report.Kind == ApiReplyKind.Unreachable)
                {
                    _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The SecureMFA WEB API could not be used for {upn} ({report.Failure}: {report.Detail}){SkewNote(report.ServerTime)}; trying offline sign-in.");
                    return Offline(request, upn, device, policy, kind);
                }
                reply = await client.VerifyAsync(device, new VerifyRequest(upn, code, request.Scenario, _platform.MachineName)
                {
                    Offline = settings.OfflineValidDays > 0,
                    OfflineDays = settings.OfflineValidDays,
                }).ConfigureAwait(false);
            }

            switch (reply.Kind)
            {
                case ApiReplyKind.Answered: return Online(reply.Answer!, request, upn, device, settings, policy);
                case ApiReplyKind.Refused: return Refused(reply, upn, device);
                default:
                    _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The SecureMFA WEB API could not be used for {upn} ({reply.Failure}: {reply.Detail}){SkewNote(reply.ServerTime)}; trying offline sign-in.");
                    return Offline(request, upn, device, policy, kind);
            }
        }

        /// <summary>
        /// The longest LogonUI's thread can wait in <see cref="SignInAsync"/>, but for one key derivation (PBKDF2 of an
        /// offline check, see docs/win-otp.md): the WEB API call's whole timeout (at most
        /// <see cref="WinOtpSettings.MaxApiTimeoutMs"/>), then, offline, the wait for another session's hold on the vault.
        /// </summary>
        public TimeSpan LongestWait => TimeSpan.FromMilliseconds(Settings.Settings?.ApiTimeoutMs ?? 0) + _platform.VaultLockWait;

        /// <summary>
        /// Windows' verdict on the password of a sign-in this coordinator let through. Locks the offline data that
        /// waited for it under that password when accepted; forgets it otherwise. Safe to call once per result.
        /// The locking (PBKDF2, 600,000 iterations) runs on <see cref="WinOtpPlatform.Background"/>, not on LogonUI's
        /// thread: the desktop does not wait for it. It may never finish (LogonUI can end first): nothing is lost,
        /// since an online accept already armed offline sign-in in the device wrap (<see cref="ArmWithoutWindows"/>).
        /// The task completes when the data is stored (or could not be); it never faults.
        /// </summary>
        public Task ReportWindowsResult(LogonResult result, bool windowsAccepted)
        {
            RecordGrace(result, windowsAccepted);
            var pending = result?.Pending;
            if (pending == null) return CompletedTask;
            result!.Pending = null;
            if (!windowsAccepted)
            {
                pending.Forget();
                return CompletedTask;
            }
            // Both factors are proven now (the API accepted the code, Windows the password): the one moment the offline
            // secret may be shown, to the user who just signed in. Set before the background work, which clears the secret.
            if (pending.Package != null && pending.EntryIsNew)
                result.OfflineEnrolment = OfflineEnrolment.For(pending.Entry, pending.Upn, pending.Secret, pending.Package.Alg, pending.Package.Digits, pending.Package.Period);
            try { return _platform.Background(() => LockUnderPassword(pending)); }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline sign-in data for {pending.Upn} could not be stored: {e.GetType().Name}: {e.Message}");
                pending.Forget();
                return CompletedTask;
            }
        }

        private static readonly Task CompletedTask = Task.FromResult(0);

        /// <summary>Once per result: a code-verified sign-in Windows accepted starts the account's unlock grace in this session.</summary>
        private void RecordGrace(LogonResult? result, bool windowsAccepted)
        {
            var signIn = result?.GraceToRecord;
            if (signIn == null) return;
            result!.GraceToRecord = null;
            if (!windowsAccepted) return;
            var problem = _grace.Record(signIn);
            if (problem != null)
                _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The code-verified sign-in of {signIn.AccountSid} in session {signIn.SessionId} was not recorded for the unlock grace ({problem}); its next unlock asks a code.");
        }

        private void LockUnderPassword(PendingVaultWrite pending)
        {
            try
            {
                if (pending.Package != null)
                {
                    _vault.StoreForPassword(pending.Upn, pending.Device, pending.Package, pending.Secret, pending.LastOnline, pending.Password, pending.Entry);
                    _events.Write(WinOtpEventId.OfflineStored, WinOtpEventLevel.Information, $"Offline sign-in stored for {pending.Upn} until {Stamp(pending.Package.ValidUntil)} (package limit)" +
                        $"{(pending.EntryIsNew ? $"; the entry {pending.Entry} is offered to the user." : ".")}");
                }
                else if (_vault.BindToPassword(pending.Upn, pending.Device, pending.Secret, pending.Password))
                {
                    _events.Write(WinOtpEventId.OfflineStored, WinOtpEventLevel.Information, $"Offline sign-in data of {pending.Upn} is now locked under the user's password.");
                }
            }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline sign-in data for {pending.Upn} could not be stored: {e.GetType().Name}: {e.Message}");
            }
            finally { pending.Forget(); }
        }

        /// <summary>
        /// Offline sign-in must not hang on ReportResult: LogonUI does not report every logon (CredUI), and may end before
        /// the background lock is done. So an online accept with a package arms the vault at once in the API's device
        /// wrap (as a sync does; no password, so Windows' verdict is not needed), unless the user's vault is already
        /// locked under the password and still valid (not weakened to the device wrap). Once Windows accepts the password
        /// the package is locked under it; otherwise the next offline sign-in that Windows accepts re-locks it.
        /// Best effort: the online accept stands whatever happens here.
        /// </summary>
        private void ArmWithoutWindows(string upn, DeviceCredentials device, VerifyAnswer answer, OfflinePolicy policy, byte[] secret, bool entryIsNew)
        {
            try
            {
                var status = _vault.Describe(upn, device);
                var now = Platform.UnixTime.Seconds(_platform.Clock.UtcNow);
                if (status.State == OfflineOutcome.Accepted && status.Form == VaultForm.Password && status.PackageValidUntil.HasValue && status.LastOnline.HasValue &&
                    policy.ValidUntil(Platform.UnixTime.Seconds(status.PackageValidUntil.Value), Platform.UnixTime.Seconds(status.LastOnline.Value)) > now) return;
                // Not shown yet unless the user already has this entry: without Windows' verdict the entry is not offered.
                _vault.StoreForDevice(upn, device, answer.Offline!, answer.ServerTime, EntryFor(answer.Offline!), entryIsNew ? OfflineEnrolment.NotShown : OfflineEnrolment.CheckOf(secret));
                _events.Write(WinOtpEventId.OfflineStored, WinOtpEventLevel.Information, $"Offline sign-in stored for {upn} until {Stamp(answer.Offline!.ValidUntil)} in the device wrap, until Windows accepts the password.");
            }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Warning, $"Offline sign-in data for {upn} was not armed after the online sign-in: {e.GetType().Name}: {e.Message}");
            }
        }

        /// <summary>The tile's "sync for offline use": user name and a valid code, no password, as the original product.</summary>
        public async Task<LogonResult> SyncForOfflineAsync(string userName, string code)
        {
            try
            {
                var fetched = await FetchOfflinePackageAsync(userName, code, "offline sync", Text.SyncNeedsNetwork).ConfigureAwait(false);
                if (fetched.Failure != null) return fetched.Failure;
                var (upn, device, offline) = (fetched.Upn, fetched.Device!, fetched.Answer!.Offline!);
                // No password was typed, so only one factor is proven: the entry is not shown here but at the user's next
                // online sign-in that Windows accepts (its package carries the same offline secret).
                var check = _vault.IsNewEntry(upn, device, fetched.Secret!) ? OfflineEnrolment.NotShown : OfflineEnrolment.CheckOf(fetched.Secret!);
                Array.Clear(fetched.Secret!, 0, fetched.Secret!.Length);
                _vault.StoreForDevice(upn, device, offline, fetched.Answer.ServerTime, EntryFor(offline), check);
                var until = UnixTime(fetched.Policy!.ValidUntil(offline.ValidUntil, fetched.Answer.ServerTime));
                _events.Write(WinOtpEventId.OfflineStored, WinOtpEventLevel.Information, $"Offline sign-in synced for {upn} until {TileText.Time(until)}.");
                return new LogonResult(LogonOutcome.Synced, Text.Synced(upn, until), upn) { OfflineValidUntil = until };
            }
            catch (Exception e) { return Unexpected("offline sync", e); }
        }

        /// <summary>
        /// "Show this computer's offline entry" (a tile's link, the simulator's --offline-entry): the entry again, for a new
        /// phone or one that lost it, to a user who proves both factors without signing in: a code the API accepts now and
        /// the password the vault is locked under (one Windows accepted). So it needs one online sign-in here first. The
        /// accepted code's package is stored too, as a sign-in would. Outcome Synced with <see cref="LogonResult.OfflineEnrolment"/>.
        /// </summary>
        public async Task<LogonResult> ShowOfflineEntryAsync(string userName, string password, string code)
        {
            try
            {
                var fetched = await FetchOfflinePackageAsync(userName, code, "offline entry", Text.EntryNeedsNetwork).ConfigureAwait(false);
                if (fetched.Failure != null) return fetched.Failure;
                var (upn, device, offline, secret) = (fetched.Upn, fetched.Device!, fetched.Answer!.Offline!, fetched.Secret!);
                try
                {
                    if (!_vault.IsLockedUnder(upn, device, password))
                    {
                        _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"Offline entry of {upn} not shown: no offline data here locked under the typed password.");
                        return new LogonResult(LogonOutcome.Rejected, Text.EntryNeedsPassword, upn);
                    }
                    var entry = EntryFor(offline);
                    _vault.StoreForPassword(upn, device, offline, secret, fetched.Answer.ServerTime, password, entry);
                    var enrolment = OfflineEnrolment.For(entry, upn, secret, offline.Alg, offline.Digits, offline.Period);
                    _events.Write(WinOtpEventId.OfflineStored, WinOtpEventLevel.Information, $"Offline entry {entry} shown to {upn}; offline sign-in stored.");
                    return new LogonResult(LogonOutcome.Synced, enrolment.InstructionsIn(Text), upn)
                    {
                        OfflineEnrolment = enrolment,
                        OfflineValidUntil = UnixTime(fetched.Policy!.ValidUntil(offline.ValidUntil, fetched.Answer.ServerTime)),
                    };
                }
                finally { Array.Clear(secret, 0, secret.Length); }
            }
            catch (Exception e) { return Unexpected("offline entry", e); }
        }

        /// <summary>What a sync and the offline entry both start with: the typed code checked online with an offline package asked for, and that package opened.</summary>
        private sealed class FetchedPackage
        {
            public LogonResult? Failure { get; set; }
            public string Upn { get; set; } = "";
            public DeviceCredentials? Device { get; set; }
            public VerifyAnswer? Answer { get; set; }
            public OfflinePolicy? Policy { get; set; }
            /// <summary>The opened offline secret; the caller clears it.</summary>
            public byte[]? Secret { get; set; }
        }

        private async Task<FetchedPackage> FetchOfflinePackageAsync(string userName, string code, string purpose, string unreachableText)
        {
            var prepared = Prepare(userName, code, out var failure);
            if (prepared == null) return new FetchedPackage { Failure = failure! };
            var (settings, upn, digits, device) = prepared.Value;
            // Only an authenticator code brings a package: a recovery code would be spent for nothing.
            if (SecondFactorOf(digits) != SecondFactor.Totp) return new FetchedPackage { Failure = new LogonResult(LogonOutcome.InvalidInput, Text.OnlyTotpForSync, upn) };
            if (settings.OfflineValidDays <= 0) return new FetchedPackage { Failure = new LogonResult(LogonOutcome.NotConfigured, Text.SyncOff, upn) };

            ApiReply<VerifyAnswer> reply;
            using (var client = Client(settings))
            {
                // As at a sign-in: recovery codes used here offline are reported first (a failed report is tried next time).
                await ReportRecoveryCodesAsync(client, device, upn).ConfigureAwait(false);
                reply = await client.VerifyAsync(device, new VerifyRequest(upn, digits, LogonScenario.Logon, _platform.MachineName)
                {
                    Offline = true,
                    OfflineDays = settings.OfflineValidDays,
                }).ConfigureAwait(false);
            }
            if (reply.Kind == ApiReplyKind.Refused) return new FetchedPackage { Failure = Refused(reply, upn, device) };
            if (reply.Kind == ApiReplyKind.Unreachable)
            {
                _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The {purpose} for {upn}: the SecureMFA WEB API could not be used ({reply.Failure}: {reply.Detail}){SkewNote(reply.ServerTime)}.");
                return new FetchedPackage { Failure = new LogonResult(LogonOutcome.Unavailable, unreachableText, upn) };
            }
            var answer = reply.Answer!;
            var policy = PolicyOf(settings);
            if (answer.Result != VerifyResult.Accept) return new FetchedPackage { Failure = OnlineRefusal(answer, upn, device, policy, purpose) };

            _events.Write(WinOtpEventId.OtpOk, WinOtpEventLevel.Information, $"OTP ok for {upn} ({purpose}, online check) on {_platform.MachineName}.");
            if (answer.Offline == null)
            {
                RemoveOfflineData(upn, "the API does not allow offline sign-in for this account");
                return new FetchedPackage { Failure = new LogonResult(LogonOutcome.Unavailable, Text.SyncNotAllowed, upn) };
            }
            var secret = OfflineVault.OpenPackage(answer.Offline, upn, device, answer.ServerTime, out var problem);
            if (secret == null)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline package for {upn} refused: {problem}.");
                return new FetchedPackage { Failure = new LogonResult(LogonOutcome.Failed, Text.Failed, upn) };
            }
            return new FetchedPackage { Upn = upn, Device = device, Answer = answer, Policy = policy, Secret = secret };
        }

        /// <summary>GET /v1/devices/self: is the API reachable, does it know this device, how far apart are the clocks.</summary>
        public async Task<ApiReply<DeviceSelfAnswer>?> CheckDeviceAsync()
        {
            try
            {
                var settings = Settings.Settings;
                var device = _devices.Load(out var problem);
                if (settings == null || device == null)
                {
                    _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device check: {(problem ?? "the settings are not valid")}.");
                    return null;
                }
                using (var client = Client(settings))
                {
                    var reply = await client.GetSelfAsync(device).ConfigureAwait(false);
                    if (reply.Kind == ApiReplyKind.Answered)
                        _events.Write(WinOtpEventId.ProviderOk, reply.Answer!.ClockSkewSeconds > 60 || reply.Answer.ClockSkewSeconds < -60 ? WinOtpEventLevel.Warning : WinOtpEventLevel.Information,
                            $"Device {device.DeviceId} checked with the SecureMFA WEB API; this clock is {reply.Answer.ClockSkewSeconds.ToString(CultureInfo.InvariantCulture)} s from the server's.");
                    else if (reply.Kind == ApiReplyKind.Refused && reply.ErrorCode == ApiWords.Errors.DeviceRevoked && reply.StatusCode == 403)
                        Revoke(device);
                    else
                        _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device check failed: {reply.Detail}{SkewNote(reply.ServerTime)}.");
                    return reply;
                }
            }
            catch (Exception e)
            {
                Unexpected("device check", e);
                return null;
            }
        }

        /// <summary>
        /// Offline data of one user on this computer, for status displays; null when the settings are not valid, the
        /// name is not a user name, the device is not registered, or the data cannot be read (an event says why).
        /// </summary>
        public VaultStatus? DescribeOffline(string userName)
        {
            try
            {
                var settings = Settings.Settings;
                if (settings == null || !UpnResolver.TryResolve(userName, settings.AnchorDnsName, out var upn, out _)) return null;
                var device = _devices.Load(out _);
                return device == null ? null : _vault.Describe(upn, device);
            }
            catch (Exception e)
            {
                Unexpected("offline status", e);
                return null;
            }
        }

        /// <param name="emptyCodeAllowed">A blank code is sent as "" (the API answers not_enrolled, or an uncounted malformed).</param>
        private (WinOtpSettings Settings, string Upn, string Code, DeviceCredentials Device)? Prepare(string userName, string code, out LogonResult? failure, bool emptyCodeAllowed = false)
        {
            var user = PrepareUser(userName, out failure);
            if (user == null) return null;
            var (settings, upn, device) = user.Value;
            var digits = TypedCode.Normalize(code) ?? RecoveryCodeText.Normalize(code) ?? OfflineUnlock.Normalize(code);
            if (digits == null && emptyCodeAllowed && string.IsNullOrWhiteSpace(code)) digits = "";
            if (digits == null)
            {
                failure = new LogonResult(LogonOutcome.InvalidInput, Text.TypeCode, upn);
                return null;
            }
            return (settings, upn, digits, device);
        }

        private (WinOtpSettings Settings, string Upn, DeviceCredentials Device)? PrepareUser(string userName, out LogonResult? failure)
        {
            failure = null;
            var settings = Settings.Settings;
            if (settings == null)
            {
                failure = new LogonResult(LogonOutcome.NotConfigured, Text.NotConfigured);
                return null;
            }
            if (!UpnResolver.TryMap(userName, settings.AnchorDnsName, out var candidate, out var nameError))
            {
                failure = new LogonResult(LogonOutcome.InvalidInput, Text.NameRefused(userName, nameError));
                return null;
            }
            if (!Upn.TryNormalize(candidate, out var upn, out var upnProblem))
            {
                // The API would answer invalid_upn: the tile says what it would say, without sending the name.
                _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"Sign-in of {candidate} refused on this computer without asking the WEB API, which accepts no such UPN: {upnProblem}");
                failure = new LogonResult(LogonOutcome.InvalidInput, Text.InvalidUserName);
                return null;
            }
            var device = _devices.Load(out var problem);
            if (device == null)
            {
                _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Sign-in of {upn} refused: {problem}");
                failure = _devices.IsRevoked ? new LogonResult(LogonOutcome.Revoked, Text.Revoked, upn) : new LogonResult(LogonOutcome.NotConfigured, Text.NotRegistered, upn);
                return null;
            }
            return (settings, upn, device);
        }

        private LogonResult Online(VerifyAnswer answer, LogonRequest request, string upn, DeviceCredentials device, WinOtpSettings settings, OfflinePolicy policy)
        {
            if (answer.Result != VerifyResult.Accept) return OnlineRefusal(answer, upn, device, policy, request.Scenario.WireName(), signingIn: true);
            if (answer.RecoveryCode)
            {
                // No package comes with a recovery code; the offline data stays as it is (its copy of this code goes at the next sync).
                _events.Write(WinOtpEventId.RecoveryCodeUsed, WinOtpEventLevel.Warning, $"Recovery code accepted for {upn} ({request.Scenario.WireName()}, online) on {_platform.MachineName}" +
                    $"{(answer.RecoveryCodesLeft.HasValue ? $"; {answer.RecoveryCodesLeft.Value.ToString(CultureInfo.InvariantCulture)} left" : "")}.");
                return new LogonResult(LogonOutcome.Accepted, Text.RecoveryAccepted(answer.RecoveryCodesLeft), upn) { RecoveryCodesLeft = answer.RecoveryCodesLeft };
            }

            _events.Write(WinOtpEventId.OtpOk, WinOtpEventLevel.Information, $"OTP ok for {upn} ({request.Scenario.WireName()}, online) on {_platform.MachineName}.");
            var result = new LogonResult(LogonOutcome.Accepted, "", upn);
            // The API's accept is the answer. What follows only keeps the offline data in step with it: nothing in it
            // may turn the accept into a refusal, so its failures become events and the sign-in goes on.
            try
            {
                if (settings.OfflineValidDays <= 0 || answer.Offline == null)
                {
                    // Offline off here, or the API no longer allows it for this user: old offline data must not outlive that.
                    RemoveOfflineData(upn, settings.OfflineValidDays <= 0 ? "offline sign-in is off on this computer" : "the API no longer allows offline sign-in for this account");
                    return result;
                }
                var validUntil = UnixTime(policy.ValidUntil(answer.Offline.ValidUntil, answer.ServerTime));
                var secret = OfflineVault.OpenPackage(answer.Offline, upn, device, answer.ServerTime, out var problem);
                if (secret == null)
                {
                    _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline package for {upn} refused: {problem}. The sign-in goes on online only.");
                    return result;
                }
                // Judged now, before anything is stored: whatever stores the package later (here after Windows' verdict)
                // must not hide that the user has yet to add this entry.
                result.Pending = new PendingVaultWrite(upn, device, secret, request.Password, answer.Offline, answer.ServerTime)
                {
                    Entry = EntryFor(answer.Offline),
                    EntryIsNew = _vault.IsNewEntry(upn, device, secret),
                };
                result.OfflineValidUntil = validUntil;
                ArmWithoutWindows(upn, device, answer, policy, secret, result.Pending.EntryIsNew);
            }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline data for {upn} not prepared after the online sign-in: {e.GetType().Name}: {e.Message}. The sign-in goes on online only.");
            }
            return result;
        }

        /// <param name="signingIn">A sign-in (win_unenrolled_policy applies), not a sync or the offline entry.</param>
        private LogonResult OnlineRefusal(VerifyAnswer answer, string upn, DeviceCredentials device, OfflinePolicy policy, string context, bool signingIn = false)
        {
            if (answer.Result == VerifyResult.NotEnrolled && signingIn) return Unenrolled(answer, upn, context);
            _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"OTP failed for {upn} ({context}, online): {answer.Result}" +
                $"{(answer.Reason != null ? $", {answer.Reason}" : "")}{(answer.AttemptsLeft.HasValue ? $", attempts left {answer.AttemptsLeft.Value}" : "")}.");
            switch (answer.Result)
            {
                case VerifyResult.Reject:
                    // Not the user's number of digits: the API does not count it as an attempt, so neither does the vault.
                    if (answer.Reason == ApiWords.Reasons.Malformed) return new LogonResult(LogonOutcome.InvalidInput, Text.TypeCode, upn);
                    CopyRefusalOffline(upn, device, true, null, policy);
                    return new LogonResult(LogonOutcome.Rejected, Text.Rejected(answer.AttemptsLeft, answer.Reason == ApiWords.Reasons.ClockDrift ? answer.DriftSeconds : null), upn) { AttemptsLeft = answer.AttemptsLeft };
                case VerifyResult.Replay:
                    return new LogonResult(LogonOutcome.Replay, Text.Replay, upn);
                case VerifyResult.Locked:
                    CopyRefusalOffline(upn, device, false, answer.LockedUntil, policy);
                    return new LogonResult(LogonOutcome.Locked, Text.Locked(answer.LockedUntil), upn) { LockedUntil = answer.LockedUntil };
                case VerifyResult.Disabled:
                    RemoveOfflineData(upn, "the API says the account is disabled");
                    return new LogonResult(LogonOutcome.Disabled, Text.Disabled, upn);
                default:
                    RemoveOfflineData(upn, "the API has no OTP account by this name");
                    return new LogonResult(LogonOutcome.NotEnrolled, Text.NotEnrolled(upn), upn);
            }
        }

        /// <summary>
        /// Deletes a user's offline data after an online answer that says it must go. Never throws: the online answer
        /// stands whatever happens to the vault; a vault that cannot be removed is reported (5555) and removal is tried
        /// again at the next such answer.
        /// </summary>
        private void RemoveOfflineData(string upn, string why)
        {
            try { _vault.Remove(upn); }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Error, $"Offline data of {upn} could not be removed ({why}): " +
                    $"{e.GetType().Name}: {e.Message}. It is tried again at the next online sign-in.");
            }
        }

        /// <summary>An online refusal copied into the vault (best effort, never throws; an event when it could not be).</summary>
        private void CopyRefusalOffline(string upn, DeviceCredentials device, bool countFailure, DateTime? lockedUntil, OfflinePolicy policy)
        {
            string? why = null;
            try
            {
                if (!_vault.RecordOnlineRefusal(upn, device, countFailure, lockedUntil, policy)) why = "the offline data is busy, refused, or not writable";
            }
            catch (Exception e) { why = $"{e.GetType().Name}: {e.Message}"; }
            if (why != null)
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Warning, $"The online {(countFailure ? "failure" : "lock")} of {upn} was not copied into its offline data ({why}).");
        }

        private LogonResult Refused(ApiReply<VerifyAnswer> reply, string upn, DeviceCredentials device)
        {
            _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Warning, $"The SecureMFA WEB API refused the request for {upn}: {reply.Detail}.");
            switch (reply.ErrorCode)
            {
                case ApiWords.Errors.DeviceRevoked:
                    if (reply.StatusCode != 403) goto default;
                    Revoke(device);
                    return new LogonResult(LogonOutcome.Revoked, Text.Revoked, upn);
                case ApiWords.Errors.RateLimited: return new LogonResult(LogonOutcome.Unavailable, Text.RateLimited, upn);
                case ApiWords.Errors.InvalidUpn: return new LogonResult(LogonOutcome.InvalidInput, Text.InvalidUserName, upn);
                default: return new LogonResult(LogonOutcome.Failed, Text.Failed, upn);
            }
        }

        /// <summary>
        /// The API said, in an answer whose signature with this device's key verified, that the device is revoked. The
        /// mark goes first, so offline sign-in is refused even if a vault cannot be deleted; then every vault goes.
        /// </summary>
        private void Revoke(DeviceCredentials device)
        {
            try { _devices.MarkRevoked(device); }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device {device.DeviceId} was revoked at the SecureMFA WEB API, but that could not be recorded: {e.GetType().Name}: {e.Message}.");
            }
            string removed;
            try { removed = $"{_vault.RemoveAll().ToString(CultureInfo.InvariantCulture)} offline vault(s) deleted"; }
            catch (Exception e) { removed = $"not every offline vault could be deleted ({e.GetType().Name}: {e.Message}; offline sign-in is refused anyway)"; }
            _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"The SecureMFA WEB API answered that device {device.DeviceId}" +
                $" (this computer) was revoked by an administrator: {removed}; no code is checked here, online or offline, until the computer is registered again.");
        }

        /// <summary>What the tile's code field held: told apart by form alone (6 or 8 digits, 16 or 10 letters and digits).</summary>
        private enum SecondFactor { Totp, RecoveryCode, UnlockAnswer }

        private static SecondFactor SecondFactorOf(string normalized) =>
            normalized.Length == RecoveryCodeText.Length ? SecondFactor.RecoveryCode
            : normalized.Length == OfflineUnlock.Length ? SecondFactor.UnlockAnswer
            : SecondFactor.Totp;

        private static string WrongWhat(SecondFactor kind) =>
            kind == SecondFactor.RecoveryCode ? "a wrong or used recovery code" : kind == SecondFactor.UnlockAnswer ? "a wrong help-desk unlock code" : "wrong code";

        /// <summary>
        /// Reports the recovery codes this computer accepted offline for the user, so the server burns them; null when
        /// there were none to report. Reported codes leave the vault once the server processed them (burnt now, or
        /// already used or replaced there); kept when the account is locked at the server, to report again.
        /// </summary>
        private async Task<ApiReply<RecoveryUsedAnswer>?> ReportRecoveryCodesAsync(WebApiClient client, DeviceCredentials device, string upn)
        {
            IReadOnlyList<string> pending;
            try { pending = _vault.UnreportedRecoveryCodes(upn, device); }
            catch (Exception e)
            {
                _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Warning, $"Recovery codes used offline by {upn} could not be read to report them: {e.GetType().Name}: {e.Message}.");
                return null;
            }
            if (pending.Count == 0) return null;
            var reply = await client.ReportRecoveryUsedAsync(device, upn, _platform.MachineName, pending).ConfigureAwait(false);
            if (reply.Kind != ApiReplyKind.Answered) return reply;
            var answer = reply.Answer!;
            if (answer.Result == VerifyResult.Locked)
            {
                _events.Write(WinOtpEventId.RecoveryCodeUsed, WinOtpEventLevel.Warning, $"{pending.Count} recovery code(s) used offline by {upn} on {_platform.MachineName} were not burnt at the SecureMFA WEB API: the account is locked there. They are reported again at the next online contact.");
                return reply;
            }
            bool forgotten;
            try { forgotten = _vault.ForgetReportedRecoveryCodes(upn, device, pending.ToList()); }
            catch (Exception) { forgotten = false; }
            _events.Write(WinOtpEventId.RecoveryCodeUsed, WinOtpEventLevel.Information, $"{pending.Count} recovery code(s) used offline by {upn} on {_platform.MachineName} reported to the SecureMFA WEB API " +
                $"({answer.Burned.ToString(CultureInfo.InvariantCulture)} burnt now, the others were already used or replaced there){(forgotten ? "." : "; the offline data could not be updated, so they are reported again next time.")}");
            return reply;
        }

        /// <summary>
        /// "No phone?" on the tile: the offline help-desk challenge for this user, only when the WEB API cannot be reached
        /// (online, the authenticator app or a recovery code is the way). Outcome Challenge with
        /// <see cref="LogonResult.UnlockChallenge"/>; the answer is typed as the code, with the password, to
        /// <see cref="SignInAsync"/>.
        /// </summary>
        public async Task<LogonResult> RequestUnlockChallengeAsync(string userName)
        {
            try
            {
                var prepared = PrepareUser(userName, out var failure);
                if (prepared == null) return failure!;
                var (settings, upn, device) = prepared.Value;
                ApiReply<DeviceSelfAnswer> reply;
                using (var client = Client(settings)) reply = await client.GetSelfAsync(device).ConfigureAwait(false);
                if (reply.Kind == ApiReplyKind.Answered) return new LogonResult(LogonOutcome.Unavailable, Text.UnlockOnline, upn);
                if (reply.Kind == ApiReplyKind.Refused && reply.ErrorCode == ApiWords.Errors.DeviceRevoked && reply.StatusCode == 403)
                {
                    Revoke(device);
                    return new LogonResult(LogonOutcome.Revoked, Text.Revoked, upn);
                }
                if (reply.Kind == ApiReplyKind.Refused) return new LogonResult(LogonOutcome.Unavailable, Text.UnlockOnline, upn);

                var check = _vault.IssueUnlockChallenge(upn, device, PolicyOf(settings));
                switch (check.Outcome)
                {
                    case OfflineOutcome.Accepted:
                        _events.Write(WinOtpEventId.OfflineUnlockCodeUsed, WinOtpEventLevel.Information, $"Help-desk challenge {check.Challenge!.Display} shown for {upn} on {_platform.MachineName} " +
                            $"(the SecureMFA WEB API cannot be reached: {reply.Failure}); its answer works once, until {Stamp(check.ValidUntil!.Value)}.");
                        return new LogonResult(LogonOutcome.Challenge, Text.UnlockChallenge(check.Challenge.Display, check.ValidUntil.Value), upn)
                        {
                            UnlockChallenge = check.Challenge.Display,
                            UnlockValidUntil = check.ValidUntil,
                        };
                    case OfflineOutcome.Off: return new LogonResult(LogonOutcome.Unavailable, Text.OfflineOff, upn);
                    case OfflineOutcome.NoVault: return new LogonResult(LogonOutcome.Unavailable, Text.NoOfflineData, upn);
                    default:
                        _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Warning, $"Help-desk challenge for {upn} not shown: {Describe(check.Outcome)}.");
                        return new LogonResult(LogonOutcome.Unavailable, OfflineText(check), upn) { OfflineValidUntil = check.ValidUntil };
                }
            }
            catch (Exception e) { return Unexpected("help-desk challenge", e); }
        }

        private string EntryFor(OfflinePackage package) => OfflineEnrolment.EntryNameFor(package.Issuer, _platform.MachineName);

        private LogonResult Offline(LogonRequest request, string upn, DeviceCredentials device, OfflinePolicy policy, SecondFactor kind)
        {
            var check = kind == SecondFactor.RecoveryCode ? _vault.VerifyRecoveryCode(upn, device, request.Code, policy)
                : kind == SecondFactor.UnlockAnswer ? _vault.VerifyUnlockAnswer(upn, device, request.Code, policy)
                : _vault.Verify(upn, device, request.Password, request.Code, policy);
            switch (check.Outcome)
            {
                case OfflineOutcome.Accepted when kind == SecondFactor.RecoveryCode:
                    _events.Write(WinOtpEventId.RecoveryCodeUsed, WinOtpEventLevel.Warning, $"Recovery code accepted for {upn} ({request.Scenario.WireName()}, offline) on {_platform.MachineName}; " +
                        $"{check.RecoveryCodesLeft.GetValueOrDefault().ToString(CultureInfo.InvariantCulture)} left here. It is reported to the SecureMFA WEB API at the next online contact.");
                    return new LogonResult(LogonOutcome.AcceptedOffline, Text.RecoveryAccepted(check.RecoveryCodesLeft), upn) { OfflineValidUntil = check.ValidUntil, RecoveryCodesLeft = check.RecoveryCodesLeft };
                case OfflineOutcome.Accepted when kind == SecondFactor.UnlockAnswer:
                    _events.Write(WinOtpEventId.OfflineUnlockCodeUsed, WinOtpEventLevel.Warning, $"Help-desk unlock code accepted for {upn} ({request.Scenario.WireName()}, offline) on {_platform.MachineName}, " +
                        $"answering the challenge shown at {Stamp(check.Challenge!.IssuedUnix)}; it cannot be used again.");
                    return new LogonResult(LogonOutcome.AcceptedOffline, "", upn) { OfflineValidUntil = check.ValidUntil };
                case OfflineOutcome.NoChallenge:
                    _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"Help-desk unlock code for {upn} refused (offline): no challenge is pending here, or it expired (not counted).");
                    return new LogonResult(LogonOutcome.Rejected, Text.NoChallenge, upn);
                case OfflineOutcome.Accepted:
                    _events.Write(WinOtpEventId.OtpOk, WinOtpEventLevel.Information, $"OTP ok for {upn} ({request.Scenario.WireName()}, offline) on {_platform.MachineName}.");
                    var accepted = new LogonResult(LogonOutcome.AcceptedOffline, "", upn) { OfflineValidUntil = check.ValidUntil };
                    if (check.SecretToBind != null) accepted.Pending = new PendingVaultWrite(upn, device, check.SecretToBind, request.Password, null, 0);
                    return accepted;
                case OfflineOutcome.Rejected:
                case OfflineOutcome.PasswordMismatch:
                    _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"OTP failed for {upn} (offline): {(check.Outcome == OfflineOutcome.Rejected ? WrongWhat(kind) : "the vault does not open with the typed password")}" +
                        $"{(check.AttemptsLeft.HasValue ? $", attempts left {check.AttemptsLeft.Value}" : "")}{(check.LockedUntil.HasValue ? $", locked until {Stamp(check.LockedUntil.Value)}" : "")}.");
                    var text = check.LockedUntil.HasValue ? Text.OfflineLockedAfterFailure(check.LockedUntil.Value)
                        : check.Outcome == OfflineOutcome.Rejected ? Text.OfflineRejected(check.AttemptsLeft, check.Entry) : Text.PasswordMismatch;
                    return new LogonResult(check.LockedUntil.HasValue ? LogonOutcome.Locked : LogonOutcome.Rejected, text, upn) { AttemptsLeft = check.AttemptsLeft, LockedUntil = check.LockedUntil };
                case OfflineOutcome.Locked:
                    _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"OTP refused for {upn} (offline): locked until {Stamp(check.LockedUntil!.Value)}.");
                    return new LogonResult(LogonOutcome.Locked, Text.Locked(check.LockedUntil), upn) { LockedUntil = check.LockedUntil };
                case OfflineOutcome.Replay:
                    _events.Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, $"OTP refused for {upn} (offline): the code's time step was already used.");
                    return new LogonResult(LogonOutcome.Replay, Text.Replay, upn);
                case OfflineOutcome.Malformed:
                    return new LogonResult(LogonOutcome.InvalidInput, Text.TypeCode, upn);
                case OfflineOutcome.Off:
                    return new LogonResult(LogonOutcome.Unavailable, Text.OfflineOff, upn);
                case OfflineOutcome.NoVault:
                    return new LogonResult(LogonOutcome.Unavailable, Text.NoOfflineData, upn);
                default:
                    _events.Write(WinOtpEventId.OfflineRefused, WinOtpEventLevel.Warning, $"Offline sign-in of {upn} refused: {Describe(check.Outcome)}.");
                    return new LogonResult(LogonOutcome.Unavailable, OfflineText(check), upn) { OfflineValidUntil = check.ValidUntil };
            }
        }

        private string OfflineText(OfflineCheck check)
        {
            switch (check.Outcome)
            {
                case OfflineOutcome.Expired: return Text.Expired(check.ValidUntil);
                case OfflineOutcome.ClockBehind: return Text.ClockBehind;
                case OfflineOutcome.StorageFailed: return Text.StorageFailed;
                case OfflineOutcome.Busy: return Text.OfflineBusy;
                case OfflineOutcome.NeedsOnline: return Text.NeedsOnline;
                case OfflineOutcome.Outdated: return Text.Outdated;
                default: return Text.Tampered;
            }
        }

        private static string Describe(OfflineOutcome outcome)
        {
            switch (outcome)
            {
                case OfflineOutcome.Expired: return "the offline data expired";
                case OfflineOutcome.ClockBehind: return $"the clock is more than {OfflineVault.ClockToleranceSeconds} s before the last online contact";
                case OfflineOutcome.Tampered: return "the vault file does not verify (altered, damaged, or written with another device key)";
                case OfflineOutcome.RolledBack: return "the vault file is older than the generation the registry remembers (an earlier copy was put back)";
                case OfflineOutcome.StorageFailed: return "the vault could not be written";
                case OfflineOutcome.Busy: return "another sign-in of this account (another session) held its offline data past the wait; nothing was checked or counted";
                case OfflineOutcome.NeedsOnline: return $"the cap of wrong offline codes since the last online contact ({SettingNames.OfflineMaxFailures}) is reached; an online sign-in is needed";
                case OfflineOutcome.Outdated: return "the offline data was of the earlier format (it held the user's own secret) and was deleted";
                default: return outcome.ToString();
            }
        }

        private LogonResult Unexpected(string what, Exception e)
        {
            _events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Unexpected error during {what}: {e.GetType().Name}: {e.Message}");
            return new LogonResult(LogonOutcome.Failed, Text.Failed);
        }

        private WebApiClient Client(WinOtpSettings settings) =>
            new WebApiClient(settings.ApiEndpoint, _platform.HttpHandlerFactory(settings), TimeSpan.FromMilliseconds(settings.ApiTimeoutMs), _platform.Clock);

        private static OfflinePolicy PolicyOf(WinOtpSettings settings) =>
            new OfflinePolicy(settings.OfflineValidDays, settings.OfflineLoginFailures, settings.OfflineLockoutMinutes, settings.OfflineMaxFailures);

        private string SkewNote(long? serverTime)
        {
            if (!serverTime.HasValue) return "";
            var skew = Platform.UnixTime.Seconds(_platform.Clock.UtcNow) - serverTime.Value;
            return Math.Abs(skew) > MessageSignature.MaxClockSkewSeconds ? $"; this computer's clock is {skew.ToString(CultureInfo.InvariantCulture)} s from the server's (unverified)" : "";
        }

        private static DateTime UnixTime(long seconds) => Platform.UnixTime.ToDateTime(seconds);
        private static string Stamp(long seconds) => Stamp(Platform.UnixTime.ToDateTime(seconds));
        private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
