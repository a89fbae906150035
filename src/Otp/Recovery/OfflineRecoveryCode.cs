using System;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Otp.Recovery
{
    /// <summary>
    /// One unused recovery code as an offline package carries it (docs/webapi-protocol.md, "Recovery codes offline"):
    /// PBKDF2-HMAC-SHA256 of the store's hash of the code (<see cref="RecoveryCodeText.Hash"/>, lower-case hex, UTF-8),
    /// under a salt of its own, <see cref="Iterations"/> times. The store's hash is never sent: a device can only
    /// recompute it from the code the user types, and it is what the device reports for the server to burn.
    /// <para>
    /// Why the slow hash: the vault file (or a package read off the wire by a device-key holder) must not let anyone
    /// test guesses fast. The codes already have 80 random bits, so even one SHA-256 per guess is out of reach; PBKDF2
    /// adds a factor of <see cref="Iterations"/> on top, and the per-code salt stops one guess from testing all ten.
    /// Bounded because the logon tile may test a typed code against every unused code: ten derivations, 500,000 iterations
    /// in all: less than the one 600,000-iteration password derivation an offline TOTP check already pays. The server pays the same once per package it issues, only for users who have
    /// recovery codes.
    /// </para>
    /// </summary>
    public sealed class OfflineRecoveryCode
    {
        /// <summary>PBKDF2 iterations per code; the package says what it used, so a later server may raise it.</summary>
        public const int Iterations = 50000;
        /// <summary>The most iterations a device accepts from a package (its wait at the tile is bounded by them).</summary>
        public const int MaxIterations = 200000;
        public const int SaltBytes = 16;
        public const int HashBytes = 32;

        public OfflineRecoveryCode(byte[] salt, byte[] hash) => (Salt, Hash) = (salt, hash);

        public byte[] Salt { get; }
        public byte[] Hash { get; }

        /// <summary>The slow hash of one stored code, under a fresh salt (server side).</summary>
        public static OfflineRecoveryCode Of(string storedHash, int iterations = Iterations)
        {
            var salt = RandomBytes.Of(SaltBytes);
            return new OfflineRecoveryCode(salt, Derive(storedHash, salt, iterations));
        }

        /// <summary>True when <paramref name="storedHash"/> (computed from what the user typed) is this code, compared in constant time.</summary>
        public bool Matches(string storedHash, int iterations) => FixedTime.Equal(Derive(storedHash, Salt, iterations), Hash);

        public static byte[] Derive(string storedHash, byte[] salt, int iterations) =>
            Pbkdf2.Sha256(Encoding.UTF8.GetBytes(storedHash), salt, iterations, HashBytes);

        /// <summary>The wire and vault spelling: base64 salt, a dot, base64 hash.</summary>
        public override string ToString() => Convert.ToBase64String(Salt) + "." + Convert.ToBase64String(Hash);

        /// <summary>Reads <see cref="ToString"/>'s spelling; null unless it is exactly that (one spelling only).</summary>
        public static OfflineRecoveryCode? Parse(string? text)
        {
            if (text == null) return null;
            var dot = text.IndexOf('.');
            if (dot <= 0 || dot != text.LastIndexOf('.')) return null;
            try
            {
                var salt = Convert.FromBase64String(text.Substring(0, dot));
                var hash = Convert.FromBase64String(text.Substring(dot + 1));
                if (salt.Length != SaltBytes || hash.Length != HashBytes) return null;
                var code = new OfflineRecoveryCode(salt, hash);
                return code.ToString() == text ? code : null;
            }
            catch (FormatException) { return null; }
        }
    }
}
