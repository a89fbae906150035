#if NETFRAMEWORK
using System;
using System.Diagnostics;
using Microsoft.Win32;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>
    /// Console or Remote Desktop, the way Microsoft documents it without Win32 calls: the session this process runs
    /// in against GlassSessionId, the session that owns the physical display. A credential provider shell that
    /// already calls GetSystemMetrics(SM_REMOTESESSION) may pass its own <see cref="ISessionFacts"/>. Anything
    /// unreadable is Unknown, which the decision treats as remote. Windows only.
    /// </summary>
    public sealed class WindowsSessionFacts : ISessionFacts
    {
        private const string TerminalServerKey = @"SYSTEM\CurrentControlSet\Control\Terminal Server";

        public SessionKind Current
        {
            get
            {
                try
                {
                    int session;
                    using (var process = Process.GetCurrentProcess()) session = process.SessionId;
                    using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
                    using (var key = root.OpenSubKey(TerminalServerKey, false))
                    {
                        if (!(key?.GetValue("GlassSessionId") is int glass)) return SessionKind.Unknown;
                        return session == glass ? SessionKind.Console : SessionKind.Remote;
                    }
                }
                catch (Exception) { return SessionKind.Unknown; }
            }
        }
    }
}
#endif
