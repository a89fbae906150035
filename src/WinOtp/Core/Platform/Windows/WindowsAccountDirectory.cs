#if NETFRAMEWORK
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Principal;
using System.Text;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>
    /// Accounts as Windows' security system knows them. Windows only; not run on this build machine.
    /// <list type="bullet">
    /// <item>A name's SID: NTAccount.Translate (LsaLookupNames2: DOMAIN\name, name@upn-suffix, local names; ".\name" is this computer's).</item>
    /// <item>A domain account's groups: the groups of an S4U logon token for its UPN (new WindowsIdentity(upn): LsaLogonUser
    /// with KERB_S4U_LOGON, LogonUI runs as SYSTEM), which LSA builds as at a real sign-in: nested AD groups, and this
    /// computer's local groups the account is in directly or through a domain group. A DOMAIN\name is turned into
    /// its UPN by TranslateName (NameSamCompatible to NameUserPrincipal, or to NameCanonical for the implicit UPN). Needs a domain controller: offline the lookup
    /// fails, the account is unknown, and every rule that names it fails closed (a code).</item>
    /// <item>A local account's groups: NetUserGetLocalGroups with LG_INCLUDE_INDIRECT (the local SAM, works offline).</item>
    /// </list>
    /// </summary>
    public sealed class WindowsAccountDirectory : IAccountDirectory
    {
        public static string? SidOfName(string name)
        {
            try { return new NTAccount(Qualified(name)).Translate(typeof(SecurityIdentifier)).Value; }
            catch (IdentityNotMappedException) { return null; }
        }

        public string? SidOf(string name) => SidOfName(name);

        public AccountFacts? Lookup(string userName)
        {
            var name = Qualified(userName);
            var sid = SidOf(name);
            if (sid == null) return null;
            var account = new SecurityIdentifier(sid);
            if (IsLocal(account)) return new AccountFacts(sid, LocalGroups(name.Substring(name.IndexOf('\\') + 1)));
            var upn = name.Contains("@") ? name : UpnOf(name) ?? throw new InvalidOperationException($"{name} has no user principal name that Kerberos can use.");
            var groups = new List<string>();
            using (var identity = new WindowsIdentity(upn))
                foreach (var group in identity.Groups ?? new IdentityReferenceCollection()) groups.Add(group.Value);
            return new AccountFacts(sid, groups);
        }

        private static string Qualified(string name)
        {
            var trimmed = name.Trim();
            if (trimmed.StartsWith(".\\", StringComparison.Ordinal)) return $"{Environment.MachineName}\\{trimmed.Substring(2)}";
            return trimmed.Contains("\\") || trimmed.Contains("@") ? trimmed : $"{Environment.MachineName}\\{trimmed}";
        }

        /// <summary>
        /// This computer's own accounts have its account domain's SID as their domain part; LookupAccountName of the computer's
        /// name answers that domain's SID.
        /// </summary>
        private static bool IsLocal(SecurityIdentifier account) =>
            account.AccountDomainSid != null && account.AccountDomainSid == (SecurityIdentifier)new NTAccount(Environment.MachineName).Translate(typeof(SecurityIdentifier));

        private static IEnumerable<string> LocalGroups(string user)
        {
            var groups = new List<string>();
            var status = NetUserGetLocalGroups(null, user, 0, LgIncludeIndirect, out var buffer, MaxPreferredLength, out var read, out _);
            try
            {
                if (status != 0) throw new InvalidOperationException($"NetUserGetLocalGroups for {user} failed ({status}).");
                for (var i = 0; i < read; i++)
                {
                    var group = Marshal.PtrToStringUni(Marshal.ReadIntPtr(buffer, i * IntPtr.Size));
                    if (group != null && SidOfName(group) is string sid) groups.Add(sid);
                }
            }
            finally { if (buffer != IntPtr.Zero) NetApiBufferFree(buffer); }
            return groups;
        }

        /// <summary>
        /// The account's userPrincipalName; without one, its implicit UPN (sAMAccountName@the domain's DNS name, from the
        /// canonical name "adatum.labnet/Users/alice"), which Kerberos accepts as well.
        /// </summary>
        private static string? UpnOf(string samCompatible)
        {
            var explicitUpn = Translate(samCompatible, NameUserPrincipal);
            if (explicitUpn != null) return explicitUpn;
            var canonical = Translate(samCompatible, NameCanonical);
            var slash = canonical?.IndexOf('/') ?? -1;
            return slash > 0 ? $"{samCompatible.Substring(samCompatible.IndexOf('\\') + 1)}@{canonical!.Substring(0, slash)}" : null;
        }

        private static string? Translate(string samCompatible, int format)
        {
            var size = 1024u;
            var output = new StringBuilder((int)size);
            return TranslateNameW(samCompatible, NameSamCompatible, format, output, ref size) ? output.ToString() : null;
        }

        private const int LgIncludeIndirect = 1;
        private const int MaxPreferredLength = -1;
        private const int NameSamCompatible = 2;
        private const int NameUserPrincipal = 8;
        private const int NameCanonical = 7;

        [DllImport("netapi32.dll", CharSet = CharSet.Unicode)]
        private static extern int NetUserGetLocalGroups(string? server, string user, int level, int flags, out IntPtr buffer, int maxLength, out int entriesRead, out int totalEntries);

        [DllImport("netapi32.dll")]
        private static extern int NetApiBufferFree(IntPtr buffer);

        /// <summary>BOOLEAN (one byte) in secext.h, not BOOL.</summary>
        [DllImport("secur32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        [return: MarshalAs(UnmanagedType.U1)]
        private static extern bool TranslateNameW(string name, int from, int to, StringBuilder output, ref uint size);
    }
}
#endif
