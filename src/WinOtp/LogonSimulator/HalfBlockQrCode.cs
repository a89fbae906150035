using System.Text;
using QRCoder;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// A QR code as terminal text, two module rows per line with Unicode half blocks (as qrencode -t UTF8 does): the
    /// characters' ink is the code's light modules and the quiet zone, so on the usual dark terminal background the
    /// dark modules show dark and a phone reads it from the screen.
    /// </summary>
    public static class HalfBlockQrCode
    {
        public const char BothLight = '\u2588';   // █
        public const char TopLight = '\u2580';    // ▀
        public const char BottomLight = '\u2584'; // ▄
        public const char BothDark = ' ';

        public static string Render(string text)
        {
            using (var generator = new QRCodeGenerator())
            using (var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M))
            {
                var modules = data.ModuleMatrix;
                var size = modules.Count;
                var lines = new StringBuilder();
                for (var row = 0; row < size; row += 2)
                {
                    for (var column = 0; column < size; column++)
                    {
                        var topDark = modules[row][column];
                        // An odd size leaves a last half row: it belongs to the quiet zone, light.
                        var bottomDark = row + 1 < size && modules[row + 1][column];
                        lines.Append(topDark ? (bottomDark ? BothDark : BottomLight) : (bottomDark ? TopLight : BothLight));
                    }
                    lines.Append('\n');
                }
                return lines.ToString();
            }
        }
    }
}
