using System;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// One logon screen: LogonUI's side (events) and Windows' Password provider as fakes, WinOtp.Core for real over
    /// its own fakes (<see cref="WinOtpHarness"/>: registry, DPAPI, clock, vault, and the WEB API as a handler).
    /// </summary>
    public sealed class TileHarness
    {
        public TileHarness(int credentials = 1)
        {
            Computer = new WinOtpHarness();
            Computer.Register();
            Password = new FakePasswordProvider(credentials);
            Services = new ShellServices(() => new CoordinatorTileLogon(Computer.Coordinator()), Password, Computer.Session, Boot, Unprotector, Launcher, Events)
            { UiLanguage = () => Computer.Language };
        }

        public WinOtpHarness Computer { get; }
        public FakePasswordProvider Password { get; }
        public FakeBootMode Boot { get; } = new FakeBootMode();
        public FakeUnprotector Unprotector { get; } = new FakeUnprotector();
        public FakeLauncher Launcher { get; } = new FakeLauncher();
        public RecordingEventLog Events { get; } = new RecordingEventLog();
        public FakeLogonUiEvents LogonUi { get; } = new FakeLogonUiEvents();
        public ShellServices Services { get; }

        public SessionKind Session { set => Computer.Session.Current = value; }
        public bool RdpOnly { set => Computer.Configure(SettingNames.RdpOnly, value ? 1 : 0); }

        public WinOtpCredentialProvider Provider() => new WinOtpCredentialProvider(Services);

        /// <summary>SetUsageScenario, descriptors and credentials, as LogonUI does before showing the tiles.</summary>
        public (WinOtpCredentialProvider Provider, WinOtpCredential Credential) Show(CredentialProviderUsageScenario scenario = CredentialProviderUsageScenario.Logon, int index = 0, uint flags = 0)
        {
            var provider = Provider();
            Assert.Equal(HResult.S_OK, provider.SetUsageScenario(scenario, flags));
            Assert.Equal(HResult.S_OK, provider.GetFieldDescriptorCount(out _));
            Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out var count, out _, out var autoLogon));
            Assert.Equal(0, autoLogon);
            Assert.True(index < count);
            Assert.Equal(HResult.S_OK, provider.GetCredentialAt((uint)index, out var credential));
            var tile = Assert.IsType<WinOtpCredential>(credential);
            Assert.Equal(HResult.S_OK, tile.Advise(LogonUi));
            return (provider, tile);
        }

        /// <summary>What the user types: the wrapped fields through the tile (so the wrapped credential gets them), the code into ours.</summary>
        public void Type(WinOtpCredential tile, string user, string password, string code, uint codeFieldId)
        {
            Assert.Equal(HResult.S_OK, tile.SetStringValue(FakePasswordProvider.UserNameId, user));
            Assert.Equal(HResult.S_OK, tile.SetStringValue(FakePasswordProvider.PasswordId, password));
            Assert.Equal(HResult.S_OK, tile.SetStringValue(codeFieldId, code));
        }

        public static uint CodeField(WinOtpCredentialProvider provider) => Descriptors(provider).Single(d => d.Label == SecureMFA.WinOtp.Logon.TileText.English.CodeLabel).Id;

        public static Tile.TileField[] Descriptors(WinOtpCredentialProvider provider)
        {
            Assert.Equal(HResult.S_OK, provider.GetFieldDescriptorCount(out var count));
            return Enumerable.Range(0, (int)count).Select(i =>
            {
                Assert.Equal(HResult.S_OK, provider.GetFieldDescriptorAt((uint)i, out var block));
                return Tile.FieldDescriptorMemory.ReadAndFree(block);
            }).ToArray();
        }
    }
}
