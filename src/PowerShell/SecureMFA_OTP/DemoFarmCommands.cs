using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Json;

namespace SecureMFA.Cmdlets
{
    /// <summary>What both demo-farm cmdlets do alike: run a step, say what became of it, and on failure name the step and what was done before it.</summary>
    public abstract class DemoFarmCmdlet : PSCmdlet
    {
        private readonly List<string> _done = new List<string>();

        protected abstract string CommandName { get; }
        protected abstract string AfterFailure { get; }

        /// <summary>Runs one step if ShouldProcess agrees; its outcome is written, and remembered for a later failure's message.</summary>
        protected void Step(string step, string whatItDoes, Func<DemoFarmStep> run)
        {
            if (!ShouldProcess(step, whatItDoes)) return;
            DemoFarmStep outcome;
            try { outcome = run(); }
            catch (Exception ex) when (ex is PlatformCommandException || ex is InstallStepException || ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException)
            {
                var before = _done.Count == 0 ? "Nothing was done before it." : "Done before it: " + string.Join("; ", _done) + ".";
                ThrowTerminatingError(Errors.Record($"{CommandName}: the step \"{step}\" failed: {ex.Message} {before} {AfterFailure}",
                    "DemoFarmStepFailed", ErrorCategory.InvalidResult, step, ex));
                throw;
            }
            _done.Add($"{outcome.Step} ({outcome.Action})");
            WriteObject(outcome);
        }

        protected void Skip(string step, string action, string detail) => WriteObject(new DemoFarmStep(step, action, detail));
    }

