using System;
using System.IO;
using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Startup;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The one server start-up every host uses: its events, its one exception, what it opens and closes.</summary>
    public sealed class DeploymentTests : IDisposable
    {
        private const string Passphrase = "Deployment-Tests-Passphrase-1";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-deployment-tests", Guid.NewGuid().ToString("N"));
        private readonly RecordedEvents _events = new RecordedEvents();

        public DeploymentTests() => Directory.CreateDirectory(_folder);

        public void Dispose()
        {
            try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        private string Sqlite(string path) =>
            $"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{path}\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"{Passphrase}\" }}";

        private Deployment Start(string json, Action<DeploymentStart>? change = null)
        {
            var start = new DeploymentStart("Test host", () => ConfigurationLoader.Parse(json)) { Source = "test.json" };
            change?.Invoke(start);
            return Deployment.Start(start, _events);
        }

        [Fact]
        public void AStartWritesConfigurationThenProviderEventsAndDescribesItself()
        {
            var path = Path.Combine(_folder, "otp.db");
            using (var deployment = Start(Sqlite(path), s => s.Details = c => $", lockout {c.Lockout.MaxFailures}"))
            {
                Assert.Equal(new[] { OtpEventId.ConfigurationOk, OtpEventId.ProviderOk }, _events.Events.Select(e => e.Id));
                Assert.StartsWith("Configuration loaded from test.json: auth_mode SQLITE, data_encryption True, lockout after", _events.Events.First().Message);
                Assert.Equal($"Test host started (SQLite store: {path}; data encryption on; SQLite schema current), lockout {deployment.Config.Lockout.MaxFailures}.",
                    _events.Events.Last().Message);
                // The key was prepared at start: a secret round-trips, bound to its user.
                var stored = deployment.Protector.Protect("a@b.c", new byte[] { 1, 2, 3 });
                Assert.Equal(new byte[] { 1, 2, 3 }, deployment.Protector.Unprotect("a@b.c", stored));
                Assert.Empty(deployment.Devices.List());
                Assert.Same(deployment.Devices, deployment.Devices);
            }
            Assert.DoesNotContain(_events.Events, e => e.Message.Contains(Passphrase));
        }

        [Fact]
        public void AnInvalidConfigurationIsEvent5551AndOneExceptionNamingTheKey()
        {
            var ex = Assert.Throws<DeploymentException>(() => Start("{ \"ui_login_failures\": \"abc\" }"));
            Assert.Contains("ui_login_failures", ex.Message);
            Assert.StartsWith("the configuration in test.json is invalid:", ex.Message);
            var failed = Assert.Single(_events.Events);
            Assert.Equal((OtpEventId.ConfigurationFailed, EventLevel.Error), (failed.Id, failed.Level));
            Assert.StartsWith("The configuration in test.json is invalid:", failed.Message);
            Assert.Null(ex.Configuration);
        }

        [Fact]
        public void AHostsOwnRuleRefusesAValidConfigurationWithEvent5551()
        {
            var ex = Assert.Throws<DeploymentException>(() => Start(Sqlite(Path.Combine(_folder, "otp.db")), s => s.Refuse = c => "data_encryption must be false here."));
            Assert.Equal("data_encryption must be false here.", ex.Message);
            Assert.Equal((OtpEventId.ConfigurationFailed, "data_encryption must be false here."), (_events.Events.Single().Id, _events.Events.Single().Message));
            Assert.False(File.Exists(Path.Combine(_folder, "otp.db")), "nothing is opened after a refusal");
        }

        [Fact]
        public void AStoreThatCannotOpenIsEvent5553AndTheExceptionKeepsTheConfiguration()
        {
            var ex = Assert.Throws<DeploymentException>(() => Start(Sqlite("/proc/securemfa-nowhere/otp.db")));
            Assert.StartsWith("the Test host cannot open its store: ", ex.Message);
            Assert.NotNull(ex.Configuration);
            Assert.Equal(new[] { OtpEventId.ConfigurationOk, OtpEventId.ProviderFailed }, _events.Events.Select(e => e.Id));
            Assert.StartsWith("The Test host cannot open its store: ", _events.Events.Last().Message);
        }

        [Fact]
        public void OpenChecksNothingUntilAsked()
        {
            var path = Path.Combine(_folder, "otp.db");
            using var deployment = Deployment.Open(ConfigurationLoader.LoadOrThrow(Sqlite(path)));
            Assert.Equal($"SQLite store: {path}; data encryption on; schema not checked", deployment.Describe());
            deployment.CheckSchema();
            Assert.EndsWith("; SQLite schema current", deployment.Describe());
        }

        [Fact]
        public void DisposingClosesTheDeploymentForGood()
        {
            var deployment = Deployment.Open(ConfigurationLoader.LoadOrThrow(Sqlite(Path.Combine(_folder, "otp.db"))));
            _ = deployment.Devices;
            deployment.Dispose();
            deployment.Dispose();
            Assert.Throws<ObjectDisposedException>(() => deployment.Devices);
        }

        [Fact]
        public void NoPasswordOrPassphraseLeavesInAMessage()
        {
            var config = ConfigurationLoader.LoadOrThrow(Sqlite(Path.Combine(_folder, "otp.db")));
            Assert.Equal("bind failed for ******** at x", Deployment.WithoutSecrets(config, $"bind failed for {Passphrase} at x"));
        }
    }
}
