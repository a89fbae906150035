using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// How long LogonUI's thread can wait at the tile: the API's whole timeout (win_api_timeout, at most 30 s), then the
    /// vault lock's wait, then one key derivation. Proven with an API that never answers and a vault another session
    /// holds, on short settings (the composition is what is tested; nobody waits 30 s).
    /// </summary>
    public class LongestWaitTests
    {
        [Theory]
        [InlineData(120000, 30000, true)]
        [InlineData(30001, 30000, true)]
        [InlineData(30000, 30000, false)]
        [InlineData(10000, 10000, false)]
        public void AnApiTimeoutAboveThirtySecondsIsClampedWithAWarningNamingTheValue(int configured, int used, bool warned)
        {
            var registry = new FakeRegistry();
            registry.SetValue("", SettingNames.AnchorDnsName, "adatum.labnet");
            registry.SetValue("", SettingNames.ApiEndpoint, FakeWebApi.Endpoint);
            registry.SetValue("", SettingNames.ApiTimeout, configured);
            var read = SettingsReader.Read(registry);
            Assert.True(read.IsValid);
            Assert.Equal(used, read.Settings!.ApiTimeoutMs);
            Assert.Equal(warned, read.Warnings.Any(w => w.Contains(SettingNames.ApiTimeout) && w.Contains(configured + " ms")));
        }

        [Fact]
        public void TheClampIsWrittenAsAWarningEvent()
        {
            var h = new WinOtpHarness();
            h.Configure(SettingNames.ApiTimeout, 90000);
            var coordinator = h.Coordinator();
            Assert.Contains(h.Events.Events, e => e.Id == Events.WinOtpEventId.ConfigurationFailed && e.Level == Events.WinOtpEventLevel.Warning && e.Message.Contains("90000 ms"));
            Assert.Equal(TimeSpan.FromSeconds(30) + OfflineVault.DefaultLockWait, coordinator.LongestWait);
        }

        [Fact]
        public async Task AnApiThatNeverAnswersAndABusyVaultKeepTheTileNoLongerThanTheBound()
        {
            var h = new WinOtpHarness();
            h.Register();
            h.SignInAndAccept(h.Code());
            h.Clock.Advance(TimeSpan.FromMinutes(5));
            h.Configure(SettingNames.ApiTimeout, 500);
            h.VaultLockWait = TimeSpan.FromMilliseconds(300);
            h.Api.Mode = FakeApiMode.Hang;
            var coordinator = h.Coordinator();
            Assert.Equal(TimeSpan.FromMilliseconds(800), coordinator.LongestWait);

            // Another session holds this user's vault all along.
            using (h.Vault.TryLock(VaultFileName.For(WinOtpHarness.Upn), TimeSpan.Zero))
            {
                var watch = Stopwatch.StartNew();
                var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, h.Code()));
                watch.Stop();
                Assert.Equal(LogonOutcome.Unavailable, result.Outcome);
                Assert.Equal(TileText.English.OfflineBusy, result.Message);
                // It waited for both (the API's timeout and the lock's wait), and not unboundedly past them.
                Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(750), coordinator.LongestWait + TimeSpan.FromSeconds(5));
            }
        }
    }
}
