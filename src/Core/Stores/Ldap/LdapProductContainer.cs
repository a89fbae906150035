using System.DirectoryServices.Protocols;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// CN=SecureMFA OTP,CN=Program Data,&lt;domain&gt; (ad-schema/SecureMFA_OTP_container.ldf): settings every server
    /// shares, one serviceConnectionPoint per setting under CN=Settings with its value in serviceBindingInformation,
    /// and the WEB API's devices under CN=Devices.
    /// </summary>
    public static class LdapProductContainer
    {
        public const string RelativeName = "CN=SecureMFA OTP,CN=Program Data";
        private const string ValueAttribute = "serviceBindingInformation";

        public static string DistinguishedName(string domainNamingContext) => RelativeName + "," + domainNamingContext;

        public static string SettingsFolder(string domainNamingContext) => "CN=Settings," + DistinguishedName(domainNamingContext);

        public static string DevicesFolder(string domainNamingContext) => "CN=Devices," + DistinguishedName(domainNamingContext);

        /// <summary>Adding the setting's object is the atomic step: the first server to add it wins, the others read its value.</summary>
        public static string GetOrAddSetting(LdapConnection connection, string domainNamingContext, string name, string proposed)
        {
            var dn = "CN=" + name + "," + SettingsFolder(domainNamingContext);
            var existing = Read(connection, dn);
            if (existing != null) return existing;
            try
            {
                connection.SendRequest(new AddRequest(dn,
                    new DirectoryAttribute("objectClass", "serviceConnectionPoint"),
                    new DirectoryAttribute(ValueAttribute, proposed)));
                return proposed;
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.EntryAlreadyExists)
            {
                return Read(connection, dn) ?? throw new StoreUnavailableException($"The directory setting {dn} exists but has no value.");
            }
            catch (DirectoryOperationException ex) when (IsMissingOrClosed(ex))
            {
                throw Unusable($"The setting {name}", SettingsFolder(domainNamingContext), "AD FS service account", ex);
            }
        }

        /// <summary>Whether an object could not be added under the container because it does not exist, or the account may not write there.</summary>
        internal static bool IsMissingOrClosed(DirectoryOperationException ex) =>
            ex.Response?.ResultCode == ResultCode.NoSuchObject || ex.Response?.ResultCode == ResultCode.InsufficientAccessRights;

        /// <summary>The failure that says so, and how to create the container and grant <paramref name="serviceAccount"/> access.</summary>
        /// <param name="what">What could not be kept there ("The device", "The setting kdf-salt-v2").</param>
        internal static StoreUnavailableException Unusable(string what, string folder, string serviceAccount, DirectoryOperationException ex) =>
            new StoreUnavailableException(
                $"{what} cannot be kept in {folder} ({ex.Response!.ResultCode}): create the container with " +
                $"ad-schema/Create_SecureMFA_OTP_AD_attributes.ps1 -ServiceAccount <{serviceAccount}>, which also grants the account access.", ex);

        private static string? Read(LdapConnection connection, string dn)
        {
            try
            {
                var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, ValueAttribute));
                return response.Entries.Count == 0 ? null : LdapEntryText.First(response.Entries[0], ValueAttribute);
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
            {
                return null;
            }
        }
    }
}
