using System;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// One writable domain controller of the domain, as the directory describes it: its NTDS Settings object (the
    /// DN that fSMORoleOwner and a DC's rootDSE dsServiceName name) and its server object's DNS host name.
    /// </summary>
    public sealed class DomainController
    {
        public DomainController(string ntdsSettingsDn, string hostName, bool isPdcEmulator)
        {
            NtdsSettingsDn = ntdsSettingsDn;
            // DNS names compare without case; one spelling keeps events and comparisons stable.
            HostName = hostName.ToLowerInvariant();
            IsPdcEmulator = isPdcEmulator;
        }

        public string NtdsSettingsDn { get; }
        public string HostName { get; }

        /// <summary>Holds the PDC emulator role: the one DC every OTP read and write goes to.</summary>
        public bool IsPdcEmulator { get; }

        public bool Is(string ntdsSettingsDn) => string.Equals(NtdsSettingsDn, ntdsSettingsDn, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => HostName;
    }
}
