using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.DemoHost;
using SecureMFA.Otp.Time;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The adapter called directly with what AD FS may hand it, including nulls.</summary>
    public class AdapterContractTests
    {
        [Fact]
        public void ANullConfigurationStreamIsEvent5551NotAnException()
        {
            var events = new RecordedEvents();
            var adapter = new OtpAuthenticationAdapter(events, SystemClock.Instance);
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(null));
            Assert.Contains(events.Messages(OtpEventId.ConfigurationFailed), m => m.Contains("-ConfigurationFilePath"));
            var context = new DemoAuthenticationContext("a", "c", 1033);
            var page = (IAdapterPresentationForm)adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, "a@b.c"), null!, context);
            Assert.Contains("not available", page.GetFormHtml(1033));
        }

        [Fact]
        public void NullArgumentsFromTheHostGiveAPage()
        {
            var adapter = new OtpAuthenticationAdapter(new RecordedEvents(), SystemClock.Instance);
            adapter.OnAuthenticationPipelineLoad(null!);
            Assert.NotNull(adapter.BeginAuthentication(null!, null!, null!));
            Assert.NotNull(adapter.TryEndAuthentication(null!, null!, null!, out var claims));
            Assert.Empty(claims);
            Assert.NotNull(adapter.OnError(null!, new ExternalAuthenticationException("boom", new DemoAuthenticationContext("a", "b", 1033))));
            Assert.NotNull(adapter.OnError(null!, null!));
        }

        [Fact]
        public void AStartUpCheckThatFailsInAnUnexpectedWayIsEvent5553NotAnException()
        {
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-demo-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "otp.db");
            // Opened once in this process, so the adapter's open trusts the schema and its start-up check reads the version row.
            SqliteStoreFactory.Open(path);
            using (var connection = new SqliteConnection("Data Source=" + path))
            {
                connection.Open();
                using var plant = connection.CreateCommand();
                plant.CommandText = "INSERT INTO SchemaVersion (version, applied) VALUES ('three', '2026-11-30')";
                plant.ExecuteNonQuery();
            }
            SqliteConnection.ClearAllPools();

            var events = new RecordedEvents();
            var adapter = new OtpAuthenticationAdapter(events, SystemClock.Instance);
            var json = $"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{path.Replace("\\", "\\\\")}\" }}";
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            try
            {
                Assert.Contains(events.Messages(OtpEventId.ProviderFailed), m => m.Contains(nameof(FormatException)));
                Assert.NotNull(adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, "a@b.c"), null!, new DemoAuthenticationContext("a", "c", 1033)));
            }
            finally
            {
                adapter.OnAuthenticationPipelineUnload();
            }
        }

        [Fact]
        public void ExternalAuthenticationExceptionRejectsANullContextAsAdfsDoes()
        {
            Assert.Throws<ArgumentNullException>(() => new ExternalAuthenticationException("m", (IAuthenticationContext)null!));
        }
    }
}
