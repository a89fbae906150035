using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SecureMFA.Otp.Totp;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>The tile's whole flow against the in-process fake API: online, offline, sync, and what goes to the event log.</summary>
    public class LogonCoordinatorTests
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();

        [Fact]
        public void OnTheConsoleWithRdpOnlyNothingIsAskedAndTheApiIsNotCalled()
        {
            _h.Register();
            _h.Configure(SettingNames.RdpOnly, 1);
            _h.Session.Current = SessionKind.Console;
            var coordinator = _h.Coordinator();
            Assert.False(coordinator.IsCodeRequired(LogonScenario.Logon));
            Assert.True(coordinator.IsCodeRequired(LogonScenario.Rdp));
            var requests = _h.Api.Requests.Count;
            var result = _h.SignIn("", scenario: LogonScenario.Logon);
            Assert.Equal(LogonOutcome.NotRequired, result.Outcome);
            Assert.True(result.MayProceed);
            Assert.Equal(requests, _h.Api.Requests.Count);

            _h.Session.Current = SessionKind.Remote;
            Assert.Equal(LogonOutcome.InvalidInput, _h.SignIn("", scenario: LogonScenario.Logon).Outcome);
        }

        /// <summary>What the WEB API would refuse as invalid_upn is refused on the tile, with an event, and never sent.</summary>
        [Theory]
        [InlineData("\uFF41lice", "U+FF41")]             // full-width a: a plainer spelling exists
        [InlineData("\u212Aim", "U+212A")]               // KELVIN SIGN
        [InlineData("ali\u200Bce", "U+200B")]            // zero-width space
        [InlineData("e\u0301lodie@adatum.labnet", "U+0065")]  // decomposed accent
        public void ANameTheApiWouldRefuseIsRefusedOnTheTileWithAnEventAndNotSent(string typed, string named)
        {
            _h.Register();
            var requests = _h.Api.Requests.Count;
            var result = _h.SignIn(_h.Code(), user: typed);
            Assert.Equal(LogonOutcome.InvalidInput, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Equal(TileText.English.InvalidUserName, result.Message);
            Assert.Equal(requests, _h.Api.Requests.Count);
            var refusal = Assert.Single(_h.Events.Events, e => e.Id == WinOtpEventId.OtpFailed);
            Assert.Equal(WinOtpEventLevel.Warning, refusal.Level);
            Assert.Contains("without asking the WEB API", refusal.Message);
            Assert.Contains(named, refusal.Message);
        }

        [Fact]
        public async Task AnAcceptedCodeLetsTheSignInGoOnAndLocksOfflineDataUnderThePasswordOnlyOnceWindowsAgrees()
        {
            _h.Register();
            var coordinator = _h.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, @"ADATUM\alice", WinOtpHarness.Password, _h.Code()));
            Assert.Equal(LogonOutcome.Accepted, result.Outcome);
            Assert.True(result.MayProceed);
            Assert.Equal(WinOtpHarness.Upn, result.Upn);
            Assert.True(result.HasPendingOfflineData);
            // Armed at once in the device wrap (no password in it): offline sign-in does not hang on ReportResult.
            Assert.Equal(VaultForm.Device, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);
            var sent = _h.Api.Requests.Last().BodyText;
            Assert.Contains("\"upn\":\"alice@adatum.labnet\"", sent);
            Assert.Contains("\"scenario\":\"rdp\"", sent);
            Assert.Contains("\"machine\":\"PC1\"", sent);
            Assert.Contains("\"offline\":true,\"offlineDays\":7", sent);

            await coordinator.ReportWindowsResult(result, true);
            Assert.False(result.HasPendingOfflineData);
            Assert.Single(_h.Vault.Files);
            Assert.Equal(VaultForm.Password, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);
            Assert.Equal(2, _h.Events.Messages(WinOtpEventId.OfflineStored).Count());
        }

        [Fact]
        public async Task APasswordWindowsRejectsIsNeverUsedForTheVault()
        {
            _h.Register();
            var coordinator = _h.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", "typo", _h.Code()));
            Assert.True(result.MayProceed);
            await coordinator.ReportWindowsResult(result, false);
            await coordinator.ReportWindowsResult(result, true);
            // Only the device wrap of the accept: nothing was ever locked under the refused password.
            Assert.Equal(VaultForm.Device, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);
        }

        [Fact]
        public void OnlineRefusalsSayWhyAndLetNobodyIn()
        {
            _h.Register();
            var code = _h.Code();
            Assert.True(_h.SignIn(code).MayProceed);

            var replay = _h.SignIn(code);
            Assert.Equal(LogonOutcome.Replay, replay.Outcome);
            Assert.False(replay.MayProceed);
            Assert.Equal(TileText.English.Replay, replay.Message);

            var wrong = _h.SignIn("000000");
            Assert.Equal(LogonOutcome.Rejected, wrong.Outcome);
            Assert.Equal(4, wrong.AttemptsLeft);
            Assert.Contains("Attempts left before a lockout: 4", wrong.Message);

            for (var i = 0; i < 4; i++) _h.SignIn("000000");
            var locked = _h.SignIn(_h.Code(1));
            Assert.Equal(LogonOutcome.Locked, locked.Outcome);
            Assert.NotNull(locked.LockedUntil);
            Assert.StartsWith("Too many wrong codes", locked.Message);

            _h.Api.Users[WinOtpHarness.Upn].Disabled = true;
            Assert.Equal(LogonOutcome.Disabled, _h.SignIn(_h.Code(1)).Outcome);
            var unknown = _h.SignIn(_h.Code(), user: "mallory");
            Assert.Equal(LogonOutcome.NotEnrolled, unknown.Outcome);
            Assert.Contains("mallory@adatum.labnet", unknown.Message);
        }

        [Fact]
        public void WhenTheApiIsDownTheVaultSignsTheUserIn()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromHours(3));
            _h.Api.Mode = FakeApiMode.Down;
            var result = _h.SignIn(_h.OfflineCode());
            Assert.Equal(LogonOutcome.AcceptedOffline, result.Outcome);
            Assert.True(result.MayProceed);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("Network"));
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OtpOk), m => m.Contains("offline"));
        }

        [Fact]
        public void ATimeoutFallsBackToOffline()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            _h.Configure(SettingNames.ApiTimeout, 500);
            _h.Api.Mode = FakeApiMode.Hang;
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("Timeout") && m.Contains("500 ms"));
        }

        [Fact]
        public void AForgedAcceptIsNotAnAcceptAndWithoutOfflineDataNobodyGetsIn()
        {
            _h.Register();
            _h.Api.Mode = FakeApiMode.ForgeAccept;
            var result = _h.SignIn("123456");
            Assert.Equal(LogonOutcome.Unavailable, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Equal(TileText.English.NoOfflineData, result.Message);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("BadSignature"));

            _h.Api.Mode = FakeApiMode.StripSignature;
            Assert.False(_h.SignIn(_h.Code()).MayProceed);
        }

        [Fact]
        public void AForgedAcceptFallsBackToTheVaultWhichStillWantsTheRightCode()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            _h.Api.Mode = FakeApiMode.ForgeAccept;
            Assert.Equal(LogonOutcome.Rejected, _h.SignIn("000000").Outcome);
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
        }

        [Fact]
        public void AStoreOutageBehindTheApiFallsBackToOffline()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            _h.Api.Mode = FakeApiMode.StoreUnavailable;
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
        }

        [Fact]
        public void AnOnlineLockoutHoldsWhenTheCableIsPulled()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.NextStep();
            for (var i = 0; i < 5; i++) _h.SignIn("000000");
            _h.Api.Mode = FakeApiMode.Down;
            var offline = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Locked, offline.Outcome);
            Assert.False(offline.MayProceed);
        }

        /// <summary>The protocol: a reject with reason "malformed" (not the user's number of digits) is not counted as an attempt; nor is it here.</summary>
        [Fact]
        public void AnOnlineRejectOfAMalformedCodeIsNotCountedOffline()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Api.Users[WinOtpHarness.Upn].Parameters = new TotpParameters(TotpAlgorithm.SHA1, 8, 30);
            _h.NextStep();
            var malformed = _h.SignIn("123456");
            Assert.Equal(LogonOutcome.InvalidInput, malformed.Outcome);
            Assert.Equal(0, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Failures);

            Assert.Equal(LogonOutcome.Rejected, _h.SignIn("12345678").Outcome);
            Assert.Equal(1, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Failures);
        }

        [Fact]
        public void ADisabledUsersOfflineDataIsRemoved()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            Assert.Single(_h.Vault.Files);
            _h.Api.Users[WinOtpHarness.Upn].Disabled = true;
            _h.NextStep();
            Assert.Equal(LogonOutcome.Disabled, _h.SignIn(_h.Code()).Outcome);
            Assert.Empty(_h.Vault.Files);
            _h.Api.Mode = FakeApiMode.Down;
            Assert.Equal(LogonOutcome.Unavailable, _h.SignIn(_h.Code(1)).Outcome);
        }

        [Fact]
        public void WhenTheApiStopsOfferingOfflineTheLocalDataGoes()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Api.OfflineMaxDays = 0;
            _h.NextStep();
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
            Assert.Empty(_h.Vault.Files);
        }

        [Fact]
        public void APasswordChangeNeedsOneOnlineSignInThenWorksOffline()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code(), "Old-Password-1");
            _h.Clock.Advance(TimeSpan.FromHours(1));
            _h.Api.Mode = FakeApiMode.Down;
            var refused = _h.SignIn(_h.OfflineCode(), "New-Password-2");
            Assert.Equal(LogonOutcome.Rejected, refused.Outcome);
            Assert.Equal(TileText.English.PasswordMismatch, refused.Message);

            _h.Api.Mode = FakeApiMode.Normal;
            _h.NextStep();
            Assert.Equal(LogonOutcome.Accepted, _h.SignInAndAccept(_h.Code(), "New-Password-2").Outcome);

            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(LogonOutcome.Rejected, _h.SignIn(_h.OfflineCode(), "Old-Password-1").Outcome);
            _h.NextStep();
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode(), "New-Password-2").Outcome);
        }

        [Fact]
        public async Task ASyncWithUserNameAndCodeEnablesOfflineAndTheFirstSignInLocksItUnderThePassword()
        {
            _h.Register();
            var coordinator = _h.Coordinator();
            var synced = await coordinator.SyncForOfflineAsync("alice", _h.Code());
            Assert.Equal(LogonOutcome.Synced, synced.Outcome);
            Assert.False(synced.MayProceed);
            Assert.Equal(_h.Clock.UtcNow.AddDays(7), synced.OfflineValidUntil);
            Assert.StartsWith("Offline sign-in is ready for alice@adatum.labnet until ", synced.Message);
            Assert.Equal(VaultForm.Device, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);

            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(5));
            coordinator = _h.Coordinator();
            var offline = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Unlock, "alice", WinOtpHarness.Password, _h.OfflineCode()));
            Assert.Equal(LogonOutcome.AcceptedOffline, offline.Outcome);
            Assert.True(offline.HasPendingOfflineData);
            await coordinator.ReportWindowsResult(offline, true);
            Assert.Equal(VaultForm.Password, _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device()).Form);

            _h.NextStep();
            Assert.Equal(LogonOutcome.Rejected, _h.SignIn(_h.OfflineCode(), "another password").Outcome);
        }

        [Fact]
        public async Task SyncNeedsTheNetworkAndOfflineTurnedOn()
        {
            _h.Register();
            _h.Api.Mode = FakeApiMode.Down;
            Assert.Equal(TileText.English.SyncNeedsNetwork, (await _h.Coordinator().SyncForOfflineAsync("alice", "123456")).Message);
            _h.Configure(SettingNames.OfflineValidDays, 0);
            Assert.Equal(TileText.English.SyncOff, (await _h.Coordinator().SyncForOfflineAsync("alice", "123456")).Message);
        }

        [Fact]
        public void WithOfflineOffNothingIsStoredAndTheApiIsNotAskedForAPackage()
        {
            _h.Register();
            _h.Configure(SettingNames.OfflineValidDays, 0);
            var result = _h.SignInAndAccept(_h.Code());
            Assert.Equal(LogonOutcome.Accepted, result.Outcome);
            Assert.Contains("\"offline\":false}", _h.Api.Requests.Last().BodyText);
            Assert.Empty(_h.Vault.Files);
            _h.Api.Mode = FakeApiMode.Down;
            _h.NextStep();
            Assert.Equal(TileText.English.OfflineOff, _h.SignIn(_h.Code()).Message);
        }

        [Fact]
        public void AnUnregisteredComputerOrBrokenSettingsLetNobodyIn()
        {
            var unregistered = _h.SignIn("123456");
            Assert.Equal(LogonOutcome.NotConfigured, unregistered.Outcome);
            Assert.Equal(TileText.English.NotRegistered, unregistered.Message);

            _h.Register();
            _h.Configure(SettingNames.ApiTimeout, "soon");
            var broken = _h.SignIn("123456");
            Assert.Equal(LogonOutcome.NotConfigured, broken.Outcome);
            Assert.False(broken.MayProceed);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ConfigurationFailed), m => m.Contains("win_api_timeout: 'soon'"));
        }

        [Fact]
        public async Task ADeviceKeyFromAnotherComputerIsRefused()
        {
            _h.Register();
            var elsewhere = new WinOtpPlatform(_h.Registry, new FakeMachineProtection(), _h.Clock, _h.Events, _h.Session, _h.Vault, _ => _h.Api, "PC2");
            var result = await new LogonCoordinator(elsewhere).SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", "x", "123456"));
            Assert.Equal(LogonOutcome.NotConfigured, result.Outcome);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("win_device_key cannot be opened on this computer"));
        }

        [Fact]
        public async Task AnythingUnexpectedIsAFailureNotAnException()
        {
            _h.Register();
            var throwing = new WinOtpPlatform(_h.Registry, _h.Protection, _h.Clock, _h.Events, _h.Session, _h.Vault, _ => throw new InvalidOperationException("boom"), "PC1");
            var result = await new LogonCoordinator(throwing).SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", "x", "123456"));
            Assert.Equal(LogonOutcome.Failed, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("InvalidOperationException: boom"));

            var badEvents = new WinOtpPlatform(_h.Registry, _h.Protection, _h.Clock, new ThrowingEventLog(), _h.Session, _h.Vault, _ => _h.Api, "PC1");
            Assert.Equal(LogonOutcome.Accepted, (await new LogonCoordinator(badEvents).SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", "x", _h.Code()))).Outcome);
        }

        [Fact]
        public async Task NoEventEverHoldsACodePasswordSecretKeyOrTheBootstrapValue()
        {
            _h.Configure(SettingNames.VerboseLog, 1);
            var device = _h.Register();
            var codes = new System.Collections.Generic.List<string> { "000000", "999999" };
            void Track(string code) => codes.Add(code);

            var first = _h.Code(); Track(first);
            _h.SignInAndAccept(first);
            _h.SignIn(first);
            _h.SignIn("000000");
            _h.NextStep();
            var second = _h.Code(); Track(second);
            await _h.Coordinator().SyncForOfflineAsync("alice", second);
            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(1));
            var third = _h.Code(); Track(third);
            _h.SignIn(third);
            _h.SignIn("999999", "wrong password");
            _h.Api.Mode = FakeApiMode.ForgeAccept;
            _h.SignIn("999999");
            await _h.Coordinator().CheckDeviceAsync();

            var all = _h.Events.All;
            Assert.NotEmpty(_h.Events.Events);
            foreach (var code in codes) Assert.DoesNotContain(code, all);
            foreach (var secret in new[] { WinOtpHarness.Password, "wrong password", _h.Api.Bootstrap, "12345678901234567890", Convert.ToBase64String(device.Key), Convert.ToBase64String(WinOtpHarness.Secret) })
                Assert.DoesNotContain(secret, all);
            Assert.True(_h.Events.Events.All(e => (int)e.Id >= 5550 && (int)e.Id <= 5557));
            // Nor is the bootstrap value kept anywhere after registration.
            Assert.DoesNotContain(_h.Registry.AllText(), v => v.Contains(_h.Api.Bootstrap));
        }

        [Fact]
        public void MessagesForTheTileNeverEchoTheCode()
        {
            _h.Register();
            var code = _h.Code();
            _h.SignIn(code);
            foreach (var result in new[] { _h.SignIn(code), _h.SignIn("000000"), _h.SignIn("12 34"), _h.SignIn(code, user: "") })
            {
                Assert.DoesNotContain(code, result.Message);
                Assert.DoesNotContain("000000", result.Message);
                Assert.DoesNotContain(WinOtpHarness.Password, result.ToString());
            }
        }

        /// <summary>
        /// The API's accept is authoritative: when the offline data it says must go cannot be removed (the registry or the
        /// vault folder refuses), the user still signs in and the failure is an event.
        /// </summary>
        [Fact]
        public void AnOnlineAcceptStandsWhenTheOfflineDataCannotBeRemoved()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            Assert.Single(_h.Vault.Files);
            _h.Api.OfflineMaxDays = 0;

            _h.NextStep();
            _h.Registry.FailWrites = true;
            var registryRefuses = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Accepted, registryRefuses.Outcome);
            Assert.True(registryRefuses.MayProceed);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OfflineRefused), m => m.Contains("Offline data of alice@adatum.labnet could not be removed (the API no longer allows offline sign-in for this account): UnauthorizedAccessException"));
            Assert.Single(_h.Vault.Files);
            _h.Registry.FailWrites = false;

            _h.NextStep();
            _h.Vault.FailReads = true;
            var folderRefuses = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Accepted, folderRefuses.Outcome);
            Assert.True(folderRefuses.MayProceed);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OfflineRefused), m => m.Contains("could not be removed") && m.Contains("IOException"));
            _h.Vault.FailReads = false;

            // The next online accept removes it.
            _h.NextStep();
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
            Assert.Empty(_h.Vault.Files);
        }

        /// <summary>A refusal stays the refusal it is when the vault cannot follow it (no Failed instead, no exception).</summary>
        [Fact]
        public void AnOnlineRefusalStandsWhenTheOfflineDataCannotFollowIt()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.NextStep();
            _h.Vault.FailReads = true;
            Assert.Equal(LogonOutcome.Rejected, _h.SignIn("000000").Outcome);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OfflineRefused), m => m.Contains("The online failure of alice@adatum.labnet was not copied into its offline data (IOException"));
            _h.Api.Users[WinOtpHarness.Upn].Disabled = true;
            Assert.Equal(LogonOutcome.Disabled, _h.SignIn(_h.Code()).Outcome);
        }

        /// <summary>The class promises that no method throws: the status display included.</summary>
        [Fact]
        public void DescribingOfflineDataNeverThrows()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            var coordinator = _h.Coordinator();
            Assert.Equal(OfflineOutcome.Accepted, coordinator.DescribeOffline("alice")!.State);

            _h.Vault.FailReads = true;
            Assert.Null(coordinator.DescribeOffline("alice"));
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("Unexpected error during offline status: IOException"));
            _h.Vault.FailReads = false;

            Assert.Null(coordinator.DescribeOffline(null!));
            var brokenDpapi = new WinOtpPlatform(_h.Registry, new ThrowingProtection(), _h.Clock, _h.Events, _h.Session, _h.Vault, _ => _h.Api, "PC1");
            Assert.Null(new LogonCoordinator(brokenDpapi).DescribeOffline("alice"));
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("Unexpected error during offline status: InvalidOperationException"));
        }

        [Fact]
        public async Task TheDeviceCheckReportsSkewInAnEvent()
        {
            _h.Register();
            var reply = await _h.Coordinator().CheckDeviceAsync();
            Assert.Equal(0, reply!.Answer!.ClockSkewSeconds);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderOk), m => m.Contains("0 s from the server's"));
        }

        private sealed class ThrowingEventLog : IWinOtpEventLog
        {
            public void Write(WinOtpEventId id, WinOtpEventLevel level, string message) => throw new InvalidOperationException("event log full");
        }

        /// <summary>DPAPI failing in a way it is not documented to (not a CryptographicException).</summary>
        private sealed class ThrowingProtection : IMachineProtection
        {
            public byte[] Protect(byte[] data, byte[] entropy) => throw new InvalidOperationException("DPAPI broken");
            public byte[] Unprotect(byte[] blob, byte[] entropy) => throw new InvalidOperationException("DPAPI broken");
        }
    }
}
