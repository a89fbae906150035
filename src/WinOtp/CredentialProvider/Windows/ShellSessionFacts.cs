#if NETFRAMEWORK
using System;
using System.Diagnostics;
using Microsoft.Win32;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>GetSystemMetrics(SM_REMOTESESSION) and the GlassSessionId check, combined by <see cref="SessionClassifier"/>. Windows only.</summary>
    public sealed class ShellSessionFacts : ISessionFacts
    {
        private const string TerminalServerKey = @"SYSTEM\CurrentControlSet\Control\Terminal Server";

        public SessionKind Current => SessionClassifier.Classify(Try(() => NativeMethods.GetSystemMetrics(NativeMethods.SM_REMOTESESSION)), Try(ProcessSession), Try(GlassSession));

        private static int ProcessSession()
        {
            using (var process = Process.GetCurrentProcess()) return process.SessionId;
        }

        private static int GlassSession()
        {
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(TerminalServerKey, false))
                return key?.GetValue("GlassSessionId") is int glass ? glass : throw new InvalidOperationException("GlassSessionId is not set.");
        }

        private static int? Try(Func<int> read)
        {
            try { return read(); }
            catch (Exception) { return null; }
        }
    }
}
#endif
