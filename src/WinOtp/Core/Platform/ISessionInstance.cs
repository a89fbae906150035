using System;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// Which session LogonUI runs in, and the two clocks that tell a boot or a sleep apart from time merely passing,
    /// for the unlock grace (<see cref="Decision.GraceFacts"/>). On Windows (<see cref="Windows.WindowsSessionInstance"/>):
    /// the process's session id, GetTickCount64 (since boot, counting sleep and hibernation) and
    /// QueryUnbiasedInterruptTime (since boot, not counting them), and WTSQuerySessionInformation(WTSConnectState).
    /// </summary>
    public interface ISessionInstance
    {
        int SessionId { get; }
        /// <summary>Time since this boot, sleep and hibernation included.</summary>
        TimeSpan SinceBoot { get; }
        /// <summary>Time since this boot while the computer was awake: it stands still while it sleeps or hibernates.</summary>
        TimeSpan AwakeSinceBoot { get; }
        /// <summary>True when the session exists and is disconnected (an RDP client went away; a new connection reconnects it).</summary>
        bool IsDisconnected(int sessionId);
    }
}
