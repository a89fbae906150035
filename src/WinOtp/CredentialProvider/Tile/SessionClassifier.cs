using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// Console or Remote Desktop from the two signals Microsoft documents: GetSystemMetrics(SM_REMOTESESSION) is
    /// nonzero in a Remote Desktop client session, but can be 0 in some remote sessions (RemoteFX vGPU, for one),
    /// so the console is only believed when the process's session is also the one that owns the physical display
    /// (HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\GlassSessionId). Anything unknown is Unknown, which the
    /// decision treats as remote: a code is asked rather than skipped.
    /// </summary>
    public static class SessionClassifier
    {
        public static SessionKind Classify(int? remoteSessionMetric, int? processSessionId, int? glassSessionId)
        {
            if (remoteSessionMetric.HasValue && remoteSessionMetric.Value != 0) return SessionKind.Remote;
            if (!processSessionId.HasValue || !glassSessionId.HasValue) return SessionKind.Unknown;
            if (processSessionId.Value != glassSessionId.Value) return SessionKind.Remote;
            return remoteSessionMetric.HasValue ? SessionKind.Console : SessionKind.Unknown;
        }
    }
}
