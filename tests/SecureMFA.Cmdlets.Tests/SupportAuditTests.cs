using System;
using System.Linq;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Every help-desk change leaves a line in the audit trail saying who did what to whom from where; nothing else does.</summary>
    public sealed class SupportAuditTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly SupportStore _store = new SupportStore();
        private readonly string _actor = $"{Environment.UserDomainName}\\{Environment.UserName} on {Environment.MachineName}";

        public SupportAuditTests()
        {
            using (var store = _store.Open()) SharedTestSalt.SeedInto(store);
            _ps.Run(_store.SessionDefaults);
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
        }

        [Fact]
        public void EachChangeIsOneLineNamingWhoWhatWhomAndTheCommand()
        {
            var result = _ps.Run(@"
                New-xOTP_User alice@adatum.com
                New-xOTP_User bob@adatum.com -Disabled
                Disable-xOTP_User alice@adatum.com
                Enable-xOTP_User bob@adatum.com
                Unlock-xOTP_User alice@adatum.com
                Reset-xOTP_User alice@adatum.com -Confirm:$false
                New-xOTP_RecoveryCode alice@adatum.com -Confirm:$false | Out-Null
                Remove-xOTP_User bob@adatum.com -Confirm:$false");
            Assert.Empty(result.Errors);
            Assert.Empty(result.Warnings);
            Assert.Equal(new[]
            {
                $"{_actor} created the OTP user alice@adatum.com (New-xOTP_User).",
                $"{_actor} created the OTP user bob@adatum.com, disabled (New-xOTP_User).",
                $"{_actor} disabled OTP sign-in of alice@adatum.com (Disable-xOTP_User).",
                $"{_actor} enabled OTP sign-in of bob@adatum.com (Enable-xOTP_User).",
                $"{_actor} unlocked alice@adatum.com (Unlock-xOTP_User).",
                $"{_actor} reset alice@adatum.com: a new secret, enrolment again at the next sign-in (Reset-xOTP_User).",
                $"{_actor} issued 10 new recovery codes to alice@adatum.com (New-xOTP_RecoveryCode).",
                $"{_actor} removed the OTP user bob@adatum.com (secret, state and recovery codes) (Remove-xOTP_User).",
            }, _ps.AuditTrail);
        }

        [Fact]
        public void WhatIfReadsAndRefusalsLeaveNoLine()
        {
            _ps.Run("New-xOTP_User alice@adatum.com");
            var before = _ps.AuditTrail.Length;
            var result = _ps.Run(@"
                Disable-xOTP_User alice@adatum.com -WhatIf
                Remove-xOTP_User alice@adatum.com -WhatIf
                Get-xOTP_User | Out-Null
                Unlock-xOTP_User ghost@adatum.com
                New-xOTP_User alice@adatum.com");
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal(before, _ps.AuditTrail.Length);
        }

        [Fact]
        public void ARevokedDeviceIsNamedAndAMachineNameCannotForgeASecondLine()
        {
            // The machine name comes from the device at registration: a line break in it must not start a forged line.
            var device = new Device { Id = DeviceId.New(), Machine = "PC1\nADATUM\\admin on ADFS1 enabled OTP sign-in of mallory@adatum.com", MachineSid = "S-1-5-21-7",
                ProtectedKey = "v2:c2VjcmV0LWtleS1ieXRlcw==", Created = DateTime.UtcNow };
            using (var registry = SqliteStoreFactory.OpenDevices(_store.DatabaseFile)) Assert.True(registry.Add(device));
            var result = _ps.Run($"Revoke-xOTP_Device -DeviceId {device.Id} -Confirm:$false");
            Assert.Empty(result.Errors);
            var line = Assert.Single(_ps.AuditTrail);
            Assert.StartsWith($"{_actor} revoked the WEB API device {device.Id} (PC1", line);
            Assert.DoesNotContain('\n', line);
            Assert.EndsWith("(Revoke-xOTP_Device).", line);
        }

        [Fact]
        public void ATrailThatCannotBeWrittenKeepsTheChangesAndWarnsOnceWithTheCause()
        {
            _ps.Run("function global:Write-SecureMfaOtpAuditEvent { param([string] $Message) throw 'the event source is not registered' }");
            var result = _ps.Run("'a@adatum.com', 'b@adatum.com', 'c@adatum.com' | New-xOTP_User");
            Assert.Equal(3, result.Output.Count);
            Assert.Empty(result.Errors);
            using (var store = _store.Open()) Assert.NotNull(store.Find("c@adatum.com"));
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith("The change is made, but the audit trail did not take it (the event source is not registered): " +
                $"{_actor} created the OTP user a@adatum.com (New-xOTP_User). The changes this command makes after it are not audited either", warning);
        }
    }
}
