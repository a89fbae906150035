using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>Whether each of the shell's fields shows, on the selected tile only (as the Password provider's own fields).</summary>
    public static class OwnFieldStates
    {
        /// <param name="asksForCode">False in report-only mode: no code field, no enrolment hint, no offline sync.</param>
        public static CredentialProviderFieldState For(FieldOwner owner, bool offlineEnabled, bool hasStatus, bool asksForCode = true)
        {
            if (!asksForCode && (owner == FieldOwner.Code || owner == FieldOwner.EnrolHint || owner == FieldOwner.SyncOffline))
                return CredentialProviderFieldState.Hidden;
            switch (owner)
            {
                case FieldOwner.Code:
                case FieldOwner.EnrolHint:
                case FieldOwner.ChangePassword:
                    return CredentialProviderFieldState.DisplayInSelectedTile;
                case FieldOwner.SyncOffline:
                case FieldOwner.NoPhone:
                    return offlineEnabled ? CredentialProviderFieldState.DisplayInSelectedTile : CredentialProviderFieldState.Hidden;
                case FieldOwner.Status:
                    return hasStatus ? CredentialProviderFieldState.DisplayInSelectedTile : CredentialProviderFieldState.Hidden;
                default:
                    return CredentialProviderFieldState.Hidden;
            }
        }
    }
}
