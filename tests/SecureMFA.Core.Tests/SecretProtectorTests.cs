using System;
using System.Collections.Generic;
using System.Text;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class SecretProtectorTests
    {
        private const string Passphrase = "Correct-Horse-Battery-Staple-9";
        private static readonly byte[] Salt = Encoding.ASCII.GetBytes("deployment-salt-1");
        private readonly EncryptedSecretProtector _protector = new EncryptedSecretProtector(Passphrase, () => Salt);
        private readonly byte[] _key = SharedSecret.NewKey();

        /// <summary>Written by the 1.0 release (key format v1) for alice@adatum.labnet under <see cref="Passphrase"/>: the RFC 6238 SHA1 key.</summary>
        private const string V1Secret = "v1:H3ZtfPHu3+cnxNobUL2mXqYtizI2/1zK/V6+/Ek5P7ox+stq5r34/wDZEYai1/HDfA278eFyMAsk20b0Y/a+o2UxcmospNXtFN33Xi9MnuU=";

        [Fact]
        public void RoundTripsAndCarriesTheV2Prefix()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            Assert.StartsWith("v2:", stored);
            Assert.True(_protector.IsCurrentFormat(stored));
            Assert.DoesNotContain(SharedSecret.ToBase32(_key), stored);
            Assert.Equal(_key, _protector.Unprotect("alice@adatum.labnet", stored));
            Assert.Equal(_key, new EncryptedSecretProtector(Passphrase, () => Salt).Unprotect("ALICE@adatum.labnet", stored));
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
                var ex = Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("alice@adatum.labnet", "v2:" + Convert.ToBase64String(tampered)));
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
        public void AnotherPassphraseOrAnotherDeploymentsSaltCannotRead()
        {
            var stored = _protector.Protect("alice@adatum.labnet", _key);
            Assert.Throws<SecretUnreadableException>(() => new EncryptedSecretProtector("Another-Passphrase-123", () => Salt).Unprotect("alice@adatum.labnet", stored));
            Assert.Throws<SecretUnreadableException>(() => new EncryptedSecretProtector(Passphrase, () => Encoding.ASCII.GetBytes("deployment-salt-2")).Unprotect("alice@adatum.labnet", stored));
        }

        [Theory]
        [InlineData("v2:")]
        [InlineData("v2:!!notbase64")]
        [InlineData("v2:AAAA")]
        [InlineData("v1:AAAA")]
        [InlineData("v3:AAAA")]
        public void MalformedValuesAreRefusedWithoutCrashing(string stored)
        {
            Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("alice@adatum.labnet", stored));
        }

        [Fact]
        public void WithEncryptionOnAPlaintextSecretIsRefusedNeverUsed()
        {
            // Whoever can write one column must not downgrade a user to a secret they chose.
            var plain = new PlainSecretProtector().Protect("a@b", _key);
            var ex = Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("a@b", plain));
            Assert.Contains("not encrypted", ex.Message);
            Assert.Contains("ConvertTo-xOTP_EncryptedSecret", ex.Message);
            Assert.DoesNotContain(plain, ex.Message);
        }

        [Fact]
        public void SecretsOfTheV1KeyFormatStayReadableAndAreNotCurrent()
        {
            Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), _protector.Unprotect("alice@adatum.labnet", V1Secret));
            Assert.False(_protector.IsCurrentFormat(V1Secret));
            Assert.Throws<SecretUnreadableException>(() => _protector.Unprotect("bob@adatum.labnet", V1Secret));
        }

        [Fact]
        public void PlainProtectorRefusesEncryptedValues()
        {
            var ex = Assert.Throws<SecretUnreadableException>(() => new PlainSecretProtector().Unprotect("a@b", _protector.Protect("a@b", _key)));
            Assert.Contains("data_encryption is false", ex.Message);
            Assert.Throws<SecretUnreadableException>(() => new PlainSecretProtector().Unprotect("alice@adatum.labnet", V1Secret));
        }

        [Fact]
        public void TheKeyIsDerivedOncePerPassphraseAndSalt()
        {
            Assert.Same(PassphraseKey.V2(Passphrase, Salt), PassphraseKey.V2(Passphrase, Salt));
            Assert.NotSame(PassphraseKey.V2(Passphrase, Salt), PassphraseKey.V2(Passphrase + "x", Salt));
            Assert.NotSame(PassphraseKey.V2(Passphrase, Salt), PassphraseKey.V2(Passphrase, Encoding.ASCII.GetBytes("deployment-salt-3")));
            Assert.Throws<ArgumentException>(() => PassphraseKey.V2(Passphrase, new byte[8]));
        }

        [Fact]
        public void TheSaltIsAskedOnFirstUseAndRetriedAfterAStoreFailure()
        {
            var calls = 0;
            var protector = new EncryptedSecretProtector(Passphrase, () =>
            {
                calls++;
                if (calls == 1) throw new StoreUnavailableException("down");
                return Salt;
            });
            Assert.Equal(0, calls);
            Assert.Throws<StoreUnavailableException>(() => protector.Protect("a@b", _key));
            var stored = protector.Protect("a@b", _key);
            protector.Unprotect("a@b", stored);
            Assert.Equal(2, calls);
        }

        [Fact]
        public void EveryServerOfADeploymentGetsTheSameSaltFromTheStore()
        {
            var metadata = new MemoryMetadata();
            var first = KeyDerivationSalt.From(metadata);
            Assert.Equal(PassphraseKey.SaltBytes, first.Length);
            Assert.Equal(first, KeyDerivationSalt.From(metadata));
            Assert.NotEqual(first, KeyDerivationSalt.From(new MemoryMetadata()));
            metadata.Values[KeyDerivationSalt.MetadataName] = "AAAA";
            Assert.Throws<StoreUnavailableException>(() => KeyDerivationSalt.From(metadata));
        }

        private sealed class MemoryMetadata : IStoreMetadata
        {
            public Dictionary<string, string> Values { get; } = new Dictionary<string, string>();

            public string GetOrAdd(string name, string proposed)
            {
                if (!Values.TryGetValue(name, out var value)) Values[name] = value = proposed;
                return value;
            }
        }
    }
}
