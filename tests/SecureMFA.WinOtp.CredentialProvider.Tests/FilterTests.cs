using System;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Platform;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>The filter: other providers off where a code is required; Remote Desktop credentials retargeted to ours.</summary>
    public class FilterTests
    {
        private static readonly Guid Ours = new Guid(WinOtpCredentialProvider.Clsid);
        private static readonly Guid Pin = new Guid("cb82ea12-9f71-446d-89e1-8d0924e1256e");
        private static readonly Guid SmartCard = new Guid("8fd7e19c-3bf7-489b-a72c-846ab3678c96");

        private static int[] Filter(TileHarness tile, CredentialProviderUsageScenario cpus, uint flags, params Guid[] providers)
        {
            var allow = Enumerable.Repeat(1, providers.Length).ToArray();
            Assert.Equal(HResult.S_OK, new WinOtpCredentialProviderFilter(tile.Services).Filter(cpus, flags, providers, allow, (uint)providers.Length));
            return allow;
        }

        [Theory]
        [InlineData(CredentialProviderUsageScenario.Logon)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation)]
        [InlineData(CredentialProviderUsageScenario.CredUI)]
        public void WhereACodeIsRequiredOnlyOurProviderStays(CredentialProviderUsageScenario cpus)
        {
            var tile = new TileHarness();
            Assert.Equal(new[] { 0, 0, 1, 0 }, Filter(tile, cpus, 0, FakePasswordProvider.Clsid, Pin, Ours, SmartCard));
        }

        [Fact]
        public void ReportOnlyServesEveryScenarioButSwitchesOffOnlyThePasswordProviderItWraps()
        {
            var tile = new TileHarness { RdpOnly = true, Session = SessionKind.Console };
            tile.Computer.Configure(Settings.SettingNames.Enforce, "ReportOnly");
            Assert.Equal(new[] { 0, 1, 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours, SmartCard));
            Assert.Equal(new[] { 0, 1, 1, 1 }, Filter(tile, CredentialProviderUsageScenario.UnlockWorkstation, 0, FakePasswordProvider.Clsid, Pin, Ours, SmartCard));
        }

        [Fact]
        public void WhatWasAlreadyOffStaysOff()
        {
            var tile = new TileHarness();
            var allow = new[] { 1, 0 };
            new WinOtpCredentialProviderFilter(tile.Services).Filter(CredentialProviderUsageScenario.Logon, 0, new[] { FakePasswordProvider.Clsid, Ours }, allow, 2);
            Assert.Equal(new[] { 0, 0 }, allow);
        }

        [Fact]
        public void RdpOnlyLeavesTheConsoleToWindows()
        {
            var tile = new TileHarness { RdpOnly = true, Session = SessionKind.Console };
            Assert.Equal(new[] { 1, 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours));
            tile.Session = SessionKind.Remote;
            Assert.Equal(new[] { 0, 0, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours));
        }

        [Fact]
        public void APasswordChangeNeedsOurTileToo()
        {
            // Otherwise Windows' own change tile would let anyone with the password replace it without a code.
            var tile = new TileHarness();
            Assert.Equal(new[] { 0, 1 }, Filter(tile, CredentialProviderUsageScenario.ChangePassword, 0, FakePasswordProvider.Clsid, Ours));
        }

        [Fact]
        public void GenericPromptsPreLogonAccessAndSafeModeAreLeftAlone()
        {
            var tile = new TileHarness();
            Assert.Equal(new[] { 1, 1 }, Filter(tile, CredentialProviderUsageScenario.CredUI, 0x1, FakePasswordProvider.Clsid, Ours));
            Assert.Equal(new[] { 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Plap, 0, FakePasswordProvider.Clsid, Ours));
            tile.Boot.IsSafeMode = true;
            Assert.Equal(new[] { 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Ours));
        }

        [Fact]
        public void WithoutOurProviderInTheListNothingIsSwitchedOffAndItIsLogged()
        {
            var tile = new TileHarness();
            Assert.Equal(new[] { 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin));
            Assert.Contains(tile.Events.Messages(Events.WinOtpEventId.ProviderFailed), m => m.Contains("not among the registered providers"));
        }

        private static readonly Guid Hello = new Guid("bec09223-b018-416d-a0ac-523971b639f5");
        private static readonly Guid Fido = new Guid("f8a1793b-7873-4046-b2a7-1f318747f427");

        /// <summary>win_allowed_providers: smart card, Windows Hello and FIDO stay beside ours in every filtered scenario; the Password provider never.</summary>
        [Theory]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Console)]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Remote)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, SessionKind.Console)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, SessionKind.Remote)]
        [InlineData(CredentialProviderUsageScenario.CredUI, SessionKind.Console)]
        [InlineData(CredentialProviderUsageScenario.ChangePassword, SessionKind.Console)]
        public void AllowedProvidersStayVisibleWhereACodeIsRequired(CredentialProviderUsageScenario cpus, SessionKind session)
        {
            var tile = new TileHarness { Session = session };
            tile.Computer.Configure(Settings.SettingNames.AllowedProviders, new[] { "{8fd7e19c-3bf7-489b-a72c-846ab3678c96}", Hello.ToString(), Fido.ToString("B") });
            Assert.Equal(new[] { 0, 0, 1, 1, 1, 1 }, Filter(tile, cpus, 0, FakePasswordProvider.Clsid, Pin, Ours, SmartCard, Hello, Fido));
        }

        [Fact]
        public void AllowingThePasswordProviderIsRefusedAndOnlyOurTileStays()
        {
            // The settings are not valid then: our provider shows a tile saying so, the filter still hides Windows' password tile.
            var tile = new TileHarness();
            tile.Computer.Configure(Settings.SettingNames.AllowedProviders, new[] { "{60b78e88-ead8-445c-9cfd-0b87f74ea6cd}", SmartCard.ToString() });
            Assert.Equal(new[] { 0, 1, 0 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Ours, SmartCard));
        }

        [Fact]
        public void WhereNoCodeIsRequiredAllowedProvidersChangeNothing()
        {
            var tile = new TileHarness { RdpOnly = true, Session = SessionKind.Console };
            tile.Computer.Configure(Settings.SettingNames.AllowedProviders, new[] { SmartCard.ToString() });
            Assert.Equal(new[] { 1, 1, 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours, SmartCard));
        }

        [Fact]
        public void AllowedProvidersNeverTakeOurTileAway()
        {
            // Our own CLSID cannot be listed (it is always shown); a list of only other providers still leaves ours on.
            var tile = new TileHarness();
            tile.Computer.Configure(Settings.SettingNames.AllowedProviders, new[] { Pin.ToString() });
            Assert.Equal(new[] { 0, 1, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours));
            tile.Computer.Configure(Settings.SettingNames.AllowedProviders, new[] { Ours.ToString() });
            Assert.Equal(new[] { 0, 0, 1 }, Filter(tile, CredentialProviderUsageScenario.Logon, 0, FakePasswordProvider.Clsid, Pin, Ours));
        }

        [Fact]
        public void RemoteDesktopCredentialsAreRepackedForOurProvider()
        {
            var tile = new TileHarness();
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "ADATUM", "alice", "protected-password-blob"));
            var input = Marshal.AllocCoTaskMem(packed.Length);
            try
            {
                Marshal.Copy(packed, 0, input, packed.Length);
                var incoming = new CredentialSerialization { AuthenticationPackage = 7, CredentialProviderClsid = FakePasswordProvider.Clsid, SerializationSize = (uint)packed.Length, Serialization = input };
                Assert.Equal(HResult.S_OK, new WinOtpCredentialProviderFilter(tile.Services).UpdateRemoteCredential(ref incoming, out var outgoing));

                Assert.Equal(Ours, outgoing.CredentialProviderClsid);
                Assert.Equal(7u, outgoing.AuthenticationPackage);
                Assert.NotEqual(input, outgoing.Serialization);
                var copy = new byte[outgoing.SerializationSize];
                Marshal.Copy(outgoing.Serialization, copy, 0, copy.Length);
                Marshal.FreeCoTaskMem(outgoing.Serialization);
                Assert.Equal(packed, copy);
                // The caller's buffer is untouched: it still owns and frees it.
                var original = new byte[packed.Length];
                Marshal.Copy(input, original, 0, original.Length);
                Assert.Equal(packed, original);
            }
            finally { Marshal.FreeCoTaskMem(input); }
        }

        [Fact]
        public void WhatIsNotAnInteractiveLogonIsNotRetargeted()
        {
            var tile = new TileHarness();
            var bytes = new byte[80];
            bytes[0] = 13; // KerbCertificateLogon: a smart card
            var input = Marshal.AllocCoTaskMem(bytes.Length);
            try
            {
                Marshal.Copy(bytes, 0, input, bytes.Length);
                var incoming = new CredentialSerialization { AuthenticationPackage = 7, SerializationSize = (uint)bytes.Length, Serialization = input };
                Assert.Equal(HResult.E_NOTIMPL, new WinOtpCredentialProviderFilter(tile.Services).UpdateRemoteCredential(ref incoming, out var outgoing));
                Assert.Equal(IntPtr.Zero, outgoing.Serialization);
            }
            finally { Marshal.FreeCoTaskMem(input); }
        }
    }
}
