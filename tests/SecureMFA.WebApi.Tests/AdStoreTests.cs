using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Threading.Tasks;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>
    /// The API on the AD store: the shared Samba domain controller (SECUREMFA_AD_* variables, from /tmp/smfa-dc/ad.env or
    /// scripts/test.sh). Without it these tests fail and say why; they are never skipped.
    /// </summary>
    public sealed class AdStoreTests
    {
        private static Dictionary<string, string> AdSettings()
        {
            var server = Environment.GetEnvironmentVariable("SECUREMFA_AD_SERVER");
            if (string.IsNullOrEmpty(server))
                throw new InvalidOperationException("AD-mode tests need the Samba domain controller: source its ad.env or run scripts/test.sh (SECUREMFA_AD_SERVER is not set).");
            return new Dictionary<string, string>
            {
                ["auth_mode"] = "AD",
                ["ad_server"] = server,
                ["ad_port"] = Environment.GetEnvironmentVariable("SECUREMFA_AD_PORT") ?? "636",
                ["ad_ssl"] = "true",
                ["ad_user"] = Environment.GetEnvironmentVariable("SECUREMFA_AD_USER")!,
                ["ad_password"] = Environment.GetEnvironmentVariable("SECUREMFA_AD_PASSWORD")!,
                ["ad_search_base"] = Environment.GetEnvironmentVariable("SECUREMFA_AD_BASE")!,
            };
        }

        /// <summary>A new directory user with a UPN, as an AD administrator would have made it.</summary>
        private static string NewDirectoryUser(ApiDeployment deployment)
        {
            var settings = LdapConnectionSettings.From(deployment.Config);
            var name = "w" + Guid.NewGuid().ToString("N").Substring(0, 15);
            using var connection = settings.Connect();
            connection.SendRequest(new AddRequest($"CN={name},CN=Users,{settings.SearchBase}",
                new DirectoryAttribute("objectClass", "user"), new DirectoryAttribute("sAMAccountName", name),
                new DirectoryAttribute("userPrincipalName", name + "@adatum.labnet")));
            return name + "@adatum.labnet";
        }

        [Fact]
        public async Task OnTheAdStoreADeviceRegistersVerifiesIsListedAndRevoked()
        {
            var deployment = new ApiDeployment(AdSettings());
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            var device = await api.NewDevice(machine: "ADPC1");

            var stored = deployment.Devices.Find(device.DeviceId)!;
            Assert.Equal("ADPC1", stored.Machine);
            Assert.StartsWith("v2:", stored.ProtectedKey);
            Assert.Contains(deployment.Devices.List(), d => d.Id == device.DeviceId);

            var upn = deployment.NewUser(NewDirectoryUser(deployment));
            var code = deployment.CodeAt(upn, DateTimeOffset.UtcNow);
            var accept = await device.Verify(upn, code, offline: true, offlineDays: 3);
            Assert.Equal("accept", accept.Result);
            Assert.True(accept.IsSignedBy(device.Key));
            Assert.True(deployment.Store.Find(upn)!.Enrolled);
            Assert.Equal("replay", (await device.Verify(upn, code)).Result);
            Assert.NotNull(deployment.Devices.Find(device.DeviceId)!.LastSeen);

            Assert.True(deployment.Devices.Revoke(device.DeviceId, DateTime.UtcNow));
            var revoked = await device.Self();
            Assert.Equal((403, "device_revoked"), (revoked.Status, revoked.Error));
            Assert.True(revoked.IsSignedBy(device.Key));
            Assert.True(deployment.Devices.Find(device.DeviceId)!.IsRevoked);
        }
    }
}
