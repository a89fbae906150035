using System.ComponentModel;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// Returned only when a help desk explicitly asks (-IncludeEnrollment): what the user adds to the app.
    /// It contains the secret: hand it to the user and nobody else.
    /// </summary>
    [Description("With -IncludeEnrollment or -QrCodeFolder: one object per user with Upn, OtpAuthUri, Secret (Base32) and QrCodeFile " +
        "(the PNG written, or null). It holds the secret: hand it to the user and nobody else.")]
    public sealed class OtpEnrollmentInfo
    {
        public string Upn { get; set; } = "";
        public string OtpAuthUri { get; set; } = "";
        public string Secret { get; set; } = "";
        /// <summary>The QR code PNG written with -QrCodeFolder, or null.</summary>
        public string? QrCodeFile { get; set; }

        public override string ToString() => Upn;
    }
}
