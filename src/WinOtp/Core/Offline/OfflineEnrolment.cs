using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// What the user adds to their authenticator app, once per computer, to sign in there without a network: an entry of
    /// its own ("Adatum offline (PC42)") holding this computer's offline secret, as an otpauth:// Key URI for a QR code
    /// and as the key in groups of four to type. The offline secret is accepted only by this computer's vault (the WEB
    /// API and AD FS never accept it), so showing it to the signed-in user gives away nothing usable elsewhere.
    /// </summary>
    public sealed class OfflineEnrolment
    {
        private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private OfflineEnrolment(string entryName, string upn, string otpAuthUri, string groupedKey)
        {
            EntryName = entryName;
            Upn = upn;
            OtpAuthUri = otpAuthUri;
            GroupedKey = groupedKey;
        }

        /// <summary>The entry's name in the app, and the issuer of its Key URI.</summary>
        public string EntryName { get; }
        public string Upn { get; }
        /// <summary>otpauth://totp/ENTRY:UPN?secret=…&amp;issuer=ENTRY&amp;algorithm=…&amp;digits=…&amp;period=…</summary>
        public string OtpAuthUri { get; }
        /// <summary>The Base32 key in groups of four, for apps without a camera.</summary>
        public string GroupedKey { get; }

        /// <summary>What the tile says, in English: add the entry once, then offline use its codes.</summary>
        public string Instructions => InstructionsIn(Logon.TileText.English);

        /// <summary>The same in the tile's language (<see cref="Logon.LogonCoordinator.Text"/>).</summary>
        public string InstructionsIn(Logon.TileText text) => (text ?? Logon.TileText.English).OfflineInstructions(EntryName, GroupedKey);

        /// <summary>
        /// The entry's name: the issuer the user already knows from the AD FS entry (the server's company), "offline" and
        /// this computer's name, so the two entries cannot be mistaken for each other in the app.
        /// </summary>
        public static string EntryNameFor(string issuer, string machine)
        {
            var company = string.IsNullOrWhiteSpace(issuer) ? "SecureMFA" : issuer.Trim();
            return $"{company} offline ({machine})";
        }

        public static OfflineEnrolment For(string entryName, string upn, byte[] offlineSecret, string alg, int digits, int period)
        {
            if (offlineSecret == null || offlineSecret.Length == 0) throw new ArgumentException("The offline secret is empty.", nameof(offlineSecret));
            var key = Base32(offlineSecret);
            var uri = $"otpauth://totp/{Uri.EscapeDataString(entryName)}:{Uri.EscapeDataString(upn)}" +
                $"?secret={key}&issuer={Uri.EscapeDataString(entryName)}" +
                $"&algorithm={alg}&digits={digits.ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
                $"&period={period.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return new OfflineEnrolment(entryName, upn, uri, Grouped(key));
        }

        /// <summary>
        /// The vault's entry check while the user has not been shown the entry yet (stored without Windows' verdict: the
        /// device wrap, a sync): the entry is still new at the next sign-in that Windows accepts.
        /// </summary>
        public const string NotShown = "";

        /// <summary>
        /// 16 hex characters of HMAC-SHA256(secret, "SMFA1-OFFLINE-ENTRY"): kept in the vault so the same offline secret is
        /// not offered again after every online sign-in, and a changed one (user reset, new registration) is. One-way.
        /// </summary>
        public static string CheckOf(byte[] offlineSecret)
        {
            using (var hmac = new HMACSHA256(offlineSecret)) return LowerHex.Of(hmac.ComputeHash(Encoding.ASCII.GetBytes("SMFA1-OFFLINE-ENTRY")), 8);
        }

        /// <summary>RFC 4648 Base32 without padding, as authenticator apps read it.</summary>
        private static string Base32(byte[] data)
        {
            var text = new StringBuilder((data.Length * 8 + 4) / 5);
            int buffer = 0, bits = 0;
            foreach (var b in data)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            if (bits > 0) text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
            return text.ToString();
        }

        private static string Grouped(string key)
        {
            var text = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4)
            {
                if (i > 0) text.Append(' ');
                text.Append(key, i, Math.Min(4, key.Length - i));
            }
            return text.ToString();
        }
    }
}
