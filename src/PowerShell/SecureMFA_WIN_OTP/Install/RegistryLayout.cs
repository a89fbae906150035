using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets
{
    /// <summary>
    /// Everything the installer writes in the registry, from this one function, in the order it is written:
    /// <list type="number">
    /// <item>the ACL of HKLM\Software\SecureMFA\Device, where registration keeps the device id and key: full control for
    /// SYSTEM (LogonUI) and BUILTIN\Administrators, nothing else, nothing inherited (a key under HKLM\Software otherwise
    /// inherits read access for every local user, and DPAPI machine scope opens for any process). Registration sets it
    /// before it stores the key; every install sets it again;</item>
    /// <item>the settings under HKLM\Software\SecureMFA (not secret; readable by users, as <c>win_rdponly</c> always was);</item>
    /// <item>the two COM classes under HKLM\SOFTWARE\Classes\CLSID (HKCR), as RegAsm /codebase registers a .NET class:
    /// InprocServer32 = mscoree.dll (the .NET Framework's COM shim), ThreadingModel Apartment (LogonUI creates
    /// credential providers on its STA thread, as Microsoft's samples register them), Class, Assembly, RuntimeVersion
    /// v4.0.30319, CodeBase (no GAC: the files are in their own folder under Program Files), the same under a subkey
    /// named for the assembly version, and the .NET category; no ProgID;</item>
    /// <item>the provider under Credential Providers;</item>
    /// <item>last, the filter under Credential Provider Filters: once it is there, Windows' other tiles are off where a
    /// code is required, so everything it relies on is in place before.</item>
    /// </list>
    /// Uninstall removes the same keys (<see cref="OwnedKeys"/>) in the opposite order.
    /// </summary>
    public static class RegistryLayout
    {
        public const string ClassesRoot = @"HKLM\SOFTWARE\Classes\CLSID";
        public const string CredentialProviders = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers";
        public const string CredentialProviderFilters = @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Provider Filters";
        public const string RuntimeVersion = "v4.0.30319";
        /// <summary>CATID of ".NET Category", which RegAsm adds to every class it registers.</summary>
        public const string DotNetCategory = "{62C8FE65-4EBB-45E7-B440-6E39B2CDBF29}";
        public const string ProviderTitle = "SecureMFA WIN OTP";
        public const string FilterTitle = "SecureMFA WIN OTP filter";

        public static string ProviderClsid => $"{{{ProviderIds.ProviderClsidText}}}";
        public static string FilterClsid => $"{{{ProviderIds.FilterClsidText}}}";

        /// <summary>The only ACL the installer gives a key: the device registration's.</summary>
        public const string ProtectedKeyAccess = "SYSTEM and BUILTIN\\Administrators full control, no other entry, nothing inherited";
        /// <summary>
        /// The same ACL in SDDL, for the MSI's MsiLockPermissionsEx table: owner Administrators, protected (nothing
        /// inherited), key-all-access for SYSTEM and Administrators, inherited by subkeys (as Protect-SecureMfaWinOtpRegistryKey
        /// and WindowsMachineRegistry.ProtectKey set it: FullControl, ContainerInherit).
        /// </summary>
        public const string ProtectedKeySddl = "O:BAG:SYD:PAI(A;CI;KA;;;SY)(A;CI;KA;;;BA)";

        public static IReadOnlyList<RegistryEntry> For(InstallSettings settings, ProviderInstallation provider)
        {
            var entries = new List<RegistryEntry> { new RegistryEntry(SettingNames.DeviceRegistryPath, "", RegistryEntry.ProtectedKey, ProtectedKeyAccess) };
            entries.AddRange(settings.Values());
            entries.AddRange(ComClass(ProviderClsid, $"{ProviderTitle} credential provider", ProviderIds.ProviderClassName, provider));
            entries.AddRange(ComClass(FilterClsid, FilterTitle, ProviderIds.FilterClassName, provider));
            entries.Add(new RegistryEntry($"{CredentialProviders}\\{ProviderClsid}", "", RegistryEntry.String, ProviderTitle));
            entries.Add(new RegistryEntry($"{CredentialProviderFilters}\\{FilterClsid}", "", RegistryEntry.String, FilterTitle));
            return entries;
        }

        /// <summary>The keys that are the installer's alone, whole, in the order Uninstall deletes them (filter first: Windows' tiles come back at once).</summary>
        public static IReadOnlyList<string> OwnedKeys => new[]
        {
            $"{CredentialProviderFilters}\\{FilterClsid}",
            $"{CredentialProviders}\\{ProviderClsid}",
            $"{ClassesRoot}\\{FilterClsid}",
            $"{ClassesRoot}\\{ProviderClsid}",
        };

        /// <summary>
        /// The values of HKLM\Software\SecureMFA that are WIN OTP's: the settings, an earlier version's device registration
        /// (now in <see cref="SettingNames.DeviceRegistryPath"/>), and the original product's unused ones.
        /// </summary>
        public static IReadOnlyList<string> SettingValueNames =>
            SettingCatalogue.All.Select(s => s.ValueName).Concat(new[] { SettingNames.DeviceId, SettingNames.DeviceKey }).Concat(SettingNames.NotUsed).ToArray();

        private static IEnumerable<RegistryEntry> ComClass(string clsid, string title, string className, ProviderInstallation provider)
        {
            var key = $"{ClassesRoot}\\{clsid}";
            var server = $"{key}\\InprocServer32";
            var versioned = $"{server}\\{provider.AssemblyVersion}";
            yield return new RegistryEntry(key, "", RegistryEntry.String, title);
            yield return new RegistryEntry(server, "", RegistryEntry.String, "mscoree.dll");
            yield return new RegistryEntry(server, "ThreadingModel", RegistryEntry.String, "Apartment");
            foreach (var at in new[] { server, versioned })
            {
                yield return new RegistryEntry(at, "Class", RegistryEntry.String, className);
                yield return new RegistryEntry(at, "Assembly", RegistryEntry.String, provider.AssemblyFullName);
                yield return new RegistryEntry(at, "RuntimeVersion", RegistryEntry.String, RuntimeVersion);
                yield return new RegistryEntry(at, "CodeBase", RegistryEntry.String, provider.CodeBase);
            }
            yield return new RegistryEntry($"{key}\\Implemented Categories\\{DotNetCategory}", "", RegistryEntry.KeyOnly, null);
        }
    }
}
