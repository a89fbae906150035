using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Get-xOTP_Device and Revoke-xOTP_Device from the staged module, on a SQLite store with registered devices.</summary>
    public sealed class DeviceCmdletTests : IDisposable
    {
        private static readonly string[] Cmdlets = { "Get-xOTP_Device", "Revoke-xOTP_Device" };
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));

        public DeviceCmdletTests()
        {
            Directory.CreateDirectory(_folder);
            var config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_folder}/otp.db"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Cmdlet-Tests-Passphrase-1"" }}");
            // One salt for every store of the test process, so the cmdlets derive the key once (SharedTestSalt).
            using (var store = SqliteStoreFactory.Open(Path.Combine(_folder, "otp.db"))) SharedTestSalt.SeedInto(store);
            _ps.Run($"$PSDefaultParameterValues['*-xOTP_Device:ConfigurationFilePath'] = '{config}'");
        }

        public void Dispose() => _ps.Dispose();

        private IDeviceRegistry Registry => SqliteStoreFactory.OpenDevices(Path.Combine(_folder, "otp.db"));

        private Device Register(string machine, DateTime created)
        {
            var device = new Device { Id = DeviceId.New(), Machine = machine, MachineSid = "S-1-5-21-7", ProtectedKey = "v2:c2VjcmV0LWtleS1ieXRlcw==", Created = created };
            Assert.True(Registry.Add(device));
            return device;
        }

        private static string Id(PSObject o) => (string)o.Properties["DeviceId"].Value;

        [Fact]
        public void GetListsDevicesOldestFirstWithFiltersAndNeverTheKey()
        {
            var t = DateTime.UtcNow.AddDays(-1);
            var pc = Register("PC1", t);
            var rds1 = Register("RDS-01", t.AddMinutes(1));
            var rds2 = Register("rds-02", t.AddMinutes(2));
            Registry.Revoke(rds2.Id, t.AddHours(1));

            var all = _ps.Run("Get-xOTP_Device");
            Assert.Empty(all.Errors);
            Assert.Equal(new[] { pc.Id, rds1.Id, rds2.Id }, all.Output.Select(Id));
            Assert.Equal("SecureMFA.Cmdlets.Output.OtpDeviceInfo", all.Output[0].BaseObject.GetType().FullName);
            Assert.DoesNotContain(all.Output[0].Properties, p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase) && p.Name != "DeviceId");
            Assert.DoesNotContain(all.Output.Select(o => string.Join(";", o.Properties.Select(p => p.Value))), text => text.Contains("c2VjcmV0"));

            Assert.Equal(new[] { rds1.Id, rds2.Id }, _ps.Run("Get-xOTP_Device -Machine 'RDS*'").Output.Select(Id));
            Assert.Equal(new[] { rds1.Id }, _ps.Run("Get-xOTP_Device -Machine 'rds*' -Active").Output.Select(Id));
            var revoked = Assert.Single(_ps.Run("Get-xOTP_Device -Revoked").Output);
            Assert.Equal(rds2.Id, Id(revoked));
            Assert.True((bool)revoked.Properties["Revoked"].Value);
            Assert.Equal(new[] { pc.Id }, _ps.Run($"Get-xOTP_Device {pc.Id}").Output.Select(Id));
            Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(_ps.Run("Get-xOTP_Device -Revoked -Active").Errors).CategoryInfo.Category);
        }

        [Fact]
        public void RevokeTakesThePipelineHonoursWhatIfAndReportsUnknownIds()
        {
            var t = DateTime.UtcNow.AddDays(-1);
            var laptop1 = Register("LAPTOP-042", t);
            var laptop2 = Register("LAPTOP-042", t.AddMinutes(1));
            var other = Register("PC7", t.AddMinutes(2));

            var whatIf = _ps.Run("Get-xOTP_Device -Machine LAPTOP-042 | Revoke-xOTP_Device -WhatIf");
            Assert.Empty(whatIf.Errors);
            Assert.All(Registry.List(), d => Assert.False(d.IsRevoked));

            var revoked = _ps.Run("Get-xOTP_Device -Machine LAPTOP-042 | Revoke-xOTP_Device -PassThru");
            Assert.Empty(revoked.Errors);
            Assert.Equal(new[] { laptop1.Id, laptop2.Id }, revoked.Output.Select(Id));
            Assert.All(revoked.Output, o => Assert.True((bool)o.Properties["Revoked"].Value));
            Assert.True(Registry.Find(laptop1.Id)!.IsRevoked);
            Assert.False(Registry.Find(other.Id)!.IsRevoked);

            var first = Registry.Find(laptop1.Id)!.Revoked;
            var again = _ps.Run($"Revoke-xOTP_Device {laptop1.Id}");
            Assert.Empty(again.Errors);
            Assert.Contains(again.Warnings, w => w.Contains("already revoked"));
            Assert.Equal(first, Registry.Find(laptop1.Id)!.Revoked);

            var unknown = _ps.Run($"'0123456789abcdef0123456789abcdef', '{other.Id}', 'NOT-AN-ID' | Revoke-xOTP_Device");
            Assert.Equal(2, unknown.Errors.Count);
            Assert.All(unknown.Errors, e =>
            {
                Assert.Equal("DeviceNotFound", e.FullyQualifiedErrorId.Split(',')[0]);
                Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            });
            // One bad id does not stop the others.
            Assert.True(Registry.Find(other.Id)!.IsRevoked);
        }

        [Fact]
        public void BothCmdletsAreExportedWithFullHelp()
        {
            var names = _ps.Run("Get-Command -Module SecureMFA_OTP | ForEach-Object { $_.Name }").Output.Select(o => o.ToString()).ToList();
            foreach (var cmdlet in Cmdlets)
            {
                Assert.Contains(cmdlet, names);
                var synopsis = _ps.Run($"(Get-Help {cmdlet} -Full).Synopsis").Output.Single().ToString()!.Trim();
                Assert.False(synopsis.StartsWith(cmdlet) || synopsis.Length < 10, $"{cmdlet} has no synopsis: {synopsis}");
                var documented = _ps.Run($"(Get-Help {cmdlet} -Full).parameters.parameter | ForEach-Object {{ $_.name }}").Output.Select(o => o.ToString()).ToList();
                var info = (CommandInfo)_ps.Run($"Get-Command {cmdlet}").Output.Single().BaseObject;
                Assert.All(info.Parameters.Keys.Where(p => !PSCmdlet.CommonParameters.Contains(p)), p => Assert.True(documented.Contains(p), $"{cmdlet} -{p} is not in its help"));
                Assert.NotEmpty(_ps.Run($"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.code }}").Output);
            }
            Assert.True(((CommandInfo)_ps.Run("Get-Command Revoke-xOTP_Device").Output.Single().BaseObject).Parameters.ContainsKey("WhatIf"));
        }
    }
}
