using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Platform;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// Never a logon screen without a tile: wherever the filter switches Windows' providers off, our provider shows a
    /// tile — the code tile, or one that says why it cannot start — however wrapping the Password provider fails.
    /// </summary>
    public class NoEmptyScreenTests
    {
        private static readonly Guid Ours = new Guid(WinOtpCredentialProvider.Clsid);
        private static readonly Guid Pin = new Guid("cb82ea12-9f71-446d-89e1-8d0924e1256e");

        public enum Failure { None, CreationFails, QueryInterfaceFails, DeclinesScenario, ExceptionInOurs, CoreFails }

        /// <summary>Logon (console), RDP (a logon in a remote session), unlock, CredUI: every scenario the filter filters.</summary>
        public static IEnumerable<object[]> FilteredScenariosAndFailures() =>
            from scenario in new[] { (CredentialProviderUsageScenario.Logon, SessionKind.Console), (CredentialProviderUsageScenario.Logon, SessionKind.Remote),
                                     (CredentialProviderUsageScenario.UnlockWorkstation, SessionKind.Console), (CredentialProviderUsageScenario.CredUI, SessionKind.Console),
                                     (CredentialProviderUsageScenario.ChangePassword, SessionKind.Console) }
            from failure in new[] { Failure.CreationFails, Failure.QueryInterfaceFails, Failure.DeclinesScenario, Failure.ExceptionInOurs, Failure.CoreFails }
            select new object[] { scenario.Item1, scenario.Item2, failure };

        private sealed class Screen
        {
            public Screen(SessionKind session, Failure failure, bool rdpOnly = false)
            {
                Tile = new TileHarness { Session = session, RdpOnly = rdpOnly };
                var core = new ThrowingTileLogon();
                Func<ITileLogon> logon = failure == Failure.CoreFails ? () => { core.Throw = true; return core; } : Tile.Services.Logon;
                Services = new ShellServices(logon, Tile.Password, Tile.Computer.Session, Tile.Boot, Tile.Unprotector, Tile.Launcher, Tile.Events)
                { UiLanguage = () => Tile.Computer.Language };
                switch (failure)
                {
                    case Failure.CreationFails: Tile.Password.CreateFailure = new COMException("Class not registered", unchecked((int)0x80040154)); break;
                    case Failure.QueryInterfaceFails: Tile.Password.CreateFailure = new InvalidCastException("No such interface supported."); break;
                    case Failure.DeclinesScenario: Tile.Password.UsageResult = HResult.E_NOTIMPL; break;
                    case Failure.ExceptionInOurs: Services.OnComCall = name => { if (name == "WinOtpCredentialProvider.SetUsageScenario") throw new NullReferenceException("a bug of ours"); }; break;
                }
            }

            public TileHarness Tile { get; }
            public ShellServices Services { get; }

            /// <summary>The filter's answer for Password, PIN and ours, all allowed before.</summary>
            public int[] Filter(CredentialProviderUsageScenario cpus, uint flags = 0)
            {
                var allow = new[] { 1, 1, 1 };
                new WinOtpCredentialProviderFilter(Services).Filter(cpus, flags, new[] { FakePasswordProvider.Clsid, Pin, Ours }, allow, 3);
                return allow;
            }

            /// <summary>What LogonUI gets from our provider: null when it dropped the provider (a failed SetUsageScenario), else its credentials.</summary>
            public (WinOtpCredentialProvider Provider, ICredentialProviderCredential[] Credentials)? Provider(CredentialProviderUsageScenario cpus, uint flags = 0)
            {
                var provider = new WinOtpCredentialProvider(Services);
                if (provider.SetUsageScenario(cpus, flags) != HResult.S_OK) return null;
                Assert.Equal(HResult.S_OK, provider.Advise(null, UIntPtr.Zero));
                Assert.Equal(HResult.S_OK, provider.GetFieldDescriptorCount(out _));
                Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out var count, out _, out var autoLogon));
                Assert.Equal(0, autoLogon);
                var credentials = Enumerable.Range(0, (int)count).Select(i =>
                {
                    Assert.Equal(HResult.S_OK, provider.GetCredentialAt((uint)i, out var credential));
                    return credential!;
                }).ToArray();
                return (provider, credentials);
            }
        }

        [Theory]
        [MemberData(nameof(FilteredScenariosAndFailures))]
        public void WhereTheFilterFiltersAFailureToWrapStillShowsOneTileThatSaysWhy(CredentialProviderUsageScenario cpus, SessionKind session, Failure failure)
        {
            var screen = new Screen(session, failure);
            Assert.Equal(new[] { 0, 0, 1 }, screen.Filter(cpus));

            var shown = screen.Provider(cpus);
            Assert.True(shown.HasValue, "LogonUI would drop the provider: the screen would have no tile");
            var (provider, credentials) = shown!.Value;
            var tile = Assert.IsType<UnavailableCredential>(Assert.Single(credentials));
            Assert.StartsWith("SecureMFA WIN OTP cannot start: ", tile.Message);
            Assert.Contains("— event 5553", tile.Message);

            // It shows the message, and nothing to type or submit.
            var fields = TileHarness.Descriptors(provider);
            Assert.DoesNotContain(fields, f => f.Type == CredentialProviderFieldType.SubmitButton || f.Type == CredentialProviderFieldType.EditText || f.Type == CredentialProviderFieldType.PasswordText);
            var visible = fields.Where(f => tile.GetFieldState(f.Id, out var state, out _) == HResult.S_OK && state != CredentialProviderFieldState.Hidden).ToArray();
            Assert.Contains(visible, f => tile.GetStringValue(f.Id, out var text) == HResult.S_OK && text == tile.Message);

            Assert.Equal(HResult.S_OK, tile.GetSerialization(out var response, out var serialization, out var status, out var icon));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
            Assert.Equal(IntPtr.Zero, serialization.Serialization);
            Assert.Equal(tile.Message, status);
            Assert.Equal(CredentialProviderStatusIcon.Error, icon);

            Assert.Contains(screen.Tile.Events.Messages(WinOtpEventId.ProviderFailed), m => m.StartsWith(tile.Message));
        }

        [Theory]
        [InlineData(Failure.CreationFails, "could not be created (0x80040154)")]
        [InlineData(Failure.QueryInterfaceFails, "QueryInterface failed")]
        [InlineData(Failure.DeclinesScenario, "declined this sign-in (0x80004001)")]
        [InlineData(Failure.ExceptionInOurs, "an unexpected error in the provider")]
        [InlineData(Failure.CoreFails, "it could not decide whether a code is required (InvalidOperationException)")]
        public void TheTileSaysWhatIsWrong(Failure failure, string reason)
        {
            var shown = new Screen(SessionKind.Console, failure).Provider(CredentialProviderUsageScenario.Logon);
            var tile = Assert.IsType<UnavailableCredential>(Assert.Single(shown!.Value.Credentials));
            Assert.Contains(reason, tile.Message);
        }

        /// <summary>
        /// The consistency itself, over every scenario, session, RDPonly setting and failure: whenever the filter
        /// switches Windows' providers off, our provider is not dropped and gives at least one tile.
        /// </summary>
        [Fact]
        public void ThereIsNoPathWhereTheFilterHidesWindowsTilesAndOursShowsNothing()
        {
            var checkedScreens = 0;
            foreach (CredentialProviderUsageScenario cpus in Enum.GetValues(typeof(CredentialProviderUsageScenario)))
                foreach (var flags in new[] { 0u, ScenarioMap.CredUIWinGeneric, WinOtpCredential.CredUIWinPack32Wow })
                    foreach (SessionKind session in Enum.GetValues(typeof(SessionKind)))
                        foreach (var rdpOnly in new[] { false, true })
                            foreach (Failure failure in Enum.GetValues(typeof(Failure)))
                                foreach (var safeMode in new[] { false, true })
                                {
                                    var screen = new Screen(session, failure, rdpOnly);
                                    screen.Tile.Boot.IsSafeMode = safeMode;
                                    var filtered = screen.Filter(cpus, flags)[0] == 0;
                                    var shown = screen.Provider(cpus, flags);
                                    var where = $"{cpus} flags 0x{flags:X} {session} rdpOnly={rdpOnly} {failure} safeMode={safeMode}";
                                    if (filtered) Assert.True(shown.HasValue && shown.Value.Credentials.Length > 0, "no tile: " + where);
                                    // And where it stands aside, it stands aside completely: Windows' tiles are there.
                                    else Assert.True(!shown.HasValue, "our tile beside Windows' unfiltered ones: " + where);
                                    checkedScreens++;
                                }
            Assert.True(checkedScreens > 1000);
        }

        [Fact]
        public void WhenThePasswordProviderGivesNoTilesTheStatusLineSaysWhy()
        {
            var tile = new TileHarness();
            var provider = tile.Provider();
            Assert.Equal(HResult.S_OK, provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
            var fields = TileHarness.Descriptors(provider);
            tile.Password.Throw = true;
            Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out var count, out _, out _));
            Assert.Equal(1u, count);
            Assert.Equal(HResult.S_OK, provider.GetCredentialAt(0, out var credential));
            var floor = Assert.IsType<UnavailableCredential>(credential);
            var status = fields.Single(f => f.Type == CredentialProviderFieldType.SmallText && f.Label.Length == 0).Id;
            Assert.Equal(HResult.S_OK, floor.GetFieldState(status, out var state, out _));
            Assert.Equal(CredentialProviderFieldState.DisplayInBoth, state);
            Assert.Equal(HResult.S_OK, floor.GetStringValue(status, out var text));
            Assert.StartsWith("SecureMFA WIN OTP cannot start: Windows' Password provider did not give its tiles", text);
            foreach (var field in fields.Where(f => f.Id != status))
            {
                Assert.Equal(HResult.S_OK, floor.GetFieldState(field.Id, out var hidden, out _));
                Assert.Equal(CredentialProviderFieldState.Hidden, hidden);
            }
        }
    }
}
