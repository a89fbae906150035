using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Core.Startup;
using SecureMFA.Testing;
using SecureMFA.WebApi.Hosting;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The request limits (ASP.NET settings Limits:*): one that cannot work stops the start, named in event 5551.</summary>
    public sealed class LimitsTests
    {
        [Theory]
        [InlineData("--Limits:NoncesPerDevice=0", "Limits:NoncesPerDevice")]
        [InlineData("--Limits:UpnPerMinute=-5", "Limits:UpnPerMinute")]
        [InlineData("--Limits:DeviceBurst=ten", "Limits:DeviceBurst")]
        public void ALimitThatCannotWorkStopsTheStartNamingIt(string argument, string setting)
        {
            var deployment = new ApiDeployment();
            var events = new RecordedEvents();
            var refused = Assert.Throws<DeploymentException>(() =>
                ApiApplication.Build(new[] { "--config", deployment.ConfigPath, argument }, services => services.AddSingleton<IEventSink>(events)));
            Assert.Contains(setting, refused.Message);
            Assert.Contains(events.Messages(OtpEventId.ConfigurationFailed), m => m.Contains(setting));
        }

        [Fact]
        public void LimitsOfOneAreAccepted()
        {
            var deployment = new ApiDeployment();
            var events = new RecordedEvents();
            using var app = ApiApplication.Build(new[] { "--config", deployment.ConfigPath, "--Limits:NoncesPerDevice=1", "--Limits:UpnPerMinute=1" },
                services => services.AddSingleton<IEventSink>(events));
            Assert.Empty(events.Messages(OtpEventId.ConfigurationFailed));
        }
    }
}
