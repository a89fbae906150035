using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Get-xOTP_OfflineUnlockCode from the staged module: answers a WIN OTP tile's offline challenge (made here as the tile
    /// makes it, with the device's key) from the key the store holds, refuses what is not that computer's and user's
    /// challenge, or too old, and audits every answer.
    /// </summary>
    public sealed class OfflineUnlockCodeCmdletTests : IDisposable
    {
        private const string Passphrase = "Cmdlet-Tests-Passphrase-1";
        private const string Upn = "alice@adatum.labnet";
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));
        private readonly byte[] _key = Enumerable.Range(40, 32).Select(i => (byte)i).ToArray();
        private readonly Device _device;

        public OfflineUnlockCodeCmdletTests()
        {
            Directory.CreateDirectory(_folder);
            var config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_folder}/otp.db"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""{Passphrase}"" }}");
            using (var store = SqliteStoreFactory.Open(Path.Combine(_folder, "otp.db")))
            {
                SharedTestSalt.SeedInto(store);
                var protector = new EncryptedSecretProtector(Passphrase, () => KeyDerivationSalt.From(store));
                store.Create(new NewOtpUser(Upn, protector.Protect(Upn, new byte[20]), TotpParameters.Default));
                store.Create(new NewOtpUser("carol@adatum.labnet", protector.Protect("carol@adatum.labnet", new byte[20]), TotpParameters.Default, disabled: true));
                _device = new Device { Id = DeviceId.New(), Machine = "LAPTOP-042", MachineSid = "S-1-5-21-7", Created = DateTime.UtcNow.AddDays(-3) };
                _device.ProtectedKey = protector.Protect(Device.KeyBinding(_device.Id), _key);
                Assert.True(SqliteStoreFactory.OpenDevices(Path.Combine(_folder, "otp.db")).Add(_device));
            }
            _ps.Run($"$PSDefaultParameterValues['Get-xOTP_OfflineUnlockCode:ConfigurationFilePath'] = '{config}'");
        }

        public void Dispose() => _ps.Dispose();

        private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        private OfflineUnlock TileChallenge(long at, string upn = Upn) => OfflineUnlock.Issue(_key, _device.Id, upn, at, 12, 0x1234);

        /// <summary>The script's result, and what it added to the help-desk audit trail.</summary>
        private (ScriptResult Result, string[] Audited) Run(string script)
        {
            var before = _ps.AuditTrail.Length;
            var result = _ps.Run(script);
            return (result, _ps.AuditTrail.Skip(before).ToArray());
        }

        [Fact]
        public void AnswersTheTilesChallengeAndAuditsWhoAskedForWhomFromWhere()
        {
            var challenge = TileChallenge(Now - 120);
            var (result, audited) = Run($"Get-xOTP_OfflineUnlockCode -Machine laptop-042 -Upn ALICE@adatum.labnet -Challenge {challenge.Display.ToLowerInvariant()}");
            Assert.Empty(result.Errors);
            var answer = Assert.Single(result.Output);
            Assert.Equal("SecureMFA.Cmdlets.Output.OtpOfflineUnlockCode", answer.BaseObject.GetType().FullName);
            var code = (string)answer.Properties["UnlockCode"].Value;
            Assert.Equal(OfflineUnlock.Group(challenge.Answer(_key, _device.Id, Upn)), code);
            Assert.True(challenge.IsAnswer(_key, _device.Id, Upn, code));
            Assert.Equal(_device.Id, answer.Properties["DeviceId"].Value);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(challenge.IssuedUnix + 15 * 60).UtcDateTime, (DateTime)answer.Properties["ValidUntil"].Value);

            var audit = Assert.Single(audited);
            Assert.StartsWith($"{Environment.UserDomainName}\\{Environment.UserName} on {Environment.MachineName} issued an offline unlock code " +
                $"for {Upn} on computer LAPTOP-042 (device {_device.Id}), answering challenge {challenge.Display}", audit);
            Assert.EndsWith("(Get-xOTP_OfflineUnlockCode).", audit);
            Assert.DoesNotContain(code, audit);
            Assert.DoesNotContain(code.Replace("-", ""), audit);
        }

        [Fact]
        public void RefusesWhatIsNotThisComputersAndUsersFreshChallenge()
        {
            Assert.Equal("InvalidChallenge", Error($"Get-xOTP_OfflineUnlockCode LAPTOP-042 {Upn} ABC"));
            // Made for bob, read out as alice's: the check does not match.
            Assert.Equal("ChallengeMismatch", Error($"Get-xOTP_OfflineUnlockCode LAPTOP-042 {Upn} {TileChallenge(Now, "bob@adatum.labnet").Display}"));
            Assert.Equal("DeviceNotFound", Error($"Get-xOTP_OfflineUnlockCode PC-OTHER {Upn} {TileChallenge(Now).Display}"));
            Assert.Equal("ChallengeExpired", Error($"Get-xOTP_OfflineUnlockCode LAPTOP-042 {Upn} {TileChallenge(Now - 16 * 60).Display}"));
            Assert.Equal("UserNotFound", Error($"Get-xOTP_OfflineUnlockCode LAPTOP-042 nobody@adatum.labnet {TileChallenge(Now).Display}"));
            Assert.Equal("UserDisabled", Error($"Get-xOTP_OfflineUnlockCode LAPTOP-042 carol@adatum.labnet {OfflineUnlock.Issue(_key, _device.Id, "carol@adatum.labnet", Now, 1, 1).Display}"));

            SqliteStoreFactory.OpenDevices(Path.Combine(_folder, "otp.db")).Revoke(_device.Id, DateTime.UtcNow);
            var (revoked, audited) = Run($"Get-xOTP_OfflineUnlockCode LAPTOP-042 {Upn} {TileChallenge(Now).Display}");
            Assert.Equal("DeviceNotFound", revoked.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(audited);
        }

        private string Error(string script)
        {
            var (result, audited) = Run(script);
            Assert.Empty(result.Output);
            Assert.Empty(audited);
            return Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0];
        }

        [Fact]
        public void IsExportedWithFullHelp()
        {
            Assert.Contains("Get-xOTP_OfflineUnlockCode", _ps.Run("Get-Command -Module SecureMFA_OTP | ForEach-Object { $_.Name }").Output.Select(o => o.ToString()));
            var documented = _ps.Run("(Get-Help Get-xOTP_OfflineUnlockCode -Full).parameters.parameter | ForEach-Object { $_.name }").Output.Select(o => o.ToString()).ToList();
            Assert.Contains("Machine", documented);
            Assert.Contains("Challenge", documented);
            Assert.Contains("DeviceId", documented);
        }
    }

    /// <summary>Tests that swap Console.Error (where the event sink writes off Windows) run one at a time.</summary>
    [CollectionDefinition(nameof(StandardErrorCapture), DisableParallelization = true)]
    public sealed class StandardErrorCapture { }
}
