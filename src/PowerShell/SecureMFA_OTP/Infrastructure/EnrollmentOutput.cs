using System.IO;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>The enrolment material a help desk hands to a user: Key URI, secret, and optionally a QR PNG file.</summary>
    public static class EnrollmentOutput
    {
        public static OtpEnrollmentInfo Create(ProviderConfiguration config, string upn, byte[] key, TotpParameters parameters, string? qrFolder)
        {
            var secret = SharedSecret.ToBase32(key);
            var uri = OtpAuthUri.For(config, upn, secret, parameters);
            string? file = null;
            if (qrFolder != null)
            {
                Directory.CreateDirectory(qrFolder);
                file = Path.Combine(qrFolder, SafeFileName(upn) + ".png");
                File.WriteAllBytes(file, QrCodeRenderer.RenderPng(uri, config.ImageWidthPixels, config.ImageHeightPixels));
            }
            return new OtpEnrollmentInfo { Upn = upn, OtpAuthUri = uri, Secret = secret, QrCodeFile = file };
        }

        private static string SafeFileName(string upn)
        {
            foreach (var c in Path.GetInvalidFileNameChars()) upn = upn.Replace(c, '_');
            return upn;
        }
    }
}
