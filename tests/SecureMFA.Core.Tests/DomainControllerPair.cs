using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.DirectoryServices.Protocols;
using System.Linq;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Otp.Time;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// The two Samba DCs of <c>scripts/samba-dc.sh start-pair</c> (settings in SECUREMFA_PAIR_* variables): DC1 holds the
    /// PDC emulator role, DC2 is joined to its domain. They replicate only when a test asks, so where a value was
    /// written can be read back exactly. Their names are in no DNS here: stores get them mapped to the addresses.
    /// </summary>
    public static class DomainControllerPair
    {
        public const string Dc1Name = "dc1.adatum.labnet";
        public const string Dc2Name = "dc2.adatum.labnet";
        public const string Base = "DC=adatum,DC=labnet";

        public static string Dc1 => Variable("SECUREMFA_PAIR_DC1");
        public static string Dc2 => Variable("SECUREMFA_PAIR_DC2");

        /// <summary>ad_server = that DC, plain LDAP with a simple bind (the pair has no TLS; the DC on 127.0.0.1 covers LDAPS).</summary>
        public static LdapConnectionSettings Settings(string server) => new LdapConnectionSettings
        {
            Server = server,
            Port = 389,
            Ssl = false,
            User = Variable("SECUREMFA_PAIR_USER"),
            Password = Variable("SECUREMFA_PAIR_PASSWORD"),
            SearchBase = Base,
            Timeout = TimeSpan.FromSeconds(10),
        };

        /// <summary>
        /// The store as the product builds it, with ad_server = <paramref name="server"/>, except that DC host names are
        /// mapped to the pair's addresses (each name dialled is recorded) and the choice's clock is the test's.
        /// </summary>
        public static LdapOtpUserStore OpenStore(string server, IEventSink events, IClock clock, ConcurrentQueue<string> dialled) =>
            new LdapOtpUserStore(Settings(server), Choice(server, events, clock, dialled));

        public static LdapDeviceRegistry OpenDevices(string server, IEventSink events, IClock clock, ConcurrentQueue<string> dialled) =>
            new LdapDeviceRegistry(Choice(server, events, clock, dialled));

        /// <summary>The real choice, with the pair's DC names (which no DNS knows) mapped to their addresses, and every DC dialled recorded.</summary>
        private static DomainControllerChoice Choice(string server, IEventSink events, IClock clock, ConcurrentQueue<string> dialled)
        {
            var settings = Settings(server);
            return new DomainControllerChoice(settings, events, clock, hostName =>
            {
                dialled.Enqueue(hostName);
                return settings.ConnectToDomainController(AddressOf(hostName));
            });
        }

        public static string AddressOf(string hostName) => hostName switch
        {
            Dc1Name => Dc1,
            Dc2Name => Dc2,
            _ => throw new ArgumentException($"{hostName} is not a DC of the pair."),
        };

        public static LdapConnection Connect(string address) => Settings(address).Connect();

        /// <summary>A directory user created on that DC only (until a replication), by the test, not by the store.</summary>
        public static string CreateUser(string address)
        {
            var name = "p" + Guid.NewGuid().ToString("N").Substring(0, 15);
            using var connection = Connect(address);
            connection.SendRequest(new AddRequest($"CN={name},CN=Users,{Base}",
                new DirectoryAttribute("objectClass", "user"),
                new DirectoryAttribute("sAMAccountName", name),
                new DirectoryAttribute("userPrincipalName", name + "@adatum.labnet")));
            return name + "@adatum.labnet";
        }

        /// <summary>Pulls the domain partition's changes from one DC into the other, now ("dc1", "dc2").</summary>
        public static void Replicate(string from, string to) => Script("replicate", from, to);

        public static void Stop(string member) => Script("stop-member", member);

        public static void Start(string member) => Script("start-member", member);

        /// <summary>The DC's invocationId: replication metadata names the DC a change originated on by it.</summary>
        public static Guid InvocationIdOf(string address)
        {
            using var connection = Connect(address);
            var dsa = (string)Entry(connection, "", "dsServiceName").Attributes["dsServiceName"][0];
            return new Guid((byte[])Entry(connection, dsa, "invocationId").Attributes["invocationId"].GetValues(typeof(byte[]))[0]);
        }

        /// <summary>
        /// The user's sMFA-OTP-ChangeVersion on that DC, and the DC the current value was written on, from the
        /// object's replPropertyMetaData (Samba has no msDS-ReplAttributeMetaData); null when the DC has no value.
        /// </summary>
        public static (long Value, Guid OriginatingDc)? ChangeVersionOn(string address, string upn)
        {
            using var connection = Connect(address);
            var search = (SearchResponse)connection.SendRequest(new SearchRequest(Base, $"(userPrincipalName={upn})", SearchScope.Subtree,
                "sMFA-OTP-ChangeVersion", "replPropertyMetaData"));
            var user = search.Entries.Cast<SearchResultEntry>().Single();
            if (!user.Attributes.Contains("sMFA-OTP-ChangeVersion")) return null;
            var value = long.Parse((string)user.Attributes["sMFA-OTP-ChangeVersion"][0]);
            var schema = (SearchResponse)connection.SendRequest(new SearchRequest($"CN=Schema,CN=Configuration,{Base}",
                "(lDAPDisplayName=sMFA-OTP-ChangeVersion)", SearchScope.OneLevel, "msDS-IntId"));
            // An attribute added to the schema later replicates under its msDS-IntId.
            var attributeId = unchecked((uint)int.Parse((string)schema.Entries[0].Attributes["msDS-IntId"][0]));
            var metadata = (byte[])user.Attributes["replPropertyMetaData"].GetValues(typeof(byte[]))[0];
            return (value, OriginOf(metadata, attributeId));
        }

        /// <summary>
        /// replPropertyMetaDataBlob (MS-DRSR 5.166), version 1: 16 bytes of header (version, reserved, count, reserved),
        /// then per attribute 48 bytes: attid, version, change time (8), originating invocationId (16), originating USN, local USN.
        /// </summary>
        private static Guid OriginOf(byte[] metadata, uint attributeId)
        {
            var count = BitConverter.ToInt32(metadata, 8);
            for (var i = 0; i < count; i++)
            {
                var offset = 16 + i * 48;
                if (BitConverter.ToUInt32(metadata, offset) == attributeId) return new Guid(metadata.AsSpan(offset + 16, 16));
            }
            throw new InvalidOperationException($"No replication metadata for attribute id {attributeId:x8}.");
        }

        private static SearchResultEntry Entry(LdapConnection connection, string dn, string attribute) =>
            ((SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attribute))).Entries[0];

        private static void Script(params string[] arguments)
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Variable("SECUREMFA_PAIR_SCRIPT"));
            start.ArgumentList.Add(arguments[0]);
            start.ArgumentList.Add(Variable("SECUREMFA_PAIR_DIR"));
            foreach (var argument in arguments.Skip(1)) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"samba-dc.sh {string.Join(" ", arguments)} failed ({process.ExitCode}): {errors}{output.Result}");
        }

        private static string Variable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
                throw new InvalidOperationException($"The PDC emulator tests need the Samba DC pair: scripts/test.sh starts it; by hand, scripts/samba-dc.sh start-pair DIR and source DIR/pair.env ({name} is not set).");
            return value;
        }
    }
}
