using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Recovery;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// The offline help-desk challenge and its answer (docs/webapi-protocol.md, "Offline unlock codes"; the threat
    /// reasoning is in docs/win-otp.md, "The lost phone"). The logon tile of a computer that cannot reach the API shows a
    /// challenge of 10 characters (Crockford base32, 50 bits: minute 16, vault generation 8, nonce 16, check 10); the
    /// help desk answers it with Get-xOTP_OfflineUnlockCode from the device key the server holds; the answer is 10
    /// characters too. Both are HMACs under a key derived from the device key for this device and this user, so a
    /// challenge or answer means nothing on another computer or for another user.
    /// </summary>
    public sealed class OfflineUnlock
    {
        /// <summary>
        /// How long an answer works after its challenge was shown: a help-desk call (read out the challenge, check who
        /// is calling, run the cmdlet, read back the answer) fits well in it, and an answer overheard or written down is
        /// worthless soon after. The cmdlet refuses challenges older than this by the server's clock.
        /// </summary>
        public const int ValidMinutes = 15;
        /// <summary>How far ahead of the server's clock a challenge's minute may be (a computer's clock a little fast).</summary>
        public const int FutureToleranceMinutes = 5;
        public const int Length = 10;

        private const int MinuteBits = 16, GenerationBits = 8, NonceBits = 16, CheckBits = 10;

        private OfflineUnlock(long minute, int generation, int nonce, string text) =>
            (Minute, Generation, Nonce, Text) = (minute, generation, nonce, text);

        /// <summary>Unix minutes (seconds / 60) when the challenge was made, by the computer's clock.</summary>
        public long Minute { get; }
        /// <summary>The low 8 bits of the vault generation the challenge was made from.</summary>
        public int Generation { get; }
        public int Nonce { get; }
        /// <summary>The 10 characters, without the dash.</summary>
        public string Text { get; }
        /// <summary>As the tile shows it and the help desk reads it out: XXXXX-XXXXX.</summary>
        public string Display => Group(Text);

        public long IssuedUnix => Minute * 60;

        /// <summary>The tile's challenge for this device, user and vault generation at <paramref name="unixSeconds"/>, with a 16-bit random nonce.</summary>
        public static OfflineUnlock Issue(byte[] deviceKey, string deviceId, string upn, long unixSeconds, long generation, int nonce)
        {
            var minute = unixSeconds / 60;
            var payload = Payload(minute, (int)(generation & 0xFF), nonce & 0xFFFF);
            var check = Check(deviceKey, deviceId, upn, payload);
            return new OfflineUnlock(minute, (int)(generation & 0xFF), nonce & 0xFFFF, Encode((payload << CheckBits) | check, Length));
        }

        /// <summary>
        /// The challenge the help desk was read, checked against this device key, device and user; the minute is taken as
        /// the one nearest <paramref name="nowUnix"/> with those 16 bits (they wrap every 45 days). Null when it is not
        /// 10 characters of the alphabet or its check does not match (misread, another computer or user, or made up).
        /// </summary>
        public static OfflineUnlock? Read(byte[] deviceKey, string deviceId, string upn, string? typed, long nowUnix)
        {
            var text = Normalize(typed);
            if (text == null) return null;
            var value = Decode(text);
            var payload = value >> CheckBits;
            if ((value & ((1UL << CheckBits) - 1)) != Check(deviceKey, deviceId, upn, payload)) return null;
            var low = (long)(payload >> (GenerationBits + NonceBits));
            var nowMinute = nowUnix / 60;
            var span = 1L << MinuteBits;
            var minute = nowMinute - ((nowMinute - low) % span + span) % span;
            if (nowMinute - minute > span / 2) minute += span;
            return new OfflineUnlock(minute, (int)((payload >> NonceBits) & 0xFF), (int)(payload & 0xFFFF), text);
        }

        /// <summary>The answer: 10 characters of HMAC-SHA256 under the device's unlock key over the challenge's text.</summary>
        public string Answer(byte[] deviceKey, string deviceId, string upn)
        {
            var mac = Hmac(deviceKey, deviceId, upn, "SMFA1-UNLOCK-ANSWER\n" + Text);
            ulong value = 0;
            for (var i = 0; i < 7; i++) value = (value << 8) | mac[i];
            return Encode(value >> 6, Length);
        }

        /// <summary>True when <paramref name="typed"/> is this challenge's answer, compared in constant time.</summary>
        public bool IsAnswer(byte[] deviceKey, string deviceId, string upn, string? typed)
        {
            var text = Normalize(typed);
            return text != null && FixedTime.Equal(Encoding.ASCII.GetBytes(Answer(deviceKey, deviceId, upn)), Encoding.ASCII.GetBytes(text));
        }

        /// <summary>10 characters of the alphabet once dashes and spaces are gone (O, I, L read as 0, 1, 1), or null.</summary>
        public static string? Normalize(string? typed)
        {
            if (typed == null) return null;
            var text = new StringBuilder(Length);
            foreach (var raw in typed)
            {
                if (char.IsWhiteSpace(raw) || raw == '-') continue;
                var c = char.ToUpperInvariant(raw);
                c = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
                if (RecoveryCodeText.Alphabet.IndexOf(c) < 0 || text.Length == Length) return null;
                text.Append(c);
            }
            return text.Length == Length ? text.ToString() : null;
        }

        public static string Group(string text) => text.Length == Length ? text.Substring(0, 5) + "-" + text.Substring(5) : text;

        private static ulong Payload(long minute, int generation, int nonce) =>
            ((ulong)(minute & ((1L << MinuteBits) - 1)) << (GenerationBits + NonceBits)) | ((ulong)(uint)generation << NonceBits) | (uint)nonce;

        private static ulong Check(byte[] deviceKey, string deviceId, string upn, ulong payload)
        {
            var mac = Hmac(deviceKey, deviceId, upn, "SMFA1-UNLOCK-CHALLENGE\n" + payload.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (((ulong)mac[0] << 8) | mac[1]) >> (16 - CheckBits);
        }

        /// <summary>HMAC-SHA256 under HKDF(device key, info "SMFA1-OFFLINE-UNLOCK\n" + deviceId + "\n" + upn): apart from every other use of the key.</summary>
        private static byte[] Hmac(byte[] deviceKey, string deviceId, string upn, string message)
        {
            var key = Hkdf.DeriveKey(deviceKey, null, Encoding.UTF8.GetBytes($"SMFA1-OFFLINE-UNLOCK\n{deviceId}\n{upn}"), 32);
            try
            {
                using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
            }
            finally { Array.Clear(key, 0, key.Length); }
        }

        private static string Encode(ulong value, int length)
        {
            var chars = new char[length];
            for (var i = length - 1; i >= 0; i--)
            {
                chars[i] = RecoveryCodeText.Alphabet[(int)(value & 31)];
                value >>= 5;
            }
            return new string(chars);
        }

        private static ulong Decode(string text)
        {
            ulong value = 0;
            foreach (var c in text) value = (value << 5) | (uint)RecoveryCodeText.Alphabet.IndexOf(c);
            return value;
        }
    }
}
