using System.Security.Claims;

namespace SecureMFA.DemoHost
{
    /// <summary>What the portal shows after a sign-in: the issued claims, and the recovery codes left if one was used.</summary>
    public sealed class PortalSession
    {
        public PortalSession(Claim[] claims, int? recoveryCodesLeft)
        {
            Claims = claims;
            RecoveryCodesLeft = recoveryCodesLeft;
        }

        public Claim[] Claims { get; }
        public int? RecoveryCodesLeft { get; }
    }
}
