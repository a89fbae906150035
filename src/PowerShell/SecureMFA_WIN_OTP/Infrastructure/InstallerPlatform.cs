using System;
using System.Collections.Generic;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// WinOtp.Core's platform as the cmdlets use it: registry and DPAPI through the module's functions, the real
    /// clock and HTTP (the configured proxy or none), WinOtp.Core's events collected for the verbose stream. The
    /// cmdlets never touch offline vaults.
    /// </summary>
    internal static class InstallerPlatform
    {
        public static WinOtpPlatform Create(SeamRegistry registry, SeamProtection protection, CollectedEvents events, string machineName) =>
            new WinOtpPlatform(registry, protection, SystemClock.Instance, events, new ConsoleSession(), new NoVaultFiles(), settings => ApiHttpHandler.Create(settings),
                string.IsNullOrEmpty(machineName) ? Environment.MachineName : machineName);

        private sealed class ConsoleSession : ISessionFacts
        {
            public SessionKind Current => SessionKind.Console;
        }

        private sealed class NoVaultFiles : IVaultFiles
        {
            public byte[]? Read(string name) => throw new InvalidOperationException("The SecureMFA_WIN_OTP cmdlets do not read offline vaults.");
            public void Write(string name, byte[] content) => throw new InvalidOperationException("The SecureMFA_WIN_OTP cmdlets do not write offline vaults.");
            public IReadOnlyList<string> Names() => throw new InvalidOperationException("The SecureMFA_WIN_OTP cmdlets do not read offline vaults.");
            public void Delete(string name) => throw new InvalidOperationException("The SecureMFA_WIN_OTP cmdlets do not delete offline vaults one by one.");
            public IDisposable? TryLock(string name, TimeSpan wait) => throw new InvalidOperationException("The SecureMFA_WIN_OTP cmdlets do not lock offline vaults.");
        }
    }
}
