using System;
using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class EnrollmentTests
    {
        private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        [Fact]
        public void DefaultParametersAreLeftOut()
        {
            Assert.Equal("otpauth://totp/Adatum:alice%40adatum.labnet?secret=" + Secret + "&issuer=Adatum",
                OtpAuthUri.Build("Adatum", "alice@adatum.labnet", Secret, TotpParameters.Default));
        }

        [Fact]
        public void NonDefaultParametersAreWritten()
        {
            var uri = OtpAuthUri.Build("Adatum", "a@b.c", Secret, new TotpParameters(TotpAlgorithm.SHA512, 8, 60));
            Assert.EndsWith("&issuer=Adatum&algorithm=SHA512&digits=8&period=60", uri);
        }

        [Fact]
        public void EveryPartIsPercentEncoded()
        {
            var uri = OtpAuthUri.Build("Adatum & Co: Ré/search?", "o'brien+x@adatum.labnet", Secret, TotpParameters.Default);
            Assert.Equal("otpauth://totp/Adatum%20%26%20Co%3A%20R%C3%A9%2Fsearch%3F:o%27brien%2Bx%40adatum.labnet?secret=" + Secret +
                         "&issuer=Adatum%20%26%20Co%3A%20R%C3%A9%2Fsearch%3F", uri);
            Assert.Equal(2, uri.Count(c => c == ':'));
        }

        [Fact]
        public void RemovingTheUserPrefixShowsOnlyIssuerAndDomain()
        {
            var uri = OtpAuthUri.Build("Adatum", "alice@adatum.labnet", Secret, TotpParameters.Default, removeUserPrefix: true);
            Assert.StartsWith("otpauth://totp/Adatum:adatum.labnet?", uri);
            Assert.DoesNotContain("alice", uri);
        }

        [Fact]
        public void AdvancedParametersAreAppended()
        {
            var uri = OtpAuthUri.Build("Adatum", "a@b.c", Secret, TotpParameters.Default, advancedParameters: "&image=https%3A%2F%2Fx.org%2Fl.png");
            Assert.EndsWith("&issuer=Adatum&image=https%3A%2F%2Fx.org%2Fl.png", uri);
        }

        [Fact]
        public void OfflineQrIsAPngDataUriWithinTheConfiguredSize()
        {
            var config = ConfigurationLoader.LoadOrThrow(@"{ ""company"": ""Adatum"", ""totp_image_width_pixels"": ""300"", ""totp_image_height_pixels"": ""300"" }");
            var material = EnrollmentMaterial.Create(config, "alice@adatum.labnet", SharedSecret.NewKey(), TotpParameters.Default);
            Assert.StartsWith("data:image/png;base64,", material.ImageSource);
            var png = Convert.FromBase64String(material.ImageSource.Substring("data:image/png;base64,".Length));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray());
            var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            Assert.InRange(width, 200, 300);
            Assert.Equal(300, material.ImageWidth);
        }

        [Fact]
        public void ExternalQrAppendsTheEncodedUriToTheEndpoint()
        {
            var config = ConfigurationLoader.LoadOrThrow(@"{ ""company"": ""Adatum"", ""totp_offline_qr_enable"": ""false"", ""totp_api_endpoint"": ""https://qr.example.org/create?data="" }");
            var material = EnrollmentMaterial.Create(config, "alice@adatum.labnet", SharedSecret.NewKey(), TotpParameters.Default);
            Assert.Equal("https://qr.example.org/create?data=" + Uri.EscapeDataString(material.OtpAuthUri), material.ImageSource);
            Assert.StartsWith("https://qr.example.org/create?data=otpauth%3A%2F%2Ftotp%2F", material.ImageSource);
        }
    }
}
