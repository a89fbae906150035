#if NETFRAMEWORK
using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>
    /// Microsoft Edge in kiosk mode (public browsing) at the password portal, started with the token of the user
    /// who owns LogonUI's session (WTSQueryUserToken) on that user's desktop (winsta0\default), never with
    /// LogonUI's SYSTEM token. Where no user owns the session (the logon screen) it starts nothing. Windows only.
    /// </summary>
    public sealed class EdgeKioskLauncher : IChangePasswordLauncher
    {
        public bool TryStartAsSessionUser(string url, out string reason)
        {
            var edge = FindEdge();
            if (edge == null)
            {
                reason = "msedge.exe was not found under Program Files";
                return false;
            }
            int session;
            using (var process = Process.GetCurrentProcess()) session = process.SessionId;
            if (!NativeMethods.WTSQueryUserToken(session, out var token))
            {
                reason = $"no user is signed in to this session ({Marshal.GetLastWin32Error()})";
                return false;
            }
            var environment = IntPtr.Zero;
            try
            {
                if (!NativeMethods.CreateEnvironmentBlock(out environment, token, false)) environment = IntPtr.Zero;
                var startup = new NativeMethods.StartupInfo { cb = Marshal.SizeOf(typeof(NativeMethods.StartupInfo)), lpDesktop = @"winsta0\default" };
                var commandLine = new StringBuilder(ChangePasswordLink.CommandLine(edge, url));
                if (!NativeMethods.CreateProcessAsUserW(token, edge, commandLine, IntPtr.Zero, IntPtr.Zero, false,
                        environment == IntPtr.Zero ? 0 : NativeMethods.CREATE_UNICODE_ENVIRONMENT, environment, null, ref startup, out var info))
                {
                    reason = $"CreateProcessAsUser failed ({Marshal.GetLastWin32Error()})";
                    return false;
                }
                NativeMethods.CloseHandle(info.hThread);
                NativeMethods.CloseHandle(info.hProcess);
                reason = "";
                return true;
            }
            finally
            {
                if (environment != IntPtr.Zero) NativeMethods.DestroyEnvironmentBlock(environment);
                NativeMethods.CloseHandle(token);
            }
        }

        private static string? FindEdge()
        {
            foreach (var folder in new[] { Environment.SpecialFolder.ProgramFilesX86, Environment.SpecialFolder.ProgramFiles })
            {
                var path = Path.Combine(Environment.GetFolderPath(folder), "Microsoft", "Edge", "Application", "msedge.exe");
                if (File.Exists(path)) return path;
            }
            return null;
        }
    }
}
#endif
