using System;
using System.Collections.Generic;
using System.Text;
using SecureMFA.Otp.Crypto;
using Xunit;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 on known vectors (every one also checked with Python's hashlib, i.e. OpenSSL). On .NET 10
    /// this is Rfc2898DeriveBytes.Pbkdf2; the net472 managed loop runs the same vectors under Mono
    /// (SecureMFA.WinOtp.MonoCheck "pbkdf2-sha256-vectors"). The CNG call cannot run on Linux.
    /// </summary>
    public class Pbkdf2Tests
    {
        /// <summary>Password, salt, iterations, expected hex (its length is the output length).</summary>
        public static IEnumerable<object[]> Vectors() => new[]
        {
            // The published PBKDF2-HMAC-SHA256 vector with a salt of 8 bytes or more (the RFC 6070 inputs, SHA-256).
            new object[] { "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9" },
            // Computed with Python's hashlib.pbkdf2_hmac (OpenSSL): NUL bytes, two output blocks, an empty password,
            // and the shipped 600,000 iterations over a 16-byte salt and a non-ASCII password.
            new object[] { "pass\0word", "sa\0lt\0\0\0", 4096, "34e1a53710996d91632863bdf11fbcba" },
            new object[] { "Password", "NaClNaCl", 80000, "43d5f94d89bb00fa370edf06296bcf4987aa45f94d1204256e070ee1a032063a87ed78639d9e8f60fbae43ae9df56e61874cb6767b68aa1ea688c4d94c2074ba" },
            new object[] { "", "0123456789abcdef", 1, "9a8a8056e20d881a164805a7c7c966e5d0b830eceaf5bb335ce4d3ca0962a7ad" },
            new object[] { "Winter2026!corr\u00e8ct", "0123456789abcdef", 600000, "4b9541066175ba761f7705bd3e5608c646137a9648e402d5ff3b232a95a82fa9" },
        };

        [Theory]
        [MemberData(nameof(Vectors))]
        public void TheNet10PathGivesThePublishedVectors(string password, string salt, int iterations, string expectedHex)
        {
            var derived = Pbkdf2.Sha256(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), iterations, expectedHex.Length / 2);
            Assert.Equal(expectedHex, Convert.ToHexString(derived).ToLowerInvariant());
            Assert.Equal("Rfc2898DeriveBytes.Pbkdf2 (.NET)", Pbkdf2.Implementation);
        }

        [Fact]
        public void ArgumentsAreChecked()
        {
            Assert.Throws<ArgumentNullException>(() => Pbkdf2.Sha256(null!, new byte[16], 1, 32));
            Assert.Throws<ArgumentNullException>(() => Pbkdf2.Sha256(new byte[1], null!, 1, 32));
            // RFC 7914 §11's salts ("salt", "NaCl") are 4 bytes: .NET Framework's managed loop refuses them, so every path does.
            Assert.Throws<ArgumentException>(() => Pbkdf2.Sha256(new byte[1], Encoding.ASCII.GetBytes("salt"), 1, 32));
            Assert.Throws<ArgumentOutOfRangeException>(() => Pbkdf2.Sha256(new byte[1], new byte[16], 0, 32));
            Assert.Throws<ArgumentOutOfRangeException>(() => Pbkdf2.Sha256(new byte[1], new byte[16], 1, 0));
        }

        [Fact]
        public void WithoutANativeDerivationTheRouteIsManagedFromTheStart()
        {
            var managed = new Counting(new byte[] { 2 });
            var route = new Pbkdf2Route(null, managed.Derive);
            Assert.False(route.UsesNative);
            Assert.Equal(new byte[] { 2 }, route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.Equal(1, managed.Calls);
        }

        [Fact]
        public void TheNativeDerivationIsUsedWhileItWorks()
        {
            var native = new Counting(new byte[] { 1 });
            var managed = new Counting(new byte[] { 2 });
            var route = new Pbkdf2Route(native.Derive, managed.Derive);
            Assert.Equal(new byte[] { 1 }, route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.Equal(new byte[] { 1 }, route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.True(route.UsesNative);
            Assert.Equal((2, 0), (native.Calls, managed.Calls));
        }

        [Theory]
        [InlineData(typeof(DllNotFoundException))]
        [InlineData(typeof(EntryPointNotFoundException))]
        public void AnAbsentLibraryOrEntryPointSwitchesToManagedOnceAndForAll(Type absent)
        {
            var native = new Counting(null, () => (Exception)Activator.CreateInstance(absent, "bcrypt.dll")!);
            var managed = new Counting(new byte[] { 2 });
            var route = new Pbkdf2Route(native.Derive, managed.Derive);
            Assert.Equal(new byte[] { 2 }, route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.Equal(new byte[] { 2 }, route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.False(route.UsesNative);
            Assert.Equal((1, 2), (native.Calls, managed.Calls));
        }

        /// <summary>A failing CNG call (a bad status) is an error, never a quiet switch to another implementation.</summary>
        [Fact]
        public void AnyOtherNativeFailureIsThrown()
        {
            var native = new Counting(null, () => new System.Security.Cryptography.CryptographicException("BCryptDeriveKeyPBKDF2 failed with NTSTATUS 0xc000000d."));
            var managed = new Counting(new byte[] { 2 });
            var route = new Pbkdf2Route(native.Derive, managed.Derive);
            Assert.Throws<System.Security.Cryptography.CryptographicException>(() => route.Derive(new byte[1], new byte[1], 1, 1));
            Assert.True(route.UsesNative);
            Assert.Equal(0, managed.Calls);
        }

        private sealed class Counting
        {
            private readonly byte[]? _result;
            private readonly Func<Exception>? _failure;

            public Counting(byte[]? result, Func<Exception>? failure = null)
            {
                _result = result;
                _failure = failure;
            }

            public int Calls { get; private set; }

            public byte[] Derive(byte[] password, byte[] salt, int iterations, int length)
            {
                Calls++;
                if (_failure != null) throw _failure();
                return _result!;
            }
        }
    }
}
