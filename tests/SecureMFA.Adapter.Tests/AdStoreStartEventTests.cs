using System;
using System.DirectoryServices.Protocols;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Events;
using SecureMFA.DemoHost;
using SecureMFA.Otp.Time;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>
    /// The adapter's start in AD mode against the Samba DC of scripts/samba-dc.sh start: event 5552 names the domain
    /// controller, the encryption and the schema checked; a schema the account cannot see is event 5553, never an exception.
    /// </summary>
    public class AdStoreStartEventTests
    {
        [Fact]
        public void InAdModeEvent5552NamesThePdcEmulator()
        {
            var events = new RecordedEvents();
            var adapter = Load(events, Variable("SECUREMFA_AD_USER"), Variable("SECUREMFA_AD_PASSWORD"));
            try
            {
                Assert.Equal("SecureMFA OTP provider started (AD store: PDC emulator dc1.adatum.labnet; data encryption on; AD schema current).", Assert.Single(events.Messages(OtpEventId.ProviderOk)));
                Assert.DoesNotContain(events.Events, e => e.Level != EventLevel.Information);
                Assert.DoesNotContain(events.Events, e => e.Message.Contains(Variable("SECUREMFA_AD_PASSWORD")));
            }
            finally
            {
                adapter.OnAuthenticationPipelineUnload();
            }
        }

        /// <summary>
        /// The service account binds, but the directory hides one OTP attribute's schema entry from it (a deny ACE on
        /// CN=sMFA-OTP-Secret for that account only): the start-up check reports it as event 5553 naming the attribute,
        /// the provider still loads, and AD FS meets no exception, at load or at a sign-in.
        /// </summary>
        [Fact]
        public void InAdModeASchemaTheAccountCannotReadIsEvent5553NotAnException()
        {
            var password = $"Schema-Hidden-{Guid.NewGuid():N}".Substring(0, 28) + "a1!";
            var (upn, sid) = CreateServiceAccount(password);
            var original = DenySchemaEntry("sMFA-OTP-Secret", sid);

            var events = new RecordedEvents();
            var adapter = Load(events, upn, password);
            try
            {
                var failed = Assert.Single(events.Events, e => e.Id == OtpEventId.ProviderFailed);
                Assert.Equal(EventLevel.Warning, failed.Level);
                Assert.Contains("The Active Directory schema lacks sMFA-OTP-Secret", failed.Message);
                Assert.Equal("SecureMFA OTP provider started (AD store: PDC emulator dc1.adatum.labnet; data encryption on; AD schema check failed, event 5553).",
                    Assert.Single(events.Messages(OtpEventId.ProviderOk)));

                var page = (IAdapterPresentationForm)adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, upn), null!, new DemoAuthenticationContext("a", "c", 1033));
                Assert.NotNull(page.GetFormHtml(1033));
                Assert.DoesNotContain(events.Events, e => e.Message.Contains(password));
            }
            finally
            {
                adapter.OnAuthenticationPipelineUnload();
                // The DC is shared by every AD-mode test: the schema entry gets its DACL back.
                RestoreDacl("sMFA-OTP-Secret", original);
            }
        }

        private static OtpAuthenticationAdapter Load(RecordedEvents events, string user, string password)
        {
            var config = $@"{{ ""auth_mode"": ""AD"", ""ad_server"": ""{Variable("SECUREMFA_AD_SERVER")}"", ""ad_port"": ""{Variable("SECUREMFA_AD_PORT")}"", ""ad_ssl"": ""true"",
                ""ad_user"": ""{user}"", ""ad_password"": ""{password}"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Ad-Start-Event-Passphrase-1"" }}";
            var adapter = new OtpAuthenticationAdapter(events, SystemClock.Instance);
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(config))));
            return adapter;
        }

        /// <summary>A new enabled directory user with this password (set over LDAPS); its UPN and binary SID.</summary>
        private static (string Upn, byte[] Sid) CreateServiceAccount(string password)
        {
            var name = "svc" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var upn = name + "@adatum.labnet";
            var dn = $"CN={name},CN=Users,{Variable("SECUREMFA_AD_BASE")}";
            using var connection = AdminConnection();
            connection.SendRequest(new AddRequest(dn,
                new DirectoryAttribute("objectClass", "user"),
                new DirectoryAttribute("sAMAccountName", name),
                new DirectoryAttribute("userPrincipalName", upn),
                new DirectoryAttribute("unicodePwd", Encoding.Unicode.GetBytes($"\"{password}\"")),
                new DirectoryAttribute("userAccountControl", "512")));
            var entry = ((SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=user)", SearchScope.Base, "objectSid"))).Entries[0];
            return (upn, (byte[])entry.Attributes["objectSid"].GetValues(typeof(byte[]))[0]);
        }

        /// <summary>
        /// Puts a deny ACE for <paramref name="sid"/> (read property, list, list object, read control) first in the DACL of
        /// the attribute's schema entry, as the domain administrator; returns the DACL as it was, for <see cref="RestoreDacl"/>.
        /// The descriptor is self-relative binary (MS-DTYP 2.4.6): a 20-byte header, then the ACL (8-byte header, the ACEs).
        /// </summary>
        private static byte[] DenySchemaEntry(string attribute, byte[] sid)
        {
            var dn = SchemaEntry(attribute);
            using var connection = AdminConnection();
            var read = new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, "nTSecurityDescriptor");
            read.Controls.Add(new SecurityDescriptorFlagControl(System.DirectoryServices.Protocols.SecurityMasks.Dacl));
            var original = (byte[])((SearchResponse)connection.SendRequest(read)).Entries[0].Attributes["nTSecurityDescriptor"].GetValues(typeof(byte[]))[0];

            var dacl = BitConverter.ToInt32(original, 16);
            var aclSize = BitConverter.ToUInt16(original, dacl + 2);
            var aceCount = BitConverter.ToUInt16(original, dacl + 4);
            const int ReadPropertyListListObjectReadControl = 0x10 | 0x4 | 0x80 | 0x20000;
            var ace = new byte[8 + sid.Length];
            ace[0] = 1; // ACCESS_DENIED_ACE_TYPE, no inheritance flags
            BitConverter.GetBytes((ushort)ace.Length).CopyTo(ace, 2);
            BitConverter.GetBytes(ReadPropertyListListObjectReadControl).CopyTo(ace, 4);
            sid.CopyTo(ace, 8);

            var changed = new byte[20 + aclSize + ace.Length];
            Array.Copy(original, 0, changed, 0, 4); // revision and control; no owner, group or SACL: only the DACL is sent
            BitConverter.GetBytes(20).CopyTo(changed, 16);
            Array.Copy(original, dacl, changed, 20, 8);
            BitConverter.GetBytes((ushort)(aclSize + ace.Length)).CopyTo(changed, 22);
            BitConverter.GetBytes((ushort)(aceCount + 1)).CopyTo(changed, 24);
            ace.CopyTo(changed, 28);
            Array.Copy(original, dacl + 8, changed, 28 + ace.Length, aclSize - 8);
            WriteDacl(connection, dn, changed);
            return original;
        }

        private static void RestoreDacl(string attribute, byte[] original)
        {
            using var connection = AdminConnection();
            WriteDacl(connection, SchemaEntry(attribute), original);
        }

        private static void WriteDacl(LdapConnection connection, string dn, byte[] descriptor)
        {
            var write = new ModifyRequest(dn, DirectoryAttributeOperation.Replace, "nTSecurityDescriptor", descriptor);
            write.Controls.Add(new SecurityDescriptorFlagControl(System.DirectoryServices.Protocols.SecurityMasks.Dacl));
            connection.SendRequest(write);
        }

        private static string SchemaEntry(string attribute) => $"CN={attribute},CN=Schema,CN=Configuration,{Variable("SECUREMFA_AD_BASE")}";

        private static LdapConnection AdminConnection()
        {
            var connection = new LdapConnection(new LdapDirectoryIdentifier(Variable("SECUREMFA_AD_SERVER"), int.Parse(Variable("SECUREMFA_AD_PORT"))),
                new NetworkCredential(Variable("SECUREMFA_AD_USER"), Variable("SECUREMFA_AD_PASSWORD")), AuthType.Basic);
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.SecureSocketLayer = true;
            connection.Bind();
            return connection;
        }

        private static string Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"AD-mode tests need the Samba domain controller: run them through scripts/test.sh, which starts it ({name} is not set).");
    }
}
