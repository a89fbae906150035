using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The vault's side of the lost phone, with a fake DPAPI and a hand-moved clock: recovery codes kept used across a new
    /// package until reported, packages with out-of-bounds recovery codes refused, format-2 vaults still read.
    /// </summary>
    public class LostPhoneVaultTests
    {
        private const string Upn = WinOtpHarness.Upn;
        private readonly WinOtpHarness _h = new WinOtpHarness();
        private readonly DeviceCredentials _device;
        private readonly string[] _codes = Enumerable.Range(0, 3).Select(i => $"ABCD-EFGH-JKMN-PQR{i}").ToArray();

        public LostPhoneVaultTests() => _device = _h.Register();

        private static string StoreHash(string code) => RecoveryCodeText.Hash(Upn, RecoveryCodeText.Normalize(code)!);

        private OfflinePackage Package(int iterations = 1000, int count = 3)
        {
            var package = new OfflinePackage
            {
                Upn = Upn, Issuer = "Adatum", Alg = "SHA1", Digits = 6, Period = 30,
                ValidUntil = _h.Clock.UnixSeconds + 30 * 86400L, MaxFailures = 5, LockoutMinutes = 5, LastStep = TestCodes.Step(_h.Clock.UtcNow),
                RecoveryIterations = iterations,
                RecoveryCodes = Enumerable.Range(0, count).Select(i => OfflineRecoveryCode.Of(StoreHash(_codes[i % _codes.Length]), iterations).ToString()).ToList(),
            };
            package.WrappedSecret = OfflineSecretWrap.Wrap(_device.Key, package, WinOtpHarness.Secret);
            return package;
        }

        [Fact]
        public void ACodeUsedOfflineStaysUsedWhenAPackageArrivesBeforeTheReport()
        {
            var vault = _h.OfflineVault();
            vault.StoreForDevice(Upn, _device, Package(), _h.Clock.UnixSeconds, "Adatum offline (PC1)", "");
            var used = vault.VerifyRecoveryCode(Upn, _device, _codes[1].ToLowerInvariant(), _h.Policy());
            Assert.Equal((OfflineOutcome.Accepted, (int?)2), (used.Outcome, used.RecoveryCodesLeft));
            Assert.Equal(new[] { StoreHash(_codes[1]) }, vault.UnreportedRecoveryCodes(Upn, _device));

            // A sync brings the server's list, which still has the code (not reported yet): it stays used here.
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            vault.StoreForDevice(Upn, _device, Package(), _h.Clock.UnixSeconds, "Adatum offline (PC1)", "");
            Assert.Equal(OfflineOutcome.Rejected, vault.VerifyRecoveryCode(Upn, _device, _codes[1], _h.Policy()).Outcome);
            Assert.Equal(new[] { StoreHash(_codes[1]) }, vault.UnreportedRecoveryCodes(Upn, _device));
            Assert.Equal(OfflineOutcome.Accepted, vault.VerifyRecoveryCode(Upn, _device, _codes[2], _h.Policy()).Outcome);

            // Reported and burnt: they leave the vault, and a package without them is what the server sends next.
            Assert.True(vault.ForgetReportedRecoveryCodes(Upn, _device, new[] { StoreHash(_codes[1]), StoreHash(_codes[2]) }));
            Assert.Empty(vault.UnreportedRecoveryCodes(Upn, _device));
            Assert.Equal(OfflineOutcome.Rejected, vault.VerifyRecoveryCode(Upn, _device, _codes[2], _h.Policy()).Outcome);
            Assert.Equal(OfflineOutcome.Malformed, vault.VerifyRecoveryCode(Upn, _device, "ABCD-EFGH", _h.Policy()).Outcome);
        }

        [Theory]
        [InlineData(0, 3)]
        [InlineData(OfflineRecoveryCode.MaxIterations + 1, 3)]
        [InlineData(1000, OfflineVault.MaxRecoveryCodes + 1)]
        public void APackageWithRecoveryCodesOutOfBoundsIsRefused(int iterations, int count)
        {
            var package = Package(Math.Max(iterations, 1), count);
            package.RecoveryIterations = iterations;
            Assert.Null(OfflineVault.OpenPackage(package, Upn, _device, _h.Clock.UnixSeconds, out var problem));
            Assert.Contains("recovery", problem);
            Assert.NotNull(OfflineVault.OpenPackage(Package(), Upn, _device, _h.Clock.UnixSeconds, out _));
        }

        [Fact]
        public void AFormat2VaultIsStillReadAsOneWithoutRecoveryCodesAndWrittenAs3()
        {
            var vault = _h.OfflineVault();
            var package = Package(count: 0);
            package.RecoveryIterations = 0;
            vault.StoreForPassword(Upn, _device, package, WinOtpHarness.Secret, _h.Clock.UnixSeconds, WinOtpHarness.Password, "Adatum offline (PC1)");
            var name = VaultFileName.For(Upn);
            // The same record as format 2 wrote it: without the three lost-phone lines, under the documented MAC.
            var lines = Encoding.UTF8.GetString(_h.Vault.Files[name]).Split('\n').ToList();
            lines.RemoveAll(l => l.StartsWith("recoveryIterations ") || l.StartsWith("recovery ") || l.StartsWith("unlock ") || l.StartsWith("mac "));
            lines[0] = VaultCodec.Magic2;
            var body = Encoding.UTF8.GetBytes(string.Join("\n", lines.Where(l => l.Length > 0)) + "\n");
            var key = Hkdf.DeriveKey(_device.Key, null, Encoding.UTF8.GetBytes("SMFA1-VAULT-STATE\n" + Upn), 32);
            using (var hmac = new HMACSHA256(key))
                _h.Vault.Files[name] = body.Concat(Encoding.UTF8.GetBytes("mac " + Convert.ToBase64String(hmac.ComputeHash(body)) + "\n")).ToArray();

            _h.Clock.NextStep();
            var check = vault.Verify(Upn, _device, WinOtpHarness.Password, TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(_h.Clock.UtcNow)), _h.Policy());
            Assert.Equal(OfflineOutcome.Accepted, check.Outcome);
            Assert.StartsWith(VaultCodec.Magic + "\n", Encoding.UTF8.GetString(_h.Vault.Files[name]));
            Assert.Equal(OfflineOutcome.Rejected, vault.VerifyRecoveryCode(Upn, _device, _codes[0], _h.Policy()).Outcome);
        }
    }
}
