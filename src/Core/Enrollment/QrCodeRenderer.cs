using System;
using QRCoder;

namespace SecureMFA.Core.Enrollment
{
    /// <summary>Renders a Key URI as a PNG QR code (totp_offline_qr_enable), entirely on the server.</summary>
    public static class QrCodeRenderer
    {
        public static byte[] RenderPng(string text, int widthPixels, int heightPixels)
        {
            using (var generator = new QRCodeGenerator())
            using (var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M))
            {
                // The matrix includes the quiet zone; the largest whole module size that fits keeps
                // every module square, which scanners need.
                var modules = data.ModuleMatrix.Count;
                var pixelsPerModule = Math.Max(1, Math.Min(widthPixels, heightPixels) / modules);
                using (var png = new PngByteQRCode(data))
                    return png.GetGraphic(pixelsPerModule);
            }
        }

        public static string RenderPngDataUri(string text, int widthPixels, int heightPixels) =>
            "data:image/png;base64," + Convert.ToBase64String(RenderPng(text, widthPixels, heightPixels));
    }
}
