using System;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Enrollment
{
    /// <summary>What a user needs to add the account to an app: the Key URI, its QR image and the secret typed out.</summary>
    public sealed class EnrollmentMaterial
    {
        private EnrollmentMaterial(string otpAuthUri, string secretBase32, string imageSource, int width, int height) =>
            (OtpAuthUri, SecretBase32, ImageSource, ImageWidth, ImageHeight) = (otpAuthUri, secretBase32, imageSource, width, height);

        public string OtpAuthUri { get; }
        public string SecretBase32 { get; }

        /// <summary>A PNG data URI (offline QR) or the external endpoint's URL.</summary>
        public string ImageSource { get; }
        public int ImageWidth { get; }
        public int ImageHeight { get; }

        public static EnrollmentMaterial Create(ProviderConfiguration config, string upn, byte[] key, TotpParameters parameters)
        {
            var secret = SharedSecret.ToBase32(key);
            var uri = Enrollment.OtpAuthUri.For(config, upn, secret, parameters);
            var image = config.OfflineQrEnabled
                ? QrCodeRenderer.RenderPngDataUri(uri, config.ImageWidthPixels, config.ImageHeightPixels)
                : config.QrApiEndpoint + Uri.EscapeDataString(uri);
            return new EnrollmentMaterial(uri, secret, image, config.ImageWidthPixels, config.ImageHeightPixels);
        }
    }
}
