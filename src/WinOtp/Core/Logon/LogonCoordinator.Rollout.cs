using System;
using System.Threading.Tasks;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Protocol;
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
    /// The rollout (docs/win-otp.md, "Users not yet enrolled and report-only rollout"): what the tile does for a user the
    /// WEB API says has no OTP account (win_unenrolled_policy), and report-only mode (win_enforce = ReportOnly), where it
    /// asks for nothing and reports what it would have done.
    /// </summary>
    public sealed partial class LogonCoordinator
    {
        /// <summary>
        /// Whether the tile serves this scenario: where a code is required, and everywhere in report-only mode (so it
        /// can report the scenarios that would ask none, as excluded).
        /// </summary>
        public bool ServesTile(LogonScenario scenario) => IsReportOnly || IsCodeRequired(scenario);

        /// <summary>False in report-only mode: the tile shows no code field.</summary>
        public bool AsksForCode => !IsReportOnly;

        public bool IsReportOnly => Settings.Settings?.Enforce == Enforcement.ReportOnly;

        /// <summary>A blank code goes to the API when the answer for a user without an account may let the password through.</summary>
        private bool UnenrolledMayGoWithoutCode => (Settings.Settings?.UnenrolledPolicy ?? UnenrolledPolicy.Deny) != UnenrolledPolicy.Deny;

        /// <summary>The page users enrol at, as the tile names it: win_sspr_url (by default the API's host).</summary>
        private string EnrolUrl => Settings.Settings?.SsprUrl ?? "";

        /// <summary>The API answered not_enrolled to a sign-in: win_unenrolled_policy decides, and says so in event 5559.</summary>
        private LogonResult Unenrolled(VerifyAnswer answer, string upn, string context)
        {
            var settings = Settings.Settings!;
            RemoveOfflineData(upn, "the API has no OTP account by this name");
            var what = answer.Reason == ApiWords.Reasons.NotConfirmed ? "has an OTP account but never confirmed a code" : "has no OTP account";
            var prefix = $"{upn} ({context}, online) {what}";
            switch (settings.UnenrolledPolicy)
            {
                case UnenrolledPolicy.Allow:
                    _events.Write(WinOtpEventId.NotEnrolled, WinOtpEventLevel.Warning, $"{prefix}: signed in without a code ({SettingNames.UnenrolledPolicy} Allow) on {_platform.MachineName}.");
                    return new LogonResult(LogonOutcome.AllowedNotEnrolled, Text.AllowedWithoutCode, upn);
                case UnenrolledPolicy.Grace:
                    if (!answer.FirstSeen.HasValue)
                    {
                        _events.Write(WinOtpEventId.NotEnrolled, WinOtpEventLevel.Warning, $"{prefix}: refused; the WEB API gave no first sighting to count {SettingNames.UnenrolledGraceDays} from (its store keeps none, as with AD), so the grace cannot be counted.");
                        return new LogonResult(LogonOutcome.NotEnrolled, Text.EnrolFirst(upn, EnrolUrl), upn);
                    }
                    var end = Platform.UnixTime.ToDateTime(answer.FirstSeen.Value + (long)settings.UnenrolledGraceDays * 86400);
                    var first = Platform.UnixTime.ToDateTime(answer.FirstSeen.Value);
                    if (_platform.Clock.UtcNow < end)
                    {
                        _events.Write(WinOtpEventId.NotEnrolled, WinOtpEventLevel.Warning, $"{prefix}: signed in without a code, within the grace ({settings.UnenrolledGraceDays} days from the first sighting {Stamp(first)}, until {Stamp(end)}) on {_platform.MachineName}.");
                        return new LogonResult(LogonOutcome.AllowedNotEnrolled, Text.EnrolBy(EnrolUrl, end), upn) { EnrolBy = end };
                    }
                    _events.Write(WinOtpEventId.NotEnrolled, WinOtpEventLevel.Warning, $"{prefix}: refused; the grace ended on {Stamp(end)} ({settings.UnenrolledGraceDays} days from the first sighting {Stamp(first)}).");
                    return new LogonResult(LogonOutcome.NotEnrolled, Text.GraceEnded(upn, EnrolUrl, end), upn) { EnrolBy = end };
                default:
                    _events.Write(WinOtpEventId.NotEnrolled, WinOtpEventLevel.Warning, $"{prefix}: refused ({SettingNames.UnenrolledPolicy} Deny); the tile points to {EnrolUrl}.");
                    return new LogonResult(LogonOutcome.NotEnrolled, Text.EnrolFirst(upn, EnrolUrl), upn);
            }
        }

        /// <summary>
        /// Report-only: the password goes through whatever happens here; what the tile would have done is event 5560 and a
        /// signed report to the API (which turns code_required into not_enrolled for a UPN without a confirmed account).
        /// </summary>
        private async Task<LogonResult> ReportOnlyAsync(LogonRequest request)
        {
            var settings = Settings.Settings!;
            var account = AccountForReport(request.UserName);
            string? upn = null;
            if (UpnResolver.TryMap(request.UserName, settings.AnchorDnsName, out var candidate, out _) && Upn.TryNormalize(candidate, out var normal, out _)) upn = normal;
            // Excluded by any rule that would let this account through without a code (win_rdponly, the exclusions, the
            // enforced groups, the unlock grace): the decision the tile would have made in enforce mode.
            var outcome = !Decide(request.Scenario, request.UserName).Required ? ApiWords.RolloutOutcomes.Excluded
                : upn == null ? ApiWords.RolloutOutcomes.IdentityNotMapped
                : ApiWords.RolloutOutcomes.CodeRequired;
            var who = upn ?? account;
            var result = new LogonResult(LogonOutcome.ReportOnly, "", upn ?? "");

            var device = _devices.Load(out var problem);
            if (device == null)
            {
                _events.Write(WinOtpEventId.ReportOnly, WinOtpEventLevel.Warning, $"Report-only: {who} ({request.Scenario.WireName()}) would have been {outcome}; not reported to the WEB API: {problem}");
                return result;
            }
            ApiReply<RolloutReportAnswer> reply;
            using (var client = Client(settings))
                reply = await client.ReportAsync(device, new RolloutReportRequest(upn, account, request.Scenario, _platform.MachineName, outcome)).ConfigureAwait(false);

            string sent;
            if (reply.Kind == ApiReplyKind.Answered)
            {
                outcome = reply.Answer!.Outcome;
                sent = reply.Answer.Recorded ? "reported to the WEB API" : "the WEB API's store keeps no reports (AD)";
                if (reply.Answer.FirstSeen.HasValue) sent += $"; first seen by the API {Stamp(reply.Answer.FirstSeen.Value)}";
            }
            else if (reply.Kind == ApiReplyKind.Refused)
            {
                sent = $"the WEB API refused the report ({reply.Detail})";
                // Signed with this device's key: the computer was revoked, report-only or not (every vault goes).
                if (reply.ErrorCode == ApiWords.Errors.DeviceRevoked && reply.StatusCode == 403) Revoke(device);
            }
            else
            {
                // Enforced, offline sign-in would decide: without usable offline data this user could not sign in.
                if (outcome == ApiWords.RolloutOutcomes.CodeRequired && !OfflineReady(upn!, device, settings)) outcome = ApiWords.RolloutOutcomes.OfflineNotReady;
                sent = $"the WEB API could not be reached ({reply.Failure}: {reply.Detail}); not reported";
            }
            _events.Write(WinOtpEventId.ReportOnly, WinOtpEventLevel.Information,
                $"Report-only: {who} ({request.Scenario.WireName()}) on {_platform.MachineName} would have been {outcome}; signed in without a code; {sent}.");
            return result;
        }

        /// <summary>Whether, enforced, offline sign-in would have been possible for this user: a readable vault still valid.</summary>
        private bool OfflineReady(string upn, DeviceCredentials device, WinOtpSettings settings)
        {
            if (settings.OfflineValidDays <= 0) return false;
            try
            {
                var status = _vault.Describe(upn, device);
                if (status.State != OfflineOutcome.Accepted || !status.PackageValidUntil.HasValue || !status.LastOnline.HasValue) return false;
                var now = Platform.UnixTime.Seconds(_platform.Clock.UtcNow);
                return PolicyOf(settings).ValidUntil(Platform.UnixTime.Seconds(status.PackageValidUntil.Value), Platform.UnixTime.Seconds(status.LastOnline.Value)) > now;
            }
            catch (Exception) { return false; }
        }

        /// <summary>The account as typed, made fit for a report: at most 256 characters, control characters as '?'.</summary>
        private static string AccountForReport(string? typed)
        {
            var text = (typed ?? "").Trim();
            if (text.Length == 0) text = "(no user name)";
            if (text.Length > 256) text = text.Substring(0, 256);
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
