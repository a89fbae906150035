using System;
using SecureMFA.Core.Security;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class SecretProtectorTests
    {
        private const string Passphrase = "Correct-Horse-Battery-Staple-9";
        private readonly EncryptedSecretProtector _protector = new EncryptedSecretProtector(Passphrase);
        private readonly byte[] _key = SharedSecret.NewKey();

        [Fact]
        public void RoundTripsAndCarriesAVersionPrefix()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            Assert.StartsWith("v1:", stored);
            Assert.DoesNotContain(SharedSecret.ToBase32(_key), stored);
            Assert.Equal(_key, _protector.Unprotect("alice@adatum.labnet", stored));
            Assert.Equal(_key, new EncryptedSecretProtector(Passphrase).Unprotect("ALICE@adatum.labnet", stored));
        }

        [Fact]
        public void EachProtectionIsFreshlyRandomised()
        {
            Assert.NotEqual(_protector.Protect("a@b", _key), _protector.Protect("a@b", _key));
        }

        [Fact]
        public void EveryFlippedBitIsRefused()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            var payload = Convert.FromBase64String(stored.Substring(3));
            for (var i = 0; i < payload.Length * 8; i++)
            {
                var tampered = (byte[])payload.Clone();
                tampered[i / 8] ^= (byte)(1 << (i % 8));
                var ex = Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("alice@adatum.labnet", "v1:" + Convert.ToBase64String(tampered)));
                Assert.Contains("alice@adatum.labnet", ex.Message);
            }
        }

        [Fact]
        public void ASecretCopiedToAnotherUserIsRefused()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            var ex = Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("mallory@adatum.labnet", stored));
            Assert.Contains("integrity", ex.Message);
        }

        [Fact]
        public void AnotherPassphraseCannotRead()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            Assert.Throws<SecretUnreadableException>(() => new EncryptedSecretProtector("Another-Passphrase-123").Unprotect("alice@adatum.labnet", stored));
        }

        [Theory]
        [InlineData("v1:")]
        [InlineData("v1:!!notbase64")]
        [InlineData("v1:AAAA")]
        [InlineData("v2:AAAA")]
        public void MalformedValuesAreRefusedWithoutCrashing(string stored)
        {
            Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("alice@adatum.labnet", stored));
        }

        [Fact]
        public void SecretsStoredBeforeEncryptionWasOnStayReadable()
        {
            var plain = new PlainSecretProtector().Protect("a@b", _key);
            Assert.Equal(_key, _protector.Unprotect("a@b", plain));
        }

        [Fact]
        public void PlainProtectorRefusesEncryptedValues()
        {
            var ex = Assert.Throws<SecretUnreadableException>(() => new PlainSecretProtector().Unprotect("a@b", _protector.Protect("a@b", _key)));
            Assert.Contains("data_encryption is false", ex.Message);
        }

        [Fact]
        public void TheKeyIsDerivedOncePerPassphrase()
        {
            Assert.Same(PassphraseKey.For(Passphrase), PassphraseKey.For(Passphrase));
            Assert.NotSame(PassphraseKey.For(Passphrase), PassphraseKey.For(Passphrase + "x"));
        }
    }
}
