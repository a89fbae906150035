using System;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Offline sign-in does not hang on LogonUI calling ReportResult (CredUI never does, and LogonUI may end first),
    /// and locking the vault under the password (PBKDF2) does not hold LogonUI's thread.
    /// </summary>
    public class OfflineArmingTests
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();

        private VaultStatus Vault() => _h.OfflineVault().Describe(WinOtpHarness.Upn, _h.Device());

        [Fact]
        public async Task WithoutReportResultTheNextOfflineSignInStillWorks()
        {
            _h.Register();
            var online = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.Accepted, online.Outcome);
            // LogonUI never reports Windows' verdict.

            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(2));
            var coordinator = _h.Coordinator();
            var offline = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, _h.OfflineCode()));
            Assert.Equal(LogonOutcome.AcceptedOffline, offline.Outcome);

            // That logon's verdict, when it comes, locks the data under the password as a sync's is.
            await coordinator.ReportWindowsResult(offline, true);
            Assert.Equal(VaultForm.Password, Vault().Form);
        }

        [Fact]
        public void WithReportResultTheDataIsLockedUnderThePasswordAndWorksOffline()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            Assert.Equal(VaultForm.Password, Vault().Form);
            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
            _h.NextStep();
            Assert.Equal(LogonOutcome.Rejected, _h.SignIn(_h.OfflineCode(), "not the password").Outcome);
        }

        [Fact]
        public void AVaultAlreadyLockedUnderThePasswordIsNotWeakenedByALogonWithoutReportResult()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            var before = Vault();
            _h.NextStep();
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
            var after = Vault();
            Assert.Equal((VaultForm.Password, before.Generation), (after.Form, after.Generation));
        }

        [Fact]
        public void AnExpiredVaultIsReArmedByTheNextOnlineLogonWithoutReportResult()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Clock.Advance(TimeSpan.FromDays(8));
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
            Assert.Equal(VaultForm.Device, Vault().Form);
            _h.Api.Mode = FakeApiMode.Down;
            _h.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(LogonOutcome.AcceptedOffline, _h.SignIn(_h.OfflineCode()).Outcome);
        }

        [Fact]
        public async Task LockingUnderThePasswordRunsOffTheCallersThread()
        {
            _h.Register();
            _h.HoldBackgroundWork();
            var coordinator = _h.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, _h.Code()));
            var writes = _h.Vault.Writes;

            _ = coordinator.ReportWindowsResult(result, true);
            // ReportResult returned; the key derivation and the write wait on the background.
            Assert.Equal(writes, _h.Vault.Writes);
            Assert.Equal(VaultForm.Device, Vault().Form);
            Assert.False(result.HasPendingOfflineData);

            Assert.Single(_h.HeldWork).Invoke();
            Assert.Equal(VaultForm.Password, Vault().Form);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OfflineStored), m => m.Contains("(package limit)"));
        }

        [Fact]
        public async Task OnTheThreadPoolTheTaskCompletesWhenTheDataIsStored()
        {
            _h.Register();
            _h.Background = work => Task.Run(work);
            var coordinator = _h.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, _h.Code()));
            await coordinator.ReportWindowsResult(result, true);
            Assert.Equal(VaultForm.Password, Vault().Form);
        }

        [Fact]
        public async Task ARefusedPasswordQueuesNothing()
        {
            _h.Register();
            _h.HoldBackgroundWork();
            var coordinator = _h.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", "typo", _h.Code()));
            Assert.True(coordinator.ReportWindowsResult(result, false).IsCompleted);
            Assert.Empty(_h.HeldWork);
        }
    }
}
