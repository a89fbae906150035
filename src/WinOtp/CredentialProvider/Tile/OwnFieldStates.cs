using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>Whether each of the shell's fields shows, on the selected tile only (as the Password provider's own fields).</summary>
    public static class OwnFieldStates
    {
        public static CredentialProviderFieldState For(FieldOwner owner, bool offlineEnabled, bool hasStatus)
        {
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
