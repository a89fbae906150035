namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>What the shell's own fields say (English, as WinOtp.Core's TileText).</summary>
    public static class TileWords
    {
        public const string CodeLabel = "One-time code";
        /// <summary>The enrolment hint where win_unenrolled_policy is Allow or Grace.</summary>
        public const string EnrolHintWithoutCode = "No code yet? Leave the code empty to sign in with your password for now, and enrol your authenticator app on your organisation's AD FS sign-in page.";
        public const string EnrolHint = "No code yet? Enrol your authenticator app on your organisation's AD FS sign-in page, or ask your support desk. Codes cannot be set up on this screen.";
        public const string ChangePasswordLabel = "Change password";
        public const string SyncOfflineLabel = "Sync this account for offline sign-in";
        public const string NoPhoneLabel = "No phone? Get a help-desk challenge";
        public const string NoPhoneNeedsName = "Type your user name, then choose \"No phone?\" again.";
        public const string SyncNeedsNameAndCode = "Type your user name and a current code, then choose Sync again.";
        /// <summary>On the status line while LogonUI's thread waits for the WEB API (or the offline check).</summary>
        public const string CheckingCode = "Checking your code…";
        public const string SsprNotConfigured = "No password portal is configured on this computer (win_sspr_url). Contact your support desk.";
        public const string CodeRejectedCredential = "The sign-in could not be checked: the Windows credential was not in a form SecureMFA WIN OTP can read. Contact your support desk.";

        /// <summary>Where no browser may start (see <see cref="ChangePasswordLink"/>), the address is shown instead.</summary>
        public static string OpenPortalElsewhere(string url) =>
            $"To change your password, open {url} on your phone or another computer, then sign in here with the new password.";

        public static string PortalOpened(string url) => $"The password portal {url} opened in Microsoft Edge. Press Ctrl+F4 to close it when you are done.";

        public static string PortalNotOpened(string url, string reason) => $"Microsoft Edge could not be started ({reason}). Open {url} on another device to change your password.";
    }
}
