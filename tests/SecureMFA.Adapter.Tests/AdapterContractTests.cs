using System;
using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Events;
using SecureMFA.DemoHost;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The adapter called directly with what AD FS may hand it, including nulls.</summary>
    public class AdapterContractTests
    {
        [Fact]
        public void ANullConfigurationStreamIsEvent5551NotAnException()
        {
            var events = new RecordingEventSink();
            var adapter = new OtpAuthenticationAdapter(events, () => DateTime.UtcNow);
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(null));
            Assert.Contains(events.Messages(OtpEventId.ConfigurationFailed), m => m.Contains("-ConfigurationFilePath"));
            var context = new DemoAuthenticationContext("a", "c", 1033);
            var page = (IAdapterPresentationForm)adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, "a@b.c"), null!, context);
            Assert.Contains("not available", page.GetFormHtml(1033));
        }

        [Fact]
        public void NullArgumentsFromTheHostGiveAPage()
        {
            var adapter = new OtpAuthenticationAdapter(new RecordingEventSink(), () => DateTime.UtcNow);
            adapter.OnAuthenticationPipelineLoad(null!);
            Assert.NotNull(adapter.BeginAuthentication(null!, null!, null!));
            Assert.NotNull(adapter.TryEndAuthentication(null!, null!, null!, out var claims));
            Assert.Empty(claims);
            Assert.NotNull(adapter.OnError(null!, new ExternalAuthenticationException("boom", new DemoAuthenticationContext("a", "b", 1033))));
            Assert.NotNull(adapter.OnError(null!, null!));
        }

        [Fact]
        public void ExternalAuthenticationExceptionRejectsANullContextAsAdfsDoes()
        {
            Assert.Throws<ArgumentNullException>(() => new ExternalAuthenticationException("m", (IAuthenticationContext)null!));
        }
    }
}
