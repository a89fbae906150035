using System;
using System.Collections.Generic;
using System.Text;
using SecureMFA.Otp.Crypto;
using Xunit;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 on published vectors (RFC 7914 §11; the widely used PBKDF2-HMAC-SHA256 set, e.g. in
    /// RFC 7914's errata discussion and OpenSSL's tests), checked against Python's hashlib (OpenSSL) when added. On .NET
    /// 10 this is Rfc2898DeriveBytes.Pbkdf2; the net472 managed loop runs the same vectors under Mono
    /// (SecureMFA.WinOtp.MonoCheck "pbkdf2-sha256-vectors"). The CNG call cannot run on Linux.
    /// </summary>
    public class Pbkdf2Tests
    {
        public static IEnumerable<object[]> Vectors() => new[]
        {
            new object[] { "passwd", "salt", 1, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783" },
            new object[] { "Password", "NaCl", 80000, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d" },
            new object[] { "password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b" },
            new object[] { "password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43" },
            new object[] { "password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a" },
            new object[] { "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9" },
            new object[] { "pass\0word", "sa\0lt", 4096, "89b69d0516f829893c696226650a8687" },
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
