using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.NativeCaller
{
    /// <summary>
    /// What caller.c calls through Mono's embedding API, and only to get started: each Create* returns the IUnknown
    /// of a new provider or filter (as CoCreateInstance hands LogonUI one), which caller.c then queries and calls
    /// through vtables only. One simulated computer per provider (<see cref="WinOtpHarness"/>: registry, clock, fake
    /// WEB API with the RFC 6238 key), so a code accepted in one check is not a replay in the next.
    /// </summary>
    public static class NativeEntry
    {
        private static WinOtpHarness? _computer;
        private static RecordingEventLog? _events;
        private static bool _coreFails;

        /// <summary>From now on (0: no longer) WinOtp.Core cannot be started: the settings cannot be read, say.</summary>
        public static void CoreFails(int fails) => _coreFails = fails != 0;

        /// <summary>The classes as COM creates them: the public parameterless constructors, with the Windows seams.</summary>
        public static IntPtr CreateProviderAsComDoes() => Marshal.GetIUnknownForObject(new WinOtpCredentialProvider());

        public static IntPtr CreateFilterAsComDoes() => Marshal.GetIUnknownForObject(new WinOtpCredentialProviderFilter());

        /// <summary>A provider over a fresh computer whose Password provider comes from the native factory.</summary>
        public static IntPtr CreateProvider(IntPtr passwordProviderFactory) =>
            Marshal.GetIUnknownForObject(new WinOtpCredentialProvider(Services(passwordProviderFactory)));

        /// <summary>A filter over the same computer as the last provider (the same settings decide both).</summary>
        public static IntPtr CreateFilter(IntPtr passwordProviderFactory) =>
            Marshal.GetIUnknownForObject(new WinOtpCredentialProviderFilter(Services(passwordProviderFactory, _computer)));

        /// <summary>The current code of the last computer's user, for caller.c to type.</summary>
        public static int Code() => int.Parse(_computer!.Code());

        /// <summary>The shell's own events (5553) since the last provider was created, one a line.</summary>
        public static string ShellEvents() => _events!.All;

        private static ShellServices Services(IntPtr factory, WinOtpHarness? computer = null)
        {
            if (computer == null)
            {
                computer = new WinOtpHarness();
                computer.Register();
                _computer = computer;
                _events = new RecordingEventLog();
            }
            var logon = computer;
            ITileLogon Start() => _coreFails ? throw new InvalidOperationException("WinOtp.Core cannot start (injected).") : new CoordinatorTileLogon(logon.Coordinator());
            return new ShellServices(Start, new NativePasswordProviderSource(factory), logon.Session,
                new FakeBootMode(), new FakeUnprotector(), new FakeLauncher(), _events!);
        }
    }
}
