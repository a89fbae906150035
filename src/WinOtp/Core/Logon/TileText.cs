using System;
using System.Globalization;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>The tile's messages in one place (English; a later version may localise them).</summary>
    public static class TileText
    {
        public const string TypeCode = "Type the 6-digit code from your authenticator app.";
        public const string WrongCode = "The code is not correct.";
        public const string Replay = "This code was already used. Wait for the next code and type it.";
        public const string Disabled = "OTP sign-in is disabled for this account. Contact your support desk.";
        public const string NotRegistered = "This computer is not registered with the SecureMFA WEB API. Contact your support desk.";
        public const string NotConfigured = "SecureMFA WIN OTP is not configured correctly on this computer (see event 5551). Contact your support desk.";
        public const string Failed = "The code could not be checked (see the SecureMFA WIN OTP events). Try again or contact your support desk.";
        public const string RateLimited = "Too many attempts. Wait a minute, then try again.";
        public const string InvalidUserName = "The SecureMFA WEB API does not accept this user name.";
        public const string OfflineOff = "The SecureMFA WEB API cannot be reached and offline sign-in is off on this computer.";
        public const string NoOfflineData = "The SecureMFA WEB API cannot be reached and this account has no offline sign-in on this computer. Connect to the network, or sync the account for offline use while connected.";
        public const string PasswordMismatch = "The code could not be checked offline with this password. If you changed your password, sign in once while connected to the network.";
        public const string ClockBehind = "This computer's clock is earlier than its last contact with the SecureMFA WEB API. Correct the clock, or connect to the network.";
        public const string Tampered = "The offline sign-in data of this account is damaged or was altered. Connect to the network and sign in once.";
        public const string StorageFailed = "The offline sign-in data could not be updated. Connect to the network, or contact your support desk.";
        public const string OfflineBusy = "Another sign-in of this account is being checked offline. Try again in a moment.";
        public const string SyncNeedsNetwork = "The SecureMFA WEB API cannot be reached: a sync for offline use needs the network.";
        public const string SyncOff = "Offline sign-in is off on this computer (win_totp_offline_secret_valid_days is 0).";
        public const string SyncNotAllowed = "The SecureMFA WEB API does not allow offline sign-in for this account.";
        public const string Revoked = "This computer's registration was revoked by your administrator: sign-in with a code is not possible here. Contact your help desk.";
        public const string NeedsOnline = "Too many wrong codes since this computer was last connected: offline sign-in is closed until you sign in once while connected to the network.";
        public const string EntryNeedsNetwork = "The SecureMFA WEB API cannot be reached: this computer's offline entry is shown only while connected.";
        public const string EntryNeedsPassword = "This computer's offline entry is shown only with the password of your last sign-in here. Sign in here once while connected to the network, then try again.";
        public const string Outdated = "The offline sign-in data of this account was of an earlier version and was removed. Connect to the network and sign in once.";

        public const string UnlockOnline = "This computer can reach the SecureMFA WEB API: type the code from your authenticator app, or one of your recovery codes. Without either, contact your help desk.";
        public const string NoChallenge = "No help-desk challenge is waiting on this computer, or it expired. Choose \"No phone?\" again for a new one and call your help desk.";
        public const string OnlyTotpForSync = "Type the code from your authenticator app: a recovery code or a help-desk answer cannot set up offline sign-in.";

        /// <summary>After a recovery code: it is gone, and how many remain.</summary>
        public static string RecoveryAccepted(int? left) =>
            $"Signed in with a recovery code; it cannot be used again.{(left.HasValue ? $" Recovery codes left: {left.Value.ToString(CultureInfo.InvariantCulture)}." : "")}" +
            (left.HasValue && left.Value <= 3 ? " Ask your help desk for new ones." : "");

        /// <summary>The offline help-desk challenge, to read out on the phone.</summary>
        public static string UnlockChallenge(string challenge, DateTime validUntil) =>
            $"No phone and no network: call your help desk and read out this challenge: {challenge}. Type the answer they give you as the code, with your password, before {Time(validUntil)}.";

        /// <summary>Offline, the code comes from the computer's own entry in the app, not from the usual one.</summary>
        public static string OfflineRejected(int? attemptsLeft, string entry) =>
            Rejected(attemptsLeft, null) + (entry.Length > 0 ? $" This computer cannot reach the SecureMFA WEB API: type the code from {entry} in your authenticator app." : "");

        public static string NotEnrolled(string upn) => $"There is no OTP account for {upn}. Contact your support desk.";

        /// <summary>win_unenrolled_policy Deny (and a grace that ended, or cannot be counted): where to enrol.</summary>
        public static string EnrolFirst(string upn, string enrolUrl) => $"{upn} is not enrolled for sign-in codes yet. Enrol at {enrolUrl}, then sign in with your code.";

        public static string GraceEnded(string upn, string enrolUrl, DateTime endedUtc) =>
            $"The time to enrol {upn} for sign-in codes ended on {Time(endedUtc)}. Enrol at {enrolUrl}, then sign in with your code.";

        /// <summary>win_unenrolled_policy Grace, before its end.</summary>
        public static string EnrolBy(string enrolUrl, DateTime byUtc) => $"Signed in without a code. Enrol at {enrolUrl} by {Time(byUtc)}: after that a code is required.";

        public const string AllowedWithoutCode = "Signed in without a code: this account is not enrolled for sign-in codes yet.";

        public static string Rejected(int? attemptsLeft, int? driftSeconds)
        {
            var text = WrongCode;
            if (driftSeconds.HasValue && driftSeconds.Value != 0)
                text += $" Your phone's clock seems {Math.Abs(driftSeconds.Value).ToString(CultureInfo.InvariantCulture)} seconds {(driftSeconds.Value > 0 ? "ahead" : "behind")}: correct it.";
            if (attemptsLeft.HasValue) text += $" Attempts left before a lockout: {attemptsLeft.Value.ToString(CultureInfo.InvariantCulture)}.";
            return text;
        }

        public static string Locked(DateTime? until) =>
            $"Too many wrong codes: this account is locked{(until.HasValue ? $" until {Time(until.Value)}" : "")}.";

        public static string OfflineLockedAfterFailure(DateTime until) => $"{WrongCode} Too many wrong codes: offline sign-in is locked until {Time(until)}.";

        public static string Expired(DateTime? validUntil) =>
            $"The offline sign-in of this account expired{(validUntil.HasValue ? $" on {Time(validUntil.Value)}" : "")}. Connect to the network and sign in once.";

        public static string Synced(string upn, DateTime validUntil) => $"Offline sign-in is ready for {upn} until {Time(validUntil)}.";

        /// <summary>Local time of this computer, as the user reads the clock on the screen.</summary>
        public static string Time(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
