using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The vault's cross-process lock: the file lock itself (real files), an attempt that cannot get it (Busy, nothing
    /// counted), and the tile's answer then. The race of real processes is <see cref="OfflineRaceTests"/>.
    /// </summary>
    public sealed class VaultLockTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "winotp-lock-tests", Guid.NewGuid().ToString("N"));
        private readonly WinOtpHarness _h = new WinOtpHarness();

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        }

        [Fact]
        public async Task TheLockFileKeepsEveryOtherHolderOutUntilReleased()
        {
            var folder = new VaultFolder(_folder);
            var name = VaultFileName.For(WinOtpHarness.Upn);
            var first = folder.TryLock(name, TimeSpan.Zero);
            Assert.NotNull(first);
            Assert.True(File.Exists(Path.Combine(_folder, name + VaultFolder.LockExtension)));

            var watch = Stopwatch.StartNew();
            Assert.Null(folder.TryLock(name, TimeSpan.FromMilliseconds(200)));
            Assert.True(watch.ElapsedMilliseconds >= 200, "gave up after " + watch.ElapsedMilliseconds + " ms");
            // Another user's vault has its own lock.
            using (var other = folder.TryLock(VaultFileName.For("bob@adatum.labnet"), TimeSpan.Zero)) Assert.NotNull(other);

            // A waiter gets the lock as soon as the holder lets go.
            var waiter = Task.Run(() => folder.TryLock(name, TimeSpan.FromSeconds(10)));
            await Task.Delay(100);
            Assert.False(waiter.IsCompleted);
            first!.Dispose();
            using var second = await waiter;
            Assert.NotNull(second);
        }

        [Fact]
        public void AnAttemptThatCannotTakeTheLockIsRefusedAsBusyAndCountsNothing()
        {
            var device = _h.Register();
            var vault = new OfflineVault(_h.Vault, _h.Registry, _h.Protection, _h.Clock, _h.PasswordIterations, TimeSpan.FromMilliseconds(100));
            vault.StoreForPassword(WinOtpHarness.Upn, device, Package(device), WinOtpHarness.Secret, _h.Clock.UnixSeconds, WinOtpHarness.Password, "Adatum offline (PC1)");
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            var before = _h.Vault.Files.Values.Single();

            using (_h.Vault.TryLock(VaultFileName.For(WinOtpHarness.Upn), TimeSpan.Zero))
            {
                Assert.Equal(OfflineOutcome.Busy, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, "000000", _h.Policy()).Outcome);
                Assert.False(vault.RecordOnlineRefusal(WinOtpHarness.Upn, device, true, null, _h.Policy()));
                Assert.Throws<IOException>(() => vault.Remove(WinOtpHarness.Upn));
                Assert.Equal(before, _h.Vault.Files.Values.Single());
            }
            Assert.Equal(0, vault.Describe(WinOtpHarness.Upn, device).Failures);
            Assert.Equal(OfflineOutcome.Rejected, vault.Verify(WinOtpHarness.Upn, device, WinOtpHarness.Password, "000000", _h.Policy()).Outcome);
            Assert.Equal(1, vault.Describe(WinOtpHarness.Upn, device).Failures);
        }

        [Fact]
        public async Task TheTileSaysToTryAgainWhenAnotherSessionHoldsTheVault()
        {
            _h.Register();
            _h.SignInAndAccept(_h.Code());
            _h.Api.Mode = FakeApiMode.Down;
            _h.NextStep();
            var platform = _h.Platform();
            platform.VaultLockWait = TimeSpan.FromMilliseconds(100);
            LogonResult result;
            using (_h.Vault.TryLock(VaultFileName.For(WinOtpHarness.Upn), TimeSpan.Zero))
                result = await new LogonCoordinator(platform).SignInAsync(new LogonRequest(Decision.LogonScenario.Rdp, "alice", WinOtpHarness.Password, _h.OfflineCode()));
            Assert.Equal(LogonOutcome.Unavailable, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Equal(TileText.English.OfflineBusy, result.Message);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.OfflineRefused), m => m.Contains("another sign-in of this account (another session) held its offline data"));
            // Once free, the same code signs in.
            Assert.Equal(LogonOutcome.AcceptedOffline, (await new LogonCoordinator(platform).SignInAsync(new LogonRequest(Decision.LogonScenario.Rdp, "alice", WinOtpHarness.Password, _h.OfflineCode()))).Outcome);
        }

        private OfflinePackage Package(DeviceCredentials device)
        {
            var package = new OfflinePackage
            {
                Upn = WinOtpHarness.Upn, Alg = "SHA1", Digits = 6, Period = 30, ValidUntil = _h.Clock.UnixSeconds + 30 * 86400L,
                MaxFailures = 5, LockoutMinutes = 5, LastStep = TestCodes.Step(_h.Clock.UtcNow),
            };
            package.WrappedSecret = OfflineSecretWrap.Wrap(device.Key, package, WinOtpHarness.Secret);
            return package;
        }
    }
}
