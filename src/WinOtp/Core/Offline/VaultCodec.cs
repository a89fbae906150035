using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// The vault file: UTF-8 text, one "name value" per line in a fixed order, ended by a MAC line.
    /// <code>
    /// SMFA-WINOTP-VAULT 2
    /// upn alice@adatum.labnet
    /// generation 3
    /// form password            (or device)
    /// issuer Adatum
    /// entry Adatum offline (PC42)
    /// entryCheck 5f1c0a9e3b7d2c44
    /// alg SHA1
    /// digits 6
    /// period 30
    /// packageValidUntil 1767092001
    /// packageLastStep 58816666
    /// packageMaxFailures 5
    /// packageLockoutMinutes 5
    /// lastOnline 1764500001
    /// highestTime 1764500001
    /// lastStep 58816667
    /// failures 0
    /// offlineFailures 0
    /// lockedUntil 0
    /// iterations 600000        (0 for the device form)
    /// recoveryIterations 50000 (0 without recovery codes)
    /// recovery &lt;salt.hash~usedAt~report&gt; …  (space-separated; usedAt 0 and report - while unused)
    /// unlock -                 (or issuedAt~generation~nonce of the pending help-desk challenge)
    /// secret &lt;base64 of the DPAPI machine-scope blob&gt;
    /// mac &lt;base64 of HMAC-SHA256 over every byte before this line&gt;
    /// </code>
    /// The MAC key is HKDF-SHA256(device key, info "SMFA1-VAULT-STATE\n" + upn): only this registered device can
    /// write a vault it will accept, and a vault copied from another user's file fails. The state (failures, lock,
    /// last step) is not secret but is covered by the MAC; the secret is inside DPAPI. Anything that does not
    /// parse exactly, or whose MAC differs, is refused as a whole.
    /// </summary>
    public static class VaultCodec
    {
        public const string Magic = "SMFA-WINOTP-VAULT 3";
        /// <summary>Format 2, without recovery codes and the help-desk challenge: read as having none, written as 3.</summary>
        public const string Magic2 = "SMFA-WINOTP-VAULT 2";
        /// <summary>The earlier format, which held the user's own secret: deleted at first use (<see cref="IsEarlierFormat"/>).</summary>
        public const string EarlierMagic = "SMFA-WINOTP-VAULT 1";
        public const int MaxFileBytes = 16384;
        private const int MacBytes = 32;

        private static readonly string[] Names =
        {
            "upn", "generation", "form", "issuer", "entry", "entryCheck", "alg", "digits", "period", "packageValidUntil", "packageLastStep",
            "packageMaxFailures", "packageLockoutMinutes", "lastOnline", "highestTime", "lastStep", "failures", "offlineFailures", "lockedUntil",
            "iterations", "recoveryIterations", "recovery", "unlock", "secret",
        };

        private static readonly string[] Names2 = Array.FindAll(Names, n => n != "recoveryIterations" && n != "recovery" && n != "unlock");

        public static byte[] Encode(VaultRecord record, byte[] deviceKey)
        {
            var text = new StringBuilder();
            text.Append(Magic).Append('\n');
            foreach (var name in Names) text.Append(name).Append(' ').Append(ValueOf(record, name)).Append('\n');
            var body = Encoding.UTF8.GetBytes(text.ToString());
            var mac = Convert.ToBase64String(Mac(deviceKey, record.Upn, body, body.Length));
            var tail = Encoding.UTF8.GetBytes($"mac {mac}\n");
            var file = new byte[body.Length + tail.Length];
            Buffer.BlockCopy(body, 0, file, 0, body.Length);
            Buffer.BlockCopy(tail, 0, file, body.Length, tail.Length);
            return file;
        }

        /// <summary>The record, or null when the bytes are not a vault of <paramref name="upn"/> written with this device key.</summary>
        public static VaultRecord? Decode(byte[] file, string upn, byte[] deviceKey)
        {
            if (file == null || file.Length < 2 || file.Length > MaxFileBytes || file[file.Length - 1] != (byte)'\n') return null;
            // The MAC line is the last line; everything before it is what the MAC covers.
            var macLineStart = Array.LastIndexOf(file, (byte)'\n', file.Length - 2) + 1;
            if (macLineStart <= 0) return null;
            string macLine;
            try { macLine = new UTF8Encoding(false, true).GetString(file, macLineStart, file.Length - 1 - macLineStart); }
            catch (DecoderFallbackException) { return null; }
            if (!macLine.StartsWith("mac ", StringComparison.Ordinal)) return null;
            byte[] presented;
            try { presented = Convert.FromBase64String(macLine.Substring(4)); }
            catch (FormatException) { return null; }
            // One spelling only: base64 decoders ignore the spare bits of the last character, so compare the text too.
            if (!string.Equals(Convert.ToBase64String(presented), macLine.Substring(4), StringComparison.Ordinal)) return null;
            if (!FixedTime.Equal(Mac(deviceKey, upn, file, macLineStart), presented)) return null;

            // Authentic: now it must also be exactly the expected shape.
            string body;
            try { body = new UTF8Encoding(false, true).GetString(file, 0, macLineStart); }
            catch (DecoderFallbackException) { return null; }
            var lines = body.Split('\n');
            var names = lines[0] == Magic ? Names : lines[0] == Magic2 ? Names2 : null;
            if (names == null || lines.Length != names.Length + 2 || lines[lines.Length - 1].Length != 0) return null;
            var record = new VaultRecord();
            for (var i = 0; i < names.Length; i++)
            {
                var line = lines[i + 1];
                var prefix = $"{names[i]} ";
                if (!line.StartsWith(prefix, StringComparison.Ordinal) || !SetValue(record, names[i], line.Substring(prefix.Length))) return null;
            }
            return record.Upn == upn ? record : null;
        }

        /// <summary>A file of the earlier format (it held the user's own secret, not an offline secret), by its first line alone.</summary>
        public static bool IsEarlierFormat(byte[]? file)
        {
            var magic = Encoding.ASCII.GetBytes($"{EarlierMagic}\n");
            if (file == null || file.Length < magic.Length) return false;
            for (var i = 0; i < magic.Length; i++) if (file[i] != magic[i]) return false;
            return true;
        }

        /// <summary>
        /// The generation line read without checking the MAC, or 0: only to move the registry generation past a file
        /// being replaced or removed. Never used to accept anything.
        /// </summary>
        public static long PeekGeneration(byte[]? file)
        {
            if (file == null || file.Length > MaxFileBytes) return 0;
            string text;
            try { text = new UTF8Encoding(false, true).GetString(file); }
            catch (DecoderFallbackException) { return 0; }
            var lines = text.Split('\n');
            if (lines.Length < 3 || !lines[2].StartsWith("generation ", StringComparison.Ordinal)) return 0;
            return TryNumber(lines[2].Substring("generation ".Length), out var generation) ? generation : 0;
        }

        private static string ValueOf(VaultRecord r, string name)
        {
            switch (name)
            {
                case "upn": return r.Upn;
                case "generation": return Number(r.Generation);
                case "form": return r.Form == VaultForm.Password ? "password" : "device";
                case "issuer": return OneLine(r.Issuer);
                case "entry": return OneLine(r.Entry);
                case "entryCheck": return r.EntryCheck;
                case "alg": return r.Alg;
                case "digits": return Number(r.Digits);
                case "period": return Number(r.Period);
                case "packageValidUntil": return Number(r.PackageValidUntil);
                case "packageLastStep": return Number(r.PackageLastStep);
                case "packageMaxFailures": return Number(r.PackageMaxFailures);
                case "packageLockoutMinutes": return Number(r.PackageLockoutMinutes);
                case "lastOnline": return Number(r.LastOnline);
                case "highestTime": return Number(r.HighestTime);
                case "lastStep": return Number(r.LastStep);
                case "failures": return Number(r.Failures);
                case "offlineFailures": return Number(r.OfflineFailures);
                case "lockedUntil": return Number(r.LockedUntil);
                case "iterations": return Number(r.Iterations);
                case "secret": return Convert.ToBase64String(r.Secret);
                case "recoveryIterations": return Number(r.RecoveryIterations);
                case "recovery": return string.Join(" ", r.RecoveryCodes.ConvertAll(c => $"{c.Code}~{Number(c.UsedAt)}~{c.Report ?? "-"}"));
                case "unlock": return r.Unlock == null ? "-" : $"{Number(r.Unlock.IssuedAt)}~{Number(r.Unlock.Generation)}~{Number(r.Unlock.Nonce)}";
                default: throw new ArgumentOutOfRangeException(nameof(name), name, "Not a vault field.");
            }
        }

        private static bool SetValue(VaultRecord r, string name, string value)
        {
            switch (name)
            {
                case "upn": r.Upn = value; return value.Length > 0;
                case "form":
                    if (value == "password") r.Form = VaultForm.Password;
                    else if (value == "device") r.Form = VaultForm.Device;
                    else return false;
                    return true;
                case "issuer": r.Issuer = value; return true;
                case "entry": r.Entry = value; return value.Length > 0;
                case "entryCheck": r.EntryCheck = value; return value.Length == 0 || (value.Length == 16 && IsLowerHex(value));
                case "alg": r.Alg = value; return value == "SHA1" || value == "SHA256" || value == "SHA512";
                case "recovery": return SetRecovery(r, value);
                case "unlock": return SetUnlock(r, value);
                case "secret":
                    try { r.Secret = Convert.FromBase64String(value); }
                    catch (FormatException) { return false; }
                    return r.Secret.Length > 0;
            }
            if (!TryNumber(value, out var number)) return false;
            switch (name)
            {
                case "generation": r.Generation = number; return true;
                case "packageValidUntil": r.PackageValidUntil = number; return true;
                case "packageLastStep": r.PackageLastStep = number; return true;
                case "lastOnline": r.LastOnline = number; return true;
                case "highestTime": r.HighestTime = number; return true;
                case "lastStep": r.LastStep = number; return true;
                case "lockedUntil": r.LockedUntil = number; return true;
            }
            if (number > int.MaxValue) return false;
            switch (name)
            {
                case "digits": r.Digits = (int)number; return number == 6 || number == 8;
                case "period": r.Period = (int)number; return number >= 1;
                case "packageMaxFailures": r.PackageMaxFailures = (int)number; return true;
                case "packageLockoutMinutes": r.PackageLockoutMinutes = (int)number; return true;
                case "failures": r.Failures = (int)number; return true;
                case "offlineFailures": r.OfflineFailures = (int)number; return true;
                case "iterations": r.Iterations = (int)number; return true;
                case "recoveryIterations": r.RecoveryIterations = (int)number; return true;
                default: return false;
            }
        }

        private static bool SetRecovery(VaultRecord r, string value)
        {
            r.RecoveryCodes.Clear();
            if (value.Length == 0) return true;
            foreach (var item in value.Split(' '))
            {
                var parts = item.Split('~');
                if (parts.Length != 3 || !TryNumber(parts[1], out var usedAt)) return false;
                var code = SecureMFA.Otp.Recovery.OfflineRecoveryCode.Parse(parts[0]);
                if (code == null) return false;
                if (usedAt == 0 ? parts[2] != "-" : parts[2].Length != 64 || !IsLowerHex(parts[2])) return false;
                r.RecoveryCodes.Add(new VaultRecoveryCode(code, usedAt, usedAt == 0 ? null : parts[2]));
            }
            return true;
        }

        private static bool SetUnlock(VaultRecord r, string value)
        {
            r.Unlock = null;
            if (value == "-") return true;
            var parts = value.Split('~');
            if (parts.Length != 3 || !TryNumber(parts[0], out var issuedAt) || !TryNumber(parts[1], out var generation) || !TryNumber(parts[2], out var nonce) || nonce > 0xFFFF) return false;
            r.Unlock = new PendingUnlock(issuedAt, generation, (int)nonce);
            return true;
        }

        /// <summary>A text field is one line: a line break would shift every field after it.</summary>
        private static string OneLine(string value)
        {
            if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0) throw new ArgumentException("A vault text field must not contain a line break.", nameof(value));
            return value;
        }

        private static bool IsLowerHex(string text)
        {
            foreach (var c in text) if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            return true;
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Digits only, no sign, no leading zero (one spelling per number), within a long.</summary>
        private static bool TryNumber(string text, out long value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 18 || (text.Length > 1 && text[0] == '0')) return false;
            foreach (var c in text) if (c < '0' || c > '9') return false;
            value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        private static byte[] Mac(byte[] deviceKey, string upn, byte[] data, int length)
        {
            var key = Hkdf.DeriveKey(deviceKey, null, Encoding.UTF8.GetBytes($"SMFA1-VAULT-STATE\n{upn}"), MacBytes);
            try
            {
                using (var hmac = new HMACSHA256(key)) return hmac.ComputeHash(data, 0, length);
            }
            finally { Array.Clear(key, 0, key.Length); }
        }
    }
}
