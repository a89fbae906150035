#if NETFRAMEWORK
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>
    /// LogonUI's session and the boot clocks: the process's session id; GetTickCount64 (milliseconds since boot, sleep
    /// and hibernation included); QueryUnbiasedInterruptTime (100 ns units since boot, not counting sleep or
    /// hibernation); WTSQuerySessionInformation(WTSConnectState) for a disconnected session. Windows only; not run here.
    /// </summary>
    public sealed class WindowsSessionInstance : ISessionInstance
    {
        public int SessionId
        {
            get { using (var process = Process.GetCurrentProcess()) return process.SessionId; }
        }

        public TimeSpan SinceBoot => TimeSpan.FromMilliseconds(GetTickCount64());

        public TimeSpan AwakeSinceBoot => QueryUnbiasedInterruptTime(out var ticks) ? TimeSpan.FromTicks((long)ticks) : throw new InvalidOperationException("QueryUnbiasedInterruptTime failed.");

        public bool IsDisconnected(int sessionId)
        {
            if (!WTSQuerySessionInformationW(IntPtr.Zero, sessionId, WtsConnectState, out var buffer, out var bytes)) return false;
            try { return bytes >= 4 && Marshal.ReadInt32(buffer) == WtsDisconnected; }
            finally { WTSFreeMemory(buffer); }
        }

        private const int WtsConnectState = 8;   // WTS_INFO_CLASS.WTSConnectState
        private const int WtsDisconnected = 4;   // WTS_CONNECTSTATE_CLASS.WTSDisconnected

        [DllImport("kernel32.dll")]
        private static extern ulong GetTickCount64();

        [DllImport("kernel32.dll")]
        private static extern bool QueryUnbiasedInterruptTime(out ulong unbiasedTime);

        [DllImport("wtsapi32.dll", SetLastError = true)]
        private static extern bool WTSQuerySessionInformationW(IntPtr server, int sessionId, int infoClass, out IntPtr buffer, out int bytesReturned);

        [DllImport("wtsapi32.dll")]
        private static extern void WTSFreeMemory(IntPtr memory);
    }
}
#endif
