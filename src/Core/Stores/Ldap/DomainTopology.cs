using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// What one domain controller reports about its domain: which DC it is, which DC holds the PDC emulator role,
    /// and the domain's writable DCs. The role owner is the domain naming context head's fSMORoleOwner, the DN of
    /// an NTDS Settings object; the parent of that object is the DC's server object, whose dNSHostName names it.
    /// </summary>
    public sealed class DomainTopology
    {
        private DomainTopology(string answeringDsa, string pdcEmulatorRoleOwner, IReadOnlyList<DomainController> domainControllers) =>
            (AnsweringDsa, PdcEmulatorRoleOwner, DomainControllers) = (answeringDsa, pdcEmulatorRoleOwner, domainControllers);

        /// <summary>The NTDS Settings DN of the DC that answered (its rootDSE dsServiceName).</summary>
        public string AnsweringDsa { get; }

        /// <summary>The fSMORoleOwner value as read, for messages when it names no DC of the domain (a removed DC whose role was never seized).</summary>
        public string PdcEmulatorRoleOwner { get; }

        /// <summary>The domain's writable DCs (read-only DCs excluded: they cannot take writes), sorted by host name.</summary>
        public IReadOnlyList<DomainController> DomainControllers { get; }

        public DomainController? PdcEmulator => DomainControllers.FirstOrDefault(dc => dc.IsPdcEmulator);

        /// <summary>The DC that answered, if it is one of the domain's writable DCs.</summary>
        public DomainController? AnsweringDomainController => DomainControllers.FirstOrDefault(dc => dc.Is(AnsweringDsa));

        public static DomainTopology Read(LdapConnection connection)
        {
            var rootDse = BaseEntry(connection, "", "defaultNamingContext", "configurationNamingContext", "dsServiceName");
            var domain = LdapEntryText.First(rootDse, "defaultNamingContext") ?? throw Missing("defaultNamingContext");
            var configuration = LdapEntryText.First(rootDse, "configurationNamingContext") ?? throw Missing("configurationNamingContext");
            var answering = LdapEntryText.First(rootDse, "dsServiceName") ?? throw Missing("dsServiceName");
            var roleOwner = LdapEntryText.First(BaseEntry(connection, domain, "fSMORoleOwner"), "fSMORoleOwner") ?? "";

            var sites = "CN=Sites," + configuration;
            var hostNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var server in Search(connection, sites, "(objectClass=server)", "dNSHostName"))
            {
                var hostName = LdapEntryText.First(server, "dNSHostName");
                if (hostName != null) hostNames[server.DistinguishedName] = hostName;
            }
            // objectCategory=nTDSDSA leaves out read-only DCs (theirs is nTDSDSARO); the master NCs keep the DCs of this domain only.
            var escaped = LdapFilterValue.Escape(domain);
            var filter = $"(&(objectCategory=nTDSDSA)(|(msDS-hasMasterNCs={escaped})(hasMasterNCs={escaped})))";
            var domainControllers = new List<DomainController>();
            foreach (var dsa in Search(connection, sites, filter, "objectClass"))
            {
                if (hostNames.TryGetValue(ParentOf(dsa.DistinguishedName), out var hostName))
                    domainControllers.Add(new DomainController(dsa.DistinguishedName, hostName, string.Equals(dsa.DistinguishedName, roleOwner, StringComparison.OrdinalIgnoreCase)));
            }
            return new DomainTopology(answering, roleOwner, domainControllers.OrderBy(dc => dc.HostName, StringComparer.Ordinal).ToList());
        }

        /// <summary>The NTDS Settings DN of the DC at the other end of the connection (its rootDSE dsServiceName).</summary>
        public static string AnsweringDsaOf(LdapConnection connection) =>
            LdapEntryText.First(BaseEntry(connection, "", "dsServiceName"), "dsServiceName") ?? throw Missing("dsServiceName");

        /// <summary>The DN without its first RDN; a comma escaped with a backslash belongs to the RDN.</summary>
        public static string ParentOf(string dn)
        {
            for (var i = 0; i < dn.Length; i++)
            {
                if (dn[i] == '\\') i++;
                else if (dn[i] == ',') return dn.Substring(i + 1).TrimStart();
            }
            return "";
        }

        private static SearchResultEntry BaseEntry(LdapConnection connection, string dn, params string[] attributes)
        {
            var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attributes));
            return response.Entries.Count > 0 ? response.Entries[0] : throw new DirectoryOperationException($"The directory returned no entry for \"{dn}\".");
        }

        private static IEnumerable<SearchResultEntry> Search(LdapConnection connection, string baseDn, string filter, params string[] attributes) =>
            ((SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes))).Entries.Cast<SearchResultEntry>();

        private static DirectoryOperationException Missing(string attribute) =>
            new DirectoryOperationException($"The domain controller's rootDSE has no {attribute}.");
    }
}
