using System.Linq;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// win_unenrolled_policy and win_enforce through LogonCoordinator against the fake API, which answers not_enrolled
    /// without a first sighting (as the real API does on an AD store) and has no rollout report endpoint (404).
    /// The real API's side is in <see cref="RolloutEndToEndTests"/>.
    /// </summary>
    public class RolloutDecisionTests
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();

        private int Calls(string path) => _h.Api.Requests.Count(r => r.Uri.AbsolutePath.EndsWith(path));

        [Fact]
        public void SettingsDefaultToDenyAndEnforceAndReadAnyLetterCase()
        {
            var defaults = _h.Settings();
            Assert.Equal((UnenrolledPolicy.Deny, 14, Enforcement.Enforce), (defaults.UnenrolledPolicy, defaults.UnenrolledGraceDays, defaults.Enforce));
            _h.Configure(SettingNames.UnenrolledPolicy, "grace");
            _h.Configure(SettingNames.UnenrolledGraceDays, "30");
            _h.Configure(SettingNames.Enforce, "REPORTONLY");
            var set = _h.Settings();
            Assert.Equal((UnenrolledPolicy.Grace, 30, Enforcement.ReportOnly), (set.UnenrolledPolicy, set.UnenrolledGraceDays, set.Enforce));
        }

        [Theory]
        [InlineData(SettingNames.UnenrolledPolicy, "Maybe", "win_unenrolled_policy: 'Maybe' is not one of Deny, Allow, Grace.")]
        [InlineData(SettingNames.Enforce, "Audit", "win_enforce: 'Audit' is not one of Enforce, ReportOnly.")]
        [InlineData(SettingNames.UnenrolledGraceDays, 0, "win_unenrolled_grace_days: 0 is outside 1-365 days.")]
        [InlineData(SettingNames.UnenrolledGraceDays, 366, "win_unenrolled_grace_days: 366 is outside 1-365 days.")]
        public void ABadValueIsAnErrorNamingTheSetting(string name, object value, string error)
        {
            _h.Configure(name, value);
            var read = SettingsReader.Read(_h.Registry);
            Assert.False(read.IsValid);
            Assert.Contains(error, read.Errors);
        }

        [Fact]
        public void GraceWithoutAFirstSightingFromTheApiIsADenialThatSaysWhy()
        {
            _h.Register();
            _h.Configure(SettingNames.UnenrolledPolicy, "Grace");
            _h.Configure(SettingNames.SsprUrl, "https://adfs.adatum.labnet/adfs/ls/idpinitiatedsignon");
            var result = _h.SignIn("", user: "mallory");
            Assert.Equal(LogonOutcome.NotEnrolled, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Equal(TileText.English.EnrolFirst("mallory@adatum.labnet", "https://adfs.adatum.labnet/adfs/ls/idpinitiatedsignon"), result.Message);
            var decision = Assert.Single(_h.Events.Events, e => e.Id == WinOtpEventId.NotEnrolled);
            Assert.Contains("gave no first sighting", decision.Message);
            Assert.Equal(1, Calls("/v1/otp/verify"));
        }

        [Fact]
        public void AllowLetsTheUnenrolledPasswordThroughWithoutAnyCodeAndTheEventSaysSo()
        {
            _h.Register();
            _h.Configure(SettingNames.UnenrolledPolicy, "Allow");
            var result = _h.SignIn("", user: "mallory");
            Assert.Equal((LogonOutcome.AllowedNotEnrolled, true), (result.Outcome, result.MayProceed));
            Assert.False(result.HasPendingOfflineData);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.NotEnrolled), m => m.Contains("mallory@adatum.labnet") && m.Contains("Allow"));
            // Alice has an account here (the fake knows no confirmation): a blank code asks for the code, as before.
            Assert.Equal(LogonOutcome.InvalidInput, _h.SignIn("").Outcome);
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
        }

        [Fact]
        public void ReportOnlyServesEveryScenarioAsksNoCodeChecksNoCodeAndReportsWhatItWouldHaveDone()
        {
            _h.Register();
            _h.Configure(SettingNames.Enforce, "ReportOnly");
            _h.Configure(SettingNames.RdpOnly, 1);
            _h.Session.Current = SessionKind.Console;
            var coordinator = _h.Coordinator();
            Assert.False(coordinator.AsksForCode);
            Assert.False(coordinator.IsCodeRequired(LogonScenario.Logon));
            Assert.True(coordinator.ServesTile(LogonScenario.Logon));

            var excluded = _h.SignIn("", scenario: LogonScenario.Logon);
            Assert.Equal((LogonOutcome.ReportOnly, true), (excluded.Outcome, excluded.MayProceed));
            var required = _h.SignIn("000000", scenario: LogonScenario.Rdp);
            Assert.Equal(LogonOutcome.ReportOnly, required.Outcome);
            Assert.Equal(0, Calls("/v1/otp/verify"));
            Assert.Equal(2, Calls("/v1/rollout/report"));
            var reports = _h.Events.Messages(WinOtpEventId.ReportOnly).ToList();
            Assert.Contains(reports, m => m.Contains("alice@adatum.labnet (logon) on PC1 would have been excluded") && m.Contains("refused the report"));
            Assert.Contains(reports, m => m.Contains("alice@adatum.labnet (rdp) on PC1 would have been code_required"));
            Assert.All(_h.Events.Events.Select(e => e.Message), m => Assert.DoesNotContain("000000", m));
        }

        [Fact]
        public void ReportOnlyLearnsThatTheComputerWasRevokedFromTheSignedRefusal()
        {
            var device = _h.Register();
            _h.Configure(SettingNames.Enforce, "ReportOnly");
            _h.Api.Revoked.Add(device.DeviceId);
            Assert.Equal(LogonOutcome.ReportOnly, _h.SignIn("").Outcome);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("was revoked by an administrator"));
            Assert.True(new Device.DeviceStore(_h.Registry, _h.Protection).IsRevoked);
        }

        [Fact]
        public void ReportOnlyOnAnUnregisteredComputerStillLetsThePasswordThroughAndSaysItCouldNotReport()
        {
            _h.Configure(SettingNames.Enforce, "ReportOnly");
            var result = _h.SignIn("", user: "bad/name");
            Assert.Equal(LogonOutcome.ReportOnly, result.Outcome);
            var report = Assert.Single(_h.Events.Messages(WinOtpEventId.ReportOnly));
            Assert.Contains("bad/name (rdp) would have been identity_not_mapped; not reported to the WEB API", report);
        }
    }
}
