using System;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Where the device key lives: HKLM\Software\SecureMFA\Device with an ACL of SYSTEM and Administrators only (the fake
    /// registry plays Windows: a key is readable by BUILTIN\Users until it gets its own ACL). A key others can read is
    /// never used, nor an earlier version's key in HKLM\Software\SecureMFA.
    /// </summary>
    public class DeviceStoreTests
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();

        private DeviceStore Store() => new DeviceStore(_h.Registry, _h.Protection);

        [Fact]
        public void RegistrationKeepsTheDeviceInAKeyOnlySystemAndAdministratorsCanOpen()
        {
            var device = _h.Register();
            Assert.Equal(new[] { SettingNames.DeviceKeyName }, _h.Registry.ProtectedKeys);
            Assert.Empty(_h.Registry.OthersWithAccess(SettingNames.DeviceKeyName)!);
            Assert.Equal(device.DeviceId, _h.Registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId));
            Assert.IsType<byte[]>(_h.Registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceKey));
            // Nothing of the device in the key every local user can read.
            Assert.Null(_h.Registry.GetValue("", SettingNames.DeviceId));
            Assert.Null(_h.Registry.GetValue("", SettingNames.DeviceKey));
            Assert.Contains(_h.Registry.OthersWithAccess("")!, who => who == FakeRegistry.InheritedReader);
            Assert.Equal(device.Key, Store().Load(out var problem)!.Key);
            Assert.Null(problem);
        }

        [Fact]
        public void AKeyOthersCanOpenIsNotUsedAndNoRequestIsSigned()
        {
            var device = _h.Register();
            _h.Registry.Grant(SettingNames.DeviceKeyName, @"ADATUM\eve");
            Assert.Null(Store().Load(out var problem));
            Assert.Contains(@"HKLM\Software\SecureMFA\Device is open to ADATUM\eve", problem);
            Assert.Contains("revoke the old device " + device.DeviceId + " at the WEB API (Revoke-xOTP_Device)", problem);

            var requests = _h.Api.Requests.Count;
            var result = _h.SignIn(_h.Code());
            Assert.Equal(LogonOutcome.NotConfigured, result.Outcome);
            Assert.False(result.MayProceed);
            Assert.Equal(requests, _h.Api.Requests.Count);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains(@"open to ADATUM\eve"));
        }

        [Fact]
        public async Task NoRegistrationIsAskedForWhenTheKeyCannotBeProtected()
        {
            _h.Registry.IgnoreProtect = true;
            var (registered, message) = await DeviceRegistration.RegisterAsync(_h.Platform(), _h.Settings(), _h.Api.Bootstrap, "S-1-5-21-1-2-3");
            Assert.False(registered);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device does not exist with its ACL (SYSTEM and Administrators only); the device key is not stored.", message);
            Assert.Empty(_h.Api.Requests);
            Assert.Empty(_h.Api.Devices);
            Assert.Null(_h.Registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceKey));

            // A key that is there with the inherited ACL (made by hand, say) is not used either.
            _h.Registry.SetValue(SettingNames.DeviceKeyName, "note", "made by hand");
            (registered, message) = await DeviceRegistration.RegisterAsync(_h.Platform(), _h.Settings(), _h.Api.Bootstrap, "S-1-5-21-1-2-3");
            Assert.False(registered);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device could not be limited to SYSTEM and Administrators (BUILTIN\Users still has access)", message);
            Assert.Empty(_h.Api.Requests);
        }

        [Fact]
        public void SaveRefusesAKeyOthersCanOpen()
        {
            var device = _h.Register();
            _h.Registry.Grant(SettingNames.DeviceKeyName, "Everyone");
            Assert.Throws<UnauthorizedAccessException>(() => Store().Save(device));
        }

        /// <summary>
        /// The upgrade: an earlier version left win_device_id and win_device_key in HKLM\Software\SecureMFA, readable by
        /// every local user. That key is taken as known to others: it is not used (not moved either), and a new
        /// registration replaces it and removes it.
        /// </summary>
        [Fact]
        public void AnEarlierVersionsReadableDeviceKeyIsNotUsedAndANewRegistrationReplacesIt()
        {
            var old = _h.Register();
            foreach (var name in new[] { SettingNames.DeviceId, SettingNames.DeviceKey })
            {
                _h.Registry.SetValue("", name, _h.Registry.GetValue(SettingNames.DeviceKeyName, name)!);
                _h.Registry.DeleteValue(SettingNames.DeviceKeyName, name);
            }

            Assert.Null(Store().Load(out var problem));
            Assert.Contains(@"The device key of an earlier version is in HKLM\Software\SecureMFA, where every local user can read it, and is not used.", problem);
            Assert.Contains("revoke the old device " + old.DeviceId, problem);
            Assert.False(Store().IsRegistered);
            Assert.Equal(old.DeviceId, Store().PreviousVersionDeviceId);
            Assert.Equal(LogonOutcome.NotConfigured, _h.SignIn(_h.Code()).Outcome);

            var renewed = _h.Register();
            Assert.NotEqual(old.DeviceId, renewed.DeviceId);
            Assert.False(old.Key.SequenceEqual(renewed.Key));
            Assert.Null(_h.Registry.GetValue("", SettingNames.DeviceId));
            Assert.Null(_h.Registry.GetValue("", SettingNames.DeviceKey));
            Assert.Null(Store().PreviousVersionDeviceId);
            Assert.Equal(LogonOutcome.Accepted, _h.SignIn(_h.Code()).Outcome);
        }
    }
}