    [Cmdlet(VerbsLifecycle.Install, "ADFS_Demo_with_OTP", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "Account")]
    [OutputType(typeof(DemoFarmStep))]
    [CmdletHelp("Deploys a one-server AD FS demo farm with SecureMFA OTP, its database on SQL Express and the SecureMFA OTP Web Portal.",
        "For demonstrations and self-enrolment only, on one domain-joined Windows Server 2016 or later, in an elevated Windows PowerShell 5.1 " +
        "on .NET Framework 4.7.2 or later, logged on as an account that is a Domain Admin and a local administrator (it warns when the session is not a Domain Admin). Install SQL Express first " +
        "(default instance name SQLEXPRESS), and a computer certificate in LocalMachine\\My, with its private key, whose CN is the federation " +
        "service name and differs from the computer's name (for instance CN=adfs.adatum.com on the server ADFS1.adatum.com). " +
        "The steps, in order, each through one Windows command: AD FS role (Install-WindowsFeature ADFS-Federation); AD FS farm " +
        "(Install-AdfsFarm with the certificate, the federation service name, and the gMSA or the service account; its configuration in WID); " +
        "OTP database (sql/Create_Database_SecureMfaOTP.sql on the SQL Express instance, the files in its default folder, with a login and " +
        "db_datareader/db_datawriter for the AD FS service account); Provider configuration (a SecureMfaOtpProvider.json for that database with a " +
        "new random passphrase, in %ProgramData%\\SecureMFA_OTP\\demo); OTP provider (Install-SecureMfaOtpProvider -AddToGlobalPolicy, as you " +
        "would run it yourself); IIS role (Install-WindowsFeature Web-Server); Application group (New-AdfsApplicationGroup, a server application " +
        "with the portal's redirect URI <web_portal_url>signin-oidc and a generated secret, a Web API with the access control policy 'Permit " +
        "everyone and require MFA' and every claim, and Grant-AdfsApplicationPermission for openid, profile and allatclaims); Web portal (the " +
        "published portal copied to %SystemDrive%\\inetpub\\SecureMfaOtpWebPortal, its AD FS settings written beside it, an app pool and a site " +
        "bound to the portal's URL). Returns one object per step (Step, Action, Detail). What it did is recorded in " +
        "%ProgramData%\\SecureMFA_OTP\\demo-farm.txt: a step that fails stops the run with an error naming the step and what was done before it; " +
        "run it again to go on from there (done steps are skipped), or Uninstall-ADFS_Demo_with_OTP to remove what it did. Roles already " +
        "installed are left as they were, and are not removed by the uninstall. The portal needs the ASP.NET Core Hosting Bundle (IIS module).")]
    [CmdletExample("Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint 285394eae4e52bf64d3b6f6c304584f30c3f004f -adfs_service_account_credential (Get-Credential ADATUM\\svc-adfs)",
        "As the original: the farm adfs.adatum.com (the certificate's CN) with a service account, SQL Express .\\SQLEXPRESS, the portal at https://<this server's FQDN>/.")]
    [CmdletExample("Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint 285394eae4e52bf64d3b6f6c304584f30c3f004f -adfs_gmsa 'ADATUM\\gmsa-adfs$' -web_portal_url https://portal.adatum.com/",
        "With a group managed service account and the portal on a name the certificate also covers.")]
    [CmdletExample("Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint 285394eae4e52bf64d3b6f6c304584f30c3f004f -adfs_gmsa 'ADATUM\\gmsa-adfs$' -WhatIf",
        "Checks this server and lists every step with what it would pass, changing nothing.")]
    public sealed class InstallDemoFarmCommand : DemoFarmCmdlet
    {
        private const string Name = "Install-ADFS_Demo_with_OTP";

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "Thumbprint of the AD FS service certificate in LocalMachine\\My: its CN is the federation service name and must differ from this computer's name.")]
        [ValidatePattern("^[0-9A-Fa-f ]{40,}$")]
        public string adfs_certificate_thumbprint { get; set; } = "";

        [Parameter(ParameterSetName = "Gmsa", Mandatory = true, HelpMessage = "The group managed service account AD FS runs as, DOMAIN\\name$ (Install-AdfsFarm -GroupServiceAccountIdentifier).")]
        public string? adfs_gmsa { get; set; }

        [Parameter(ParameterSetName = "Account", HelpMessage = "The domain account AD FS runs as and its password (Install-AdfsFarm -ServiceAccountCredential); the original ran as this account.")]
        [Credential]
        public PSCredential? adfs_service_account_credential { get; set; }

        [Parameter(HelpMessage = "The federation service name (the AD FS host name users see); by default the certificate's CN.")]
        public string? federation_service_name { get; set; }

        [Parameter(HelpMessage = "The name AD FS shows on its sign-in page.")]
        public string federation_service_display_name { get; set; } = "SecureMFA OTP Demo";

        [Parameter(HelpMessage = "The SQL Express instance for the OTP database, by default .\\SQLEXPRESS (the default instance name of SQL Express).")]
        public string sql_instance { get; set; } = ".\\SQLEXPRESS";

        [Parameter(HelpMessage = "Where users open the portal, by default https://<this server's FQDN>/; AD FS sends them back to <web_portal_url>signin-oidc.")]
        public string? web_portal_url { get; set; }

        [Parameter(HelpMessage = "The published SecureMFA OTP Web Portal (dotnet publish src/WebPortal), by default the module's webportal folder.")]
        public string? web_portal_path { get; set; }

        protected override string CommandName => Name;
        protected override string AfterFailure => $"Run {Name} again to go on from this step, or Uninstall-ADFS_Demo_with_OTP to remove what was done.";

        protected override void ProcessRecord()
        {
            var host = HostFacts.Read(this);
            host.RequireDemoFarmHost(this, Name);
            var thumbprint = adfs_certificate_thumbprint.Replace(" ", "").ToUpperInvariant();
            var farm = new DemoFarm(this);
            var farmName = CheckCertificate(farm, thumbprint, host);
            var serviceAccount = ServiceAccount();
            var portalUrl = PortalUrl(host);
            var portalSource = PortalSource();
            var done = DemoFarm.Record().Select(r => r.Step).ToList();
            bool Done(string step)
            {
                if (!done.Contains(step)) return false;
                Skip(step, "Already done", $"recorded in {DemoFarm.RecordFile} by an earlier run");
                return true;
            }
            var clientId = DemoFarm.Record().Where(r => r.Step == DemoFarm.ApplicationGroup).Select(r => r.Value).FirstOrDefault() ?? Guid.NewGuid().ToString();
            var redirect = new Uri(portalUrl, "signin-oidc");
            // A path on the Windows server, written as Windows writes it (the tests run elsewhere).
            var sitePath = (Environment.GetEnvironmentVariable("SystemDrive") is { Length: > 0 } drive ? drive : "C:") + "\\inetpub\\SecureMfaOtpWebPortal";

            if (!Done(DemoFarm.AdfsRole))
                Step(DemoFarm.AdfsRole, $"Install-WindowsFeature -Name {DemoFarm.AdfsFeature} -IncludeManagementTools", () => Feature(farm, DemoFarm.AdfsRole, DemoFarm.AdfsFeature));

            if (!Done(DemoFarm.AdfsFarmStep))
                Step(DemoFarm.AdfsFarmStep, $"Install-AdfsFarm -CertificateThumbprint {thumbprint} -FederationServiceName {farmName} -FederationServiceDisplayName '{federation_service_display_name}' " +
                    (adfs_gmsa != null ? $"-GroupServiceAccountIdentifier {adfs_gmsa}" : $"-ServiceAccountCredential {serviceAccount}") + " (configuration in WID)", () =>
                {
                    farm.InstallFarm(thumbprint, farmName, federation_service_display_name, adfs_gmsa, adfs_service_account_credential);
                    DemoFarm.Remember(DemoFarm.AdfsFarmStep, farmName);
                    return new DemoFarmStep(DemoFarm.AdfsFarmStep, "Created", $"federation service {farmName}, service account {serviceAccount}");
                });

            if (!Done(DemoFarm.Database))
                Step(DemoFarm.Database, $"Create the database {DemoFarm.DatabaseName} on {sql_instance} from sql/Create_Database_SecureMfaOTP.sql; give {serviceAccount} db_datareader and db_datawriter", () =>
                {
                    farm.RunSql(sql_instance, DemoFarm.DatabaseScript(serviceAccount));
                    DemoFarm.Remember(DemoFarm.Database, sql_instance);
                    return new DemoFarmStep(DemoFarm.Database, "Created", $"{DemoFarm.DatabaseName} on {sql_instance}, read and write for {serviceAccount}");
                });

            if (!Done(DemoFarm.Configuration))
                Step(DemoFarm.Configuration, $"Write {DemoFarm.ConfigurationFile} (auth_mode MSSQL, {DemoFarm.DatabaseName} on {sql_instance}, a new random passphrase)", () =>
                {
                    WriteConfiguration();
                    DemoFarm.Remember(DemoFarm.Configuration, DemoFarm.ConfigurationFile);
                    return new DemoFarmStep(DemoFarm.Configuration, "Written", DemoFarm.ConfigurationFile);
                });

            if (!Done(DemoFarm.Provider))
                Step(DemoFarm.Provider, $"Install-SecureMfaOtpProvider -ConfigurationFilePath {DemoFarm.ConfigurationFile} -AddToGlobalPolicy", () =>
                {
                    var changes = farm.InstallProvider(DemoFarm.ConfigurationFile);
                    DemoFarm.Remember(DemoFarm.Provider);
                    var registered = changes.Select(c => c?.Properties["Action"]?.Value?.ToString()).Count(a => a != null && a != "Unchanged");
                    return new DemoFarmStep(DemoFarm.Provider, "Registered", $"{changes.Count} things looked at, {registered} changed; in the global policy's additional authentication providers");
                });

            if (!Done(DemoFarm.IisRole))
                Step(DemoFarm.IisRole, $"Install-WindowsFeature -Name {DemoFarm.IisFeature} -IncludeManagementTools", () => Feature(farm, DemoFarm.IisRole, DemoFarm.IisFeature));

            // The client secret is not kept anywhere but in the portal's settings: a group whose portal step never ran is made again.
            var groupDone = done.Contains(DemoFarm.ApplicationGroup) && done.Contains(DemoFarm.WebPortal);
            string? secret = null;
            if (groupDone) Skip(DemoFarm.ApplicationGroup, "Already done", $"recorded in {DemoFarm.RecordFile} by an earlier run");
            else
                Step(DemoFarm.ApplicationGroup, $"New-AdfsApplicationGroup '{DemoFarm.ApplicationGroupName}'; Add-AdfsServerApplication -Identifier {clientId} -RedirectUri {redirect} -GenerateClientSecret; " +
                    $"Add-AdfsWebApiApplication -Identifier {clientId} -AccessControlPolicyName '{DemoFarm.MfaPolicy}'; Grant-AdfsApplicationPermission -ScopeNames {string.Join(",", DemoFarm.Scopes)}", () =>
                {
                    if (done.Contains(DemoFarm.ApplicationGroup)) farm.RemoveApplicationGroup();
                    secret = farm.CreateApplicationGroup(clientId, redirect);
                    DemoFarm.Remember(DemoFarm.ApplicationGroup, clientId);
                    return new DemoFarmStep(DemoFarm.ApplicationGroup, "Created", $"{DemoFarm.ApplicationGroupIdentifier}: client {clientId}, redirect URI {redirect}, scopes {string.Join(" ", DemoFarm.Scopes)}, '{DemoFarm.MfaPolicy}'");
                });

            if (!Done(DemoFarm.WebPortal))
                Step(DemoFarm.WebPortal, $"Copy {portalSource} to {sitePath}; create the app pool and the site '{DemoFarm.SiteName}' at {portalUrl} (Oidc:Authority https://{farmName}/adfs, Oidc:ClientId {clientId})", () =>
                {
                    if (secret == null) throw new InvalidOperationException("the application group's client secret is unknown (the group was created by an earlier run): run Uninstall-ADFS_Demo_with_OTP's application group step, or remove the group, and run again.");
                    farm.DeployPortal(portalSource, sitePath, portalUrl, thumbprint, new Hashtable
                    {
                        ["Oidc:Authority"] = $"https://{farmName}/adfs",
                        ["Oidc:ClientId"] = clientId,
                        ["Oidc:ClientSecret"] = secret,
                    });
                    DemoFarm.Remember(DemoFarm.WebPortal, sitePath);
                    return new DemoFarmStep(DemoFarm.WebPortal, "Deployed", $"{portalUrl} (site '{DemoFarm.SiteName}', {sitePath})");
                });
        }

        private static DemoFarmStep Feature(DemoFarm farm, string step, string feature)
        {
            var (changed, restart) = farm.InstallFeature(feature);
            if (!changed) return new DemoFarmStep(step, "Already there", $"{feature} was installed before: left as it is, also by the uninstall");
            DemoFarm.Remember(step, feature);
            return new DemoFarmStep(step, "Installed", feature + (restart ? "; Windows asks for a restart" : ""));
        }

        /// <summary>The certificate must be there with its key, and its CN is the farm's name, which cannot be the computer's own.</summary>
        private string CheckCertificate(DemoFarm farm, string thumbprint, HostFacts host)
        {
            PSObject? certificate;
            try { certificate = farm.Certificate(thumbprint); }
            catch (PlatformCommandException ex)
            {
                ThrowTerminatingError(Errors.PlatformCommandFailed(ex));
                throw;
            }
            if (certificate == null)
                ThrowTerminatingError(Errors.Record($"No certificate with the thumbprint {thumbprint} is in the computer's personal store (Cert:\\LocalMachine\\My): import the AD FS service certificate there, with its private key.",
                    "CertificateNotFound", ErrorCategory.ObjectNotFound, thumbprint));
            var subject = certificate!.Properties["Subject"]?.Value?.ToString() ?? "";
            var cn = Regex.Match(subject, @"(?:^|,)\s*CN=([^,]+)").Groups[1].Value.Trim();
            if (!(certificate.Properties["HasPrivateKey"]?.Value is bool key && key))
                ThrowTerminatingError(Errors.Record($"The certificate {thumbprint} ({subject}) has no private key on this computer: AD FS needs it. Import it again from a .pfx with its key.",
                    "CertificateWithoutKey", ErrorCategory.InvalidData, thumbprint));
            if (certificate.Properties["NotAfter"]?.Value is DateTime notAfter && notAfter < DateTime.Now)
                ThrowTerminatingError(Errors.Record($"The certificate {thumbprint} ({subject}) expired on {notAfter:yyyy-MM-dd}.", "CertificateExpired", ErrorCategory.InvalidData, thumbprint));
            if (cn.Length == 0)
                ThrowTerminatingError(Errors.Record($"The certificate {thumbprint} has no CN in its subject ({subject}): its CN names the federation service.", "CertificateWithoutCn", ErrorCategory.InvalidData, thumbprint));
            if (string.Equals(cn, host.ComputerName, StringComparison.OrdinalIgnoreCase) || string.Equals(cn, host.ComputerFqdn, StringComparison.OrdinalIgnoreCase))
                ThrowTerminatingError(Errors.Record($"The certificate's CN ({cn}) is this computer's own name: AD FS needs a federation service name that differs from the computer's " +
                    $"({host.ComputerFqdn}). Use a certificate for a name such as adfs.{(host.Domain.Length > 0 ? host.Domain : "example.com")}.",
                    "CertificateNamesComputer", ErrorCategory.InvalidData, thumbprint));
            var name = federation_service_name ?? cn.TrimStart('*', '.');
            if (string.Equals(name, host.ComputerName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, host.ComputerFqdn, StringComparison.OrdinalIgnoreCase))
                ThrowTerminatingError(Errors.Record($"-federation_service_name {name} is this computer's own name: choose another name (the certificate's CN is {cn}).",
                    "FederationServiceNamesComputer", ErrorCategory.InvalidArgument, name));
            return name;
        }

        /// <summary>The account for the database login: the gMSA, or the credential's account.</summary>
        private string ServiceAccount()
        {
            if (adfs_gmsa != null)
            {
                if (!adfs_gmsa.EndsWith("$", StringComparison.Ordinal) || !adfs_gmsa.Contains("\\"))
                    ThrowTerminatingError(Errors.Record($"-adfs_gmsa \"{adfs_gmsa}\" is not a group managed service account name: give DOMAIN\\name$.", "InvalidServiceAccount", ErrorCategory.InvalidArgument, adfs_gmsa));
                return adfs_gmsa;
            }
            if (adfs_service_account_credential == null)
                ThrowTerminatingError(Errors.Record("AD FS needs the account it runs as: give -adfs_gmsa DOMAIN\\name$ (a group managed service account) or -adfs_service_account_credential (Get-Credential DOMAIN\\account).",
                    "ServiceAccountRequired", ErrorCategory.InvalidArgument, null));
            var user = adfs_service_account_credential!.UserName;
            if (!user.Contains("\\") && !user.Contains("@"))
                ThrowTerminatingError(Errors.Record($"-adfs_service_account_credential's user \"{user}\" needs its domain: DOMAIN\\account.", "InvalidServiceAccount", ErrorCategory.InvalidArgument, user));
            return user;
        }

        private Uri PortalUrl(HostFacts host)
        {
            var text = web_portal_url ?? $"https://{(host.ComputerFqdn.Length > 0 ? host.ComputerFqdn : host.ComputerName)}/";
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != "https" && url.Scheme != "http") || url.AbsolutePath != "/" || url.Query.Length > 0)
                ThrowTerminatingError(Errors.Record($"-web_portal_url \"{text}\" is not a site's address such as https://portal.adatum.com/ (http or https, no path).", "InvalidPortalUrl", ErrorCategory.InvalidArgument, text));
            if (url!.Scheme == "http")
                WriteWarning($"-web_portal_url {url} is plain http: browsers drop the sign-in's cookies on a cross-site form post to http, so the sign-in may not finish. Prefer https.");
            return url;
        }

        private string PortalSource()
        {
            var source = web_portal_path != null ? GetUnresolvedProviderPathFromPSPath(web_portal_path) : DemoFarm.DefaultPortalSource;
            if (!File.Exists(Path.Combine(source, DemoFarm.PortalAssembly)))
                ThrowTerminatingError(Errors.Record($"The published web portal is not in {source} (no {DemoFarm.PortalAssembly}): publish it with dotnet publish src/WebPortal -c Release -o <folder> and give -web_portal_path <folder>.",
                    "WebPortalNotFound", ErrorCategory.ObjectNotFound, source));
            return source;
        }

        /// <summary>The module's configuration template, pointed at the demo database, with a passphrase of its own.</summary>
        private void WriteConfiguration()
        {
            var template = Path.Combine(ModulePaths.ModuleBase, "SecureMfaOtpProvider.json");
            if (!File.Exists(template)) throw new FileNotFoundException($"{template} is missing from the module: reinstall the module.", template);
            var values = new Dictionary<string, string>
            {
                ["company"] = "SecureMFA OTP Demo",
                ["auth_mode"] = "MSSQL",
                ["sqlserver"] = sql_instance,
                ["sqldbname"] = DemoFarm.DatabaseName,
                ["sqlintegratedsecurity"] = "true",
                // The instance is on this server; SQL Express's own certificate is self-signed.
                ["sqlencrypt"] = "true",
                ["sqltrustservercertificate"] = "true",
                ["data_encryption"] = "true",
                ["data_encryption_passphrase"] = Convert.ToBase64String(RandomBytes.Of(32)),
            };
            // Read and written with the product's own JSON reader and writer: every key of the template in its order, the
            // demo's values in place of its own (escaped by the writer), and none of them lost if the template lacks one.
            var shipped = JsonReader.ParseObject(File.ReadAllText(template));
            var json = new JsonWriter();
            foreach (var member in shipped.Members) json.Add(member.Name, values.TryGetValue(member.Name, out var value) ? value : shipped.String(member.Name));
            foreach (var value in values.Where(v => !shipped.Has(v.Key))) json.Add(value.Key, value.Value);
            Directory.CreateDirectory(Path.GetDirectoryName(DemoFarm.ConfigurationFile)!);
            File.WriteAllText(DemoFarm.ConfigurationFile, json.ToIndentedString());
        }
    }

    [Cmdlet(VerbsLifecycle.Uninstall, "ADFS_Demo_with_OTP", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DemoFarmStep))]
    [CmdletHelp("Removes what Install-ADFS_Demo_with_OTP did on this server, in reverse order.",
        "Run in an elevated Windows PowerShell 5.1 on the demo server. Reads %ProgramData%\\SecureMFA_OTP\\demo-farm.txt and undoes only the " +
        "steps recorded there, last first: Web portal (site, app pool and folder), Application group (Remove-AdfsApplicationGroup), IIS role " +
        "(Uninstall-WindowsFeature Web-Server, only if the install added it), OTP provider (Uninstall-SecureMfaOtpProvider), Provider configuration " +
        "(the demo SecureMfaOtpProvider.json), OTP database (dropped, with its users, unless -KeepDatabase), AD FS farm and AD FS role " +
        "(Uninstall-WindowsFeature ADFS-Federation, only if the install added it; no cmdlet deletes a farm, so its WID configuration database and " +
        "its certificate-sharing container in AD stay, to delete by hand for a clean slate). Each undone step is taken off the record, so a run " +
        "that fails half-way can be run again. Returns one object per step (Step, Action, Detail).")]
    [CmdletExample("Uninstall-ADFS_Demo_with_OTP", "Removes the demo farm, asking first.")]
    [CmdletExample("Uninstall-ADFS_Demo_with_OTP -KeepDatabase -WhatIf", "Lists what it would remove, keeping the OTP users' database, changing nothing.")]
    public sealed class UninstallDemoFarmCommand : DemoFarmCmdlet
    {
        private const string Name = "Uninstall-ADFS_Demo_with_OTP";

        [Parameter(HelpMessage = "Keep the SecureMfaOTP database and its users (by default it is dropped, as the install created it).")]
        public SwitchParameter KeepDatabase { get; set; }

        protected override string CommandName => Name;
        protected override string AfterFailure => $"Run {Name} again to go on; the steps undone so far are off the record ({DemoFarm.RecordFile}).";

        protected override void ProcessRecord()
        {
            HostFacts.Read(this).Require(this, Name, netFramework: false);
            var record = DemoFarm.Record();
            if (record.Count == 0)
            {
                WriteWarning($"Nothing to remove: {DemoFarm.RecordFile} records no step of Install-ADFS_Demo_with_OTP on this server.");
                return;
            }
            string? Recorded(string step) => record.Where(r => r.Step == step).Select(r => r.Value).FirstOrDefault() is string value ? value : record.Any(r => r.Step == step) ? "" : null;
            var farm = new DemoFarm(this);

            if (Recorded(DemoFarm.WebPortal) is string sitePath)
                Step(DemoFarm.WebPortal, $"Remove the site '{DemoFarm.SiteName}', its app pool and {sitePath}", () =>
                {
                    farm.RemovePortal(sitePath);
                    DemoFarm.Forget(DemoFarm.WebPortal);
                    return new DemoFarmStep(DemoFarm.WebPortal, "Removed", $"site '{DemoFarm.SiteName}', {sitePath}");
                });
            if (Recorded(DemoFarm.ApplicationGroup) is string clientId)
                Step(DemoFarm.ApplicationGroup, $"Remove-AdfsApplicationGroup -TargetApplicationGroupIdentifier {DemoFarm.ApplicationGroupIdentifier}", () =>
                {
                    farm.RemoveApplicationGroup();
                    DemoFarm.Forget(DemoFarm.ApplicationGroup);
                    return new DemoFarmStep(DemoFarm.ApplicationGroup, "Removed", $"{DemoFarm.ApplicationGroupIdentifier} (client {clientId})");
                });
            if (Recorded(DemoFarm.IisRole) != null)
                Step(DemoFarm.IisRole, $"Uninstall-WindowsFeature -Name {DemoFarm.IisFeature} -IncludeManagementTools", () => Feature(farm, DemoFarm.IisRole, DemoFarm.IisFeature));
            if (Recorded(DemoFarm.Provider) != null)
                Step(DemoFarm.Provider, "Uninstall-SecureMfaOtpProvider", () =>
                {
                    var changes = farm.UninstallProvider();
                    DemoFarm.Forget(DemoFarm.Provider);
                    return new DemoFarmStep(DemoFarm.Provider, "Removed", $"unregistered; {changes.Count} things looked at");
                });
            if (Recorded(DemoFarm.Configuration) is string configuration)
                Step(DemoFarm.Configuration, $"Delete {configuration}", () =>
                {
                    if (File.Exists(configuration)) File.Delete(configuration);
                    var folder = Path.GetDirectoryName(configuration);
                    if (folder != null && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
                    DemoFarm.Forget(DemoFarm.Configuration);
                    return new DemoFarmStep(DemoFarm.Configuration, "Deleted", configuration);
                });
            if (Recorded(DemoFarm.Database) is string instance)
            {
                if (KeepDatabase)
                {
                    Skip(DemoFarm.Database, "Kept", $"{DemoFarm.DatabaseName} on {instance} (-KeepDatabase)");
                    if (ShouldProcess(DemoFarm.RecordFile, $"Forget the database {DemoFarm.DatabaseName} on {instance}")) DemoFarm.Forget(DemoFarm.Database);
                }
                else
                    Step(DemoFarm.Database, $"Drop the database {DemoFarm.DatabaseName} on {instance}, with its OTP users", () =>
                    {
                        farm.RunSql(instance, DemoFarm.DropDatabaseScript());
                        DemoFarm.Forget(DemoFarm.Database);
                        return new DemoFarmStep(DemoFarm.Database, "Dropped", $"{DemoFarm.DatabaseName} on {instance}");
                    });
            }
            var roleIsOurs = Recorded(DemoFarm.AdfsRole) != null;
            if (Recorded(DemoFarm.AdfsFarmStep) is string farmName)
                Step(DemoFarm.AdfsFarmStep, roleIsOurs ? $"Taken off this server with the AD FS role ({farmName})" : $"Leave the farm {farmName}: the AD FS role was there before the install", () =>
                {
                    DemoFarm.Forget(DemoFarm.AdfsFarmStep);
                    return new DemoFarmStep(DemoFarm.AdfsFarmStep, roleIsOurs ? "Removed with the role" : "Left",
                        $"{farmName}: no cmdlet deletes a farm; its WID configuration database and its certificate-sharing container in AD stay (delete them by hand for a clean slate)");
                });
            if (roleIsOurs)
                Step(DemoFarm.AdfsRole, $"Uninstall-WindowsFeature -Name {DemoFarm.AdfsFeature} -IncludeManagementTools", () => Feature(farm, DemoFarm.AdfsRole, DemoFarm.AdfsFeature));
        }

        private static DemoFarmStep Feature(DemoFarm farm, string step, string feature)
        {
            var (changed, restart) = farm.UninstallFeature(feature);
            DemoFarm.Forget(step);
            return new DemoFarmStep(step, changed ? "Removed" : "Already gone", feature + (restart ? "; restart Windows to finish" : ""));
        }
    }
}
