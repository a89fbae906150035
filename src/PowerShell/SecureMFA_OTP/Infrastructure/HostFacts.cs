using System;
using System.Management.Automation;

namespace SecureMFA.PowerShell
{
    /// <summary>
    /// SecureMFA_OTP's part of the host facts (the shared part is src/PowerShell/Common/HostFacts.cs): the PowerShell
    /// edition and version, because Install and Uninstall run only in Windows PowerShell 5.1, where the AD FS cmdlets live;
    /// and for Install-ADFS_Demo_with_OTP the computer: its names, its domain membership and its Windows.
    /// </summary>
    internal sealed partial class HostFacts
    {
        public string Edition { get; private set; } = "";
        public string Version { get; private set; } = "";

        /// <summary>The computer's NetBIOS name and its DNS name (name.domain), as AD FS and a certificate would name it.</summary>
        public string ComputerName { get; private set; } = "";
        public string ComputerFqdn { get; private set; } = "";
        public bool IsDomainJoined { get; private set; }
        /// <summary>This session's token holds Domain Admins or Enterprise Admins (what Install-AdfsFarm needs to create the farm in AD).</summary>
        public bool IsDomainAdmin { get; private set; }
        public string Domain { get; private set; } = "";
        /// <summary>Win32_OperatingSystem: ProductType (1 workstation, 2 domain controller, 3 server), BuildNumber, Caption.</summary>
        public int OsProductType { get; private set; }
        public int OsBuild { get; private set; }
        public string OsCaption { get; private set; } = "";

        /// <summary>Windows Server 2016's build: AD FS 2016 (application groups, OpenID Connect) is the oldest the demo farm builds on.</summary>
        public const int WindowsServer2016Build = 14393;

        partial void ReadModuleFacts(Func<string, object?> value)
        {
            Edition = value("PSEdition")?.ToString() ?? "";
            Version = value("PSVersion")?.ToString() ?? "";
            ComputerName = value("ComputerName")?.ToString() ?? "";
            ComputerFqdn = value("ComputerFqdn")?.ToString() ?? "";
            IsDomainJoined = value("IsDomainJoined") is bool joined && joined;
            IsDomainAdmin = value("IsDomainAdmin") is bool admin && admin;
            Domain = value("Domain")?.ToString() ?? "";
            OsProductType = int.TryParse(value("OsProductType")?.ToString(), out var type) ? type : 0;
            OsBuild = int.TryParse(value("OsBuild")?.ToString(), out var build) ? build : 0;
            OsCaption = value("OsCaption")?.ToString() ?? "";
        }

        /// <summary>
        /// Stops Install-ADFS_Demo_with_OTP unless this computer can become a one-server AD FS farm: everything
        /// <see cref="Require"/> asks, and a domain-joined Windows Server 2016 or later.
        /// </summary>
        public void RequireDemoFarmHost(PSCmdlet cmdlet, string action)
        {
            Require(cmdlet, action, netFramework: true);
            var windows = OsCaption.Length > 0 ? $"{OsCaption} (build {OsBuild})" : $"Windows build {OsBuild}";
            if (OsProductType == 1 || OsProductType == 0)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} builds an AD FS farm, which needs Windows Server 2016 or later; this computer runs {windows}, which is not a server.",
                    "WindowsServerRequired", ErrorCategory.InvalidOperation, OsCaption));
            if (OsBuild < WindowsServer2016Build)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} needs Windows Server 2016 or later (build {WindowsServer2016Build}: AD FS application groups and OpenID Connect); this server runs {windows}.",
                    "WindowsServerTooOld", ErrorCategory.InvalidOperation, OsBuild));
            if (!IsDomainJoined)
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} needs a server joined to an Active Directory domain (AD FS signs in domain users); {ComputerName} is in a workgroup{(Domain.Length > 0 ? $" ({Domain})" : "")}. Join it to the domain, restart, and run it again.",
                    "DomainMembershipRequired", ErrorCategory.InvalidOperation, ComputerName));
            // A warning, not a refusal: rights can also be delegated (the AD FS container created beforehand), which the token does not show.
            if (!IsDomainAdmin)
                cmdlet.WriteWarning($"This session is not a member of Domain Admins: Install-AdfsFarm creates the farm's certificate-sharing container in {Domain} " +
                    "and fails without that right (or a container created for it beforehand). The original ran as a Domain Admin.");
        }

        /// <summary>Stops the cmdlet unless this is an elevated Windows PowerShell 5.1 (where the AD FS cmdlets live) on .NET Framework 4.7.2 or later.</summary>
        public void Require(PSCmdlet cmdlet, string action, bool netFramework)
        {
            if (!string.Equals(Edition, "Desktop", StringComparison.OrdinalIgnoreCase))
                cmdlet.ThrowTerminatingError(Errors.Record(
                    $"{action} runs in Windows PowerShell 5.1, where the AD FS cmdlets live; this is PowerShell {Version} ({Edition} edition). " +
                    "Open an elevated Windows PowerShell (powershell.exe) on the AD FS server and run it there.",
                    "WindowsPowerShellRequired", ErrorCategory.InvalidOperation, Edition));
            RequireElevation(cmdlet, action, "the GAC, the AD FS service and the farm");
            if (netFramework) RequireNetFramework472(cmdlet, "The SecureMFA OTP adapter needs", "server");
        }
    }
}
