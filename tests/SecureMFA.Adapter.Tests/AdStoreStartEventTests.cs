using System;
using System.IO;
using System.Linq;
using System.Text;
using SecureMFA.Core.Events;
using SecureMFA.DemoHost;
using SecureMFA.Otp.Time;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Event 5552 at start names the domain controller the AD store reads and writes (the Samba DC of scripts/samba-dc.sh start).</summary>
    public class AdStoreStartEventTests
    {
        [Fact]
        public void InAdModeEvent5552NamesThePdcEmulator()
        {
            string Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
                : throw new InvalidOperationException($"AD-mode tests need the Samba domain controller: run them through scripts/test.sh, which starts it ({name} is not set).");
            var config = $@"{{ ""auth_mode"": ""AD"", ""ad_server"": ""{Variable("SECUREMFA_AD_SERVER")}"", ""ad_port"": ""{Variable("SECUREMFA_AD_PORT")}"", ""ad_ssl"": ""true"",
                ""ad_user"": ""{Variable("SECUREMFA_AD_USER")}"", ""ad_password"": ""{Variable("SECUREMFA_AD_PASSWORD")}"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Ad-Start-Event-Passphrase-1"" }}";
            var events = new RecordedEvents();
            var adapter = new OtpAuthenticationAdapter(events, SystemClock.Instance);
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(config))));
            try
            {
                Assert.Equal("SecureMFA OTP provider started (AD store: PDC emulator dc1.adatum.labnet).", Assert.Single(events.Messages(OtpEventId.ProviderOk)));
                Assert.DoesNotContain(events.Events, e => e.Level != EventLevel.Information);
                Assert.DoesNotContain(events.Events, e => e.Message.Contains(Variable("SECUREMFA_AD_PASSWORD")));
            }
            finally
            {
                adapter.OnAuthenticationPipelineUnload();
            }
        }
    }
}
