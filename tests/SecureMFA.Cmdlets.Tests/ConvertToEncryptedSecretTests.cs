using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Data.Sqlite;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>ConvertTo-xOTP_EncryptedSecret: plaintext rows encrypted, older formats rewritten, passphrases rotated, all or nothing.</summary>
    public sealed class ConvertToEncryptedSecretTests : IDisposable
    {
        private const string Passphrase = "Correct-Horse-Battery-Staple-9";
        private const string NewPassphrase = "Rotated-Passphrase-2026-Q4";
        // Written by release 1.0 (key format v1) for alice@adatum.labnet under Passphrase: the RFC 6238 SHA1 key.
        private const string V1Secret = "v1:H3ZtfPHu3+cnxNobUL2mXqYtizI2/1zK/V6+/Ek5P7ox+stq5r34/wDZEYai1/HDfA278eFyMAsk20b0Y/a+o2UxcmospNXtFN33Xi9MnuU=";

        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));
        private readonly SqlOtpUserStore _store;

        public ConvertToEncryptedSecretTests()
        {
            Directory.CreateDirectory(_folder);
            _store = SqliteStoreFactory.Open(Database);
            // One salt for every store of the test process, so each passphrase is derived once (SharedTestSalt).
            SharedTestSalt.SeedInto(_store);
        }

        private string Database => Path.Combine(_folder, "otp.db");

        private string Config(bool encryption, string passphrase = Passphrase)
        {
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{Database}"",
                ""data_encryption"": ""{(encryption ? "true" : "false")}"", ""data_encryption_passphrase"": ""{passphrase}"" }}");
            return path;
        }

        private ISecretProtector Protector(string passphrase) => new EncryptedSecretProtector(passphrase, () => KeyDerivationSalt.From(_store));

        private static int Count(ScriptResult result, string property) => (int)result.Output.Single().Properties[property].Value;

        /// <summary>A trigger in the store that makes one row's write behave as another server or a failing disk would.</summary>
        private void AddTrigger(string sql)
        {
            using var connection = new SqliteConnection("Data Source=" + Database);
            connection.Open();
            using var trigger = connection.CreateCommand();
            trigger.CommandText = sql;
            trigger.ExecuteNonQuery();
        }

        [Fact]
        public void PlaintextSecretsAreEncryptedAndTheAppsKeepWorking()
        {
            var keys = Enumerable.Range(0, 3).Select(_ => SharedSecret.NewKey()).ToList();
            for (var i = 0; i < keys.Count; i++)
                _store.Create(new NewOtpUser($"user{i}@adatum.labnet", SharedSecret.ToBase32(keys[i]), TotpParameters.Default));
            var config = Config(encryption: true);

            var preview = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{config}' -WhatIf");
            Assert.True(preview.Errors.Count == 0, preview.ErrorText);
            Assert.Equal(3, Count(preview, "ToConvert"));
            Assert.Equal(0, Count(preview, "Converted"));
            Assert.Equal(SharedSecret.ToBase32(keys[0]), _store.Find("user0@adatum.labnet")!.ProtectedSecret);

            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{config}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(3, Count(result, "Converted"));
            for (var i = 0; i < keys.Count; i++)
            {
                var stored = _store.Find($"user{i}@adatum.labnet")!.ProtectedSecret;
                Assert.StartsWith("v2:", stored);
                Assert.Equal(keys[i], Protector(Passphrase).Unprotect($"user{i}@adatum.labnet", stored));
            }

            var again = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{config}' -Confirm:$false");
            Assert.Equal(3, Count(again, "AlreadyCurrent"));
            Assert.Equal(0, Count(again, "Converted"));
        }

        [Fact]
        public void SecretsOfTheV1KeyFormatAreRewrittenInV2()
        {
            _store.Create(new NewOtpUser("alice@adatum.labnet", V1Secret, TotpParameters.Default));
            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{Config(encryption: true)}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var stored = _store.Find("alice@adatum.labnet")!.ProtectedSecret;
            Assert.StartsWith("v2:", stored);
            Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), Protector(Passphrase).Unprotect("alice@adatum.labnet", stored));
        }

        [Fact]
        public void APassphraseIsRotatedWithThePreviousOne()
        {
            var key = SharedSecret.NewKey();
            _store.Create(new NewOtpUser("bob@adatum.labnet", Protector(Passphrase).Protect("bob@adatum.labnet", key), TotpParameters.Default));
            var rotated = Config(encryption: true, passphrase: NewPassphrase);

            var without = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{rotated}' -Confirm:$false");
            var error = Assert.Single(without.Errors);
            Assert.Contains("bob@adatum.labnet", error.Exception.Message);
            Assert.Contains("-PreviousPassphrase", error.Exception.Message);
            Assert.Equal(1, Count(without, "Unreadable"));

            var with = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{rotated}' -PreviousPassphrase ([System.Net.NetworkCredential]::new('', '{Passphrase}').SecurePassword) -Confirm:$false");
            Assert.True(with.Errors.Count == 0, with.ErrorText);
            Assert.Equal(1, Count(with, "Converted"));
            Assert.Equal(key, Protector(NewPassphrase).Unprotect("bob@adatum.labnet", _store.Find("bob@adatum.labnet")!.ProtectedSecret));
            Assert.Throws<SecretUnreadableException>(() => Protector(Passphrase).Unprotect("bob@adatum.labnet", _store.Find("bob@adatum.labnet")!.ProtectedSecret));
        }

        [Fact]
        public void ARotationMovesTheWebApiDeviceKeysToo()
        {
            var deviceKey = new byte[32];
            new Random(7).NextBytes(deviceKey);
            var devices = SqliteStoreFactory.OpenDevices(Database);
            var device = new Device { Id = DeviceId.New(), Machine = "PC1", Created = DateTime.UtcNow };
            device.ProtectedKey = Protector(Passphrase).Protect(Device.KeyBinding(device.Id), deviceKey);
            Assert.True(devices.Add(device));
            var rotated = Config(encryption: true, passphrase: NewPassphrase);

            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{rotated}' -PreviousPassphrase ([System.Net.NetworkCredential]::new('', '{Passphrase}').SecurePassword) -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(1, Count(result, "DeviceKeysConverted"));
            Assert.Equal(deviceKey, Protector(NewPassphrase).Unprotect(Device.KeyBinding(device.Id), devices.Find(device.Id)!.ProtectedKey));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void ASecretThatChangedWhileItRanIsLeftAndSaidEvenWhenItIsTheOnlyOne(int users)
        {
            var names = new[] { "a", "b" }.Take(users).ToList();
            foreach (var name in names)
                _store.Create(new NewOtpUser(name + "@adatum.labnet", SharedSecret.ToBase32(SharedSecret.NewKey()), TotpParameters.Default));
            // a's row is no longer what was read (as after a reset on another server): its compare-and-swap writes nothing.
            AddTrigger("CREATE TRIGGER changed_a BEFORE UPDATE OF secret ON Secrets WHEN NEW.upn = 'a@adatum.labnet' BEGIN SELECT RAISE(IGNORE); END;");
            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{Config(encryption: true)}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(users, Count(result, "ToConvert"));
            Assert.Equal(users - 1, Count(result, "Converted"));
            Assert.Equal("1 secret(s) changed while this ran (a reset or removal) and were left as they now are.", Assert.Single(result.Warnings));
        }

        [Fact]
        public void EitherEverySecretMovesOrNone()
        {
            foreach (var name in new[] { "a", "b", "c" })
                _store.Create(new NewOtpUser(name + "@adatum.labnet", SharedSecret.ToBase32(SharedSecret.NewKey()), TotpParameters.Default));
            // The last write fails (as a full disk or a lost connection would): the whole transaction must roll back.
            AddTrigger("CREATE TRIGGER fail_c BEFORE UPDATE OF secret ON Secrets WHEN NEW.upn = 'c@adatum.labnet' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{Config(encryption: true)}' -Confirm:$false");
            Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("StoreUnavailable"));
            Assert.All(new[] { "a", "b", "c" }, name => Assert.DoesNotContain(":", _store.Find(name + "@adatum.labnet")!.ProtectedSecret));
        }

        [Fact]
        public void WithEncryptionOffItSaysWhatToDoFirst()
        {
            var result = _ps.Run($"ConvertTo-xOTP_EncryptedSecret -ConfigurationFilePath '{Config(encryption: false)}' -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Equal("EncryptionOff,SecureMFA.Cmdlets.ConvertToEncryptedSecretCommand", error.FullyQualifiedErrorId);
            Assert.Contains("data_encryption is false", error.Exception.Message);
        }

        public void Dispose() => _ps.Dispose();
    }
}
