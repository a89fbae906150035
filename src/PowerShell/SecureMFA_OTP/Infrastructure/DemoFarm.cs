using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// The one-server demo farm of Install-ADFS_Demo_with_OTP, as the platform seam sees it: every Windows step is one
    /// PowerShell command invoked by name (the ServerManager and AD FS cmdlets, this module's own install cmdlets and its
    /// certificate, SQL and web-portal functions), so tests put recording functions in their place. What the install did
    /// is recorded in %ProgramData%\SecureMFA_OTP\demo-farm.txt, one step a line, so the uninstall undoes exactly that,
    /// and a second run after a failure goes on from the step that failed.
    /// </summary>
    public sealed class DemoFarm
    {
        public const string RecordFileName = "demo-farm.txt";
        public const string AdfsFeature = "ADFS-Federation";
        public const string IisFeature = "Web-Server";
        public const string DatabaseName = "SecureMfaOTP";
        public const string ApplicationGroupIdentifier = "SecureMfaOtpWebPortal";
        public const string ApplicationGroupName = "SecureMFA OTP Web Portal";
        public const string SiteName = "SecureMFA OTP Web Portal";
        /// <summary>The AD FS 2016+ built-in access control policy that makes AD FS ask for the additional (our) factor.</summary>
        public const string MfaPolicy = "Permit everyone and require MFA";
        public static readonly string[] Scopes = { "openid", "profile", "allatclaims" };
        /// <summary>The id token carries what the portal shows: every claim of the sign-in, the authentication method included.</summary>
        public const string PassAllClaimsRule = "@RuleName = \"SecureMFA OTP Web Portal: all claims\"\nc:[] => issue(claim = c);";

        // The step names, as the output's Step column and the record say them.
        public const string AdfsRole = "AD FS role";
        public const string AdfsFarmStep = "AD FS farm";
        public const string Database = "OTP database";
        public const string Configuration = "Provider configuration";
        public const string Provider = "OTP provider";
        public const string IisRole = "IIS role";
        public const string ApplicationGroup = "Application group";
        public const string WebPortal = "Web portal";
        public static readonly string[] Steps = { AdfsRole, AdfsFarmStep, Database, Configuration, Provider, IisRole, ApplicationGroup, WebPortal };

        private readonly PSCmdlet _cmdlet;

        public DemoFarm(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        public static string RecordFile => Path.Combine(ModulePaths.StateFolder, RecordFileName);
        public static string ConfigurationFile => Path.Combine(ModulePaths.StateFolder, "demo", "SecureMfaOtpProvider.json");
        public static string DefaultPortalSource => Path.Combine(ModulePaths.ModuleBase, "webportal");
        public const string PortalAssembly = "SecureMFA.WebPortal.dll";

        /// <summary>The certificate in LocalMachine\My (Subject, DnsNameList, HasPrivateKey, NotAfter), or null when the store has none with that thumbprint.</summary>
        public PSObject? Certificate(string thumbprint) =>
            PlatformCommands.Invoke(_cmdlet, "Get-SecureMfaOtpCertificate", new Hashtable { ["Thumbprint"] = thumbprint }).FirstOrDefault(o => o != null);

        /// <summary>Install-WindowsFeature; true when it changed the server (false: the feature was there already).</summary>
        public (bool Changed, bool RestartNeeded) InstallFeature(string feature)
        {
            var result = PlatformCommands.Invoke(_cmdlet, "Install-WindowsFeature", new Hashtable { ["Name"] = new[] { feature }, ["IncludeManagementTools"] = true }).FirstOrDefault();
            return FeatureOutcome(feature, result);
        }

        public (bool Changed, bool RestartNeeded) UninstallFeature(string feature)
        {
            var result = PlatformCommands.Invoke(_cmdlet, "Uninstall-WindowsFeature", new Hashtable { ["Name"] = new[] { feature }, ["IncludeManagementTools"] = true }).FirstOrDefault();
            return FeatureOutcome(feature, result);
        }

        /// <summary>Both cmdlets return a FeatureOperationResult: Success, RestartNeeded, ExitCode (Success, NoChangeNeeded, SuccessRestartRequired, ...).</summary>
        private static (bool, bool) FeatureOutcome(string feature, PSObject? result)
        {
            var exitCode = result?.Properties["ExitCode"]?.Value?.ToString() ?? "";
            if (result?.Properties["Success"]?.Value is bool success && !success)
                throw new PlatformCommandException("Install-WindowsFeature", new RuntimeException($"{feature}: the feature operation did not succeed (exit code {exitCode})."));
            var restart = result?.Properties["RestartNeeded"]?.Value?.ToString() ?? "";
            return (!string.Equals(exitCode, "NoChangeNeeded", StringComparison.OrdinalIgnoreCase), string.Equals(restart, "Yes", StringComparison.OrdinalIgnoreCase));
        }

        public void InstallFarm(string thumbprint, string federationServiceName, string displayName, string? gmsa, PSCredential? serviceAccount)
        {
            var parameters = new Hashtable
            {
                ["CertificateThumbprint"] = thumbprint,
                ["FederationServiceName"] = federationServiceName,
                ["FederationServiceDisplayName"] = displayName,
                ["Confirm"] = false,
            };
            if (gmsa != null) parameters["GroupServiceAccountIdentifier"] = gmsa;
            else parameters["ServiceAccountCredential"] = serviceAccount;
            PlatformCommands.Invoke(_cmdlet, "Install-AdfsFarm", parameters);
        }

        public void RunSql(string instance, string script) =>
            PlatformCommands.Invoke(_cmdlet, "Invoke-SecureMfaOtpSqlScript", new Hashtable { ["ServerInstance"] = instance, ["Script"] = script });

        /// <summary>
        /// sql/Create_Database_SecureMfaOTP.sql for SQL Express: its FILENAME clauses (EDIT-ME paths for a DBA) left out,
        /// so the files go to the instance's default data folder; then the AD FS service account's login and rights.
        /// </summary>
        public static string DatabaseScript(string serviceAccount)
        {
            var path = Path.Combine(ModulePaths.ModuleBase, "sql", "Create_Database_SecureMfaOTP.sql");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing from the module: reinstall the module.", path);
            var script = Regex.Replace(File.ReadAllText(path), @"CREATE DATABASE \[SecureMfaOTP\]\s+ON PRIMARY \([^)]*\)\s+LOG ON \([^)]*\);", "CREATE DATABASE [SecureMfaOTP];");
            if (script.Contains("FILENAME =")) throw new InvalidOperationException($"{path}: its CREATE DATABASE statement is not the one this release ships (EDIT-ME paths left): reinstall the module.");
            var login = serviceAccount.Replace("]", "]]");
            var literal = serviceAccount.Replace("'", "''");
            return script + $@"
GO
-- Install-ADFS_Demo_with_OTP: the AD FS service account reads and writes the OTP users.
USE [master];
GO
IF SUSER_ID(N'{literal}') IS NULL CREATE LOGIN [{login}] FROM WINDOWS;
GO
USE [{DatabaseName}];
GO
IF USER_ID(N'{literal}') IS NULL CREATE USER [{login}] FOR LOGIN [{login}];
ALTER ROLE db_datareader ADD MEMBER [{login}];
ALTER ROLE db_datawriter ADD MEMBER [{login}];
GO
";
        }

        public static string DropDatabaseScript() => $@"USE [master];
GO
IF DB_ID(N'{DatabaseName}') IS NOT NULL
BEGIN
    ALTER DATABASE [{DatabaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
    DROP DATABASE [{DatabaseName}];
END
GO
";

        /// <summary>Install-SecureMfaOtpProvider itself (its own code path, checks and record), by name like every other step.</summary>
        public IReadOnlyList<PSObject> InstallProvider(string configurationFile) =>
            PlatformCommands.Invoke(_cmdlet, "Install-SecureMfaOtpProvider", new Hashtable { ["ConfigurationFilePath"] = configurationFile, ["AddToGlobalPolicy"] = true, ["Confirm"] = false });

        public IReadOnlyList<PSObject> UninstallProvider() =>
            PlatformCommands.Invoke(_cmdlet, "Uninstall-SecureMfaOtpProvider", new Hashtable { ["Confirm"] = false });

        /// <summary>The application group, its server application (the portal, a confidential client) and Web API (the claims, MFA required); returns the client secret.</summary>
        public string CreateApplicationGroup(string clientId, Uri redirectUri)
        {
            PlatformCommands.Invoke(_cmdlet, "New-AdfsApplicationGroup", new Hashtable
            {
                ["Name"] = ApplicationGroupName,
                ["ApplicationGroupIdentifier"] = ApplicationGroupIdentifier,
                ["Description"] = "Created by Install-ADFS_Demo_with_OTP: the SecureMFA OTP Web Portal signs users in over OpenID Connect.",
                ["Confirm"] = false,
            });
            var server = PlatformCommands.Invoke(_cmdlet, "Add-AdfsServerApplication", new Hashtable
            {
                ["ApplicationGroupIdentifier"] = ApplicationGroupIdentifier,
                ["Name"] = ApplicationGroupName + " - Server application",
                ["Identifier"] = clientId,
                ["RedirectUri"] = new[] { redirectUri.ToString() },
                ["GenerateClientSecret"] = true,
                ["PassThru"] = true,
                ["Confirm"] = false,
            }).FirstOrDefault();
            var secret = server?.Properties["ClientSecret"]?.Value?.ToString();
            if (string.IsNullOrEmpty(secret))
                throw new PlatformCommandException("Add-AdfsServerApplication", new RuntimeException("it returned no ClientSecret for the server application."));
            PlatformCommands.Invoke(_cmdlet, "Add-AdfsWebApiApplication", new Hashtable
            {
                ["ApplicationGroupIdentifier"] = ApplicationGroupIdentifier,
                ["Name"] = ApplicationGroupName + " - Web API",
                // The Web API's identifier is the client id: AD FS then puts the Web API's claims (allatclaims) into the id token.
                ["Identifier"] = new[] { clientId },
                ["AccessControlPolicyName"] = MfaPolicy,
                ["IssuanceTransformRules"] = PassAllClaimsRule,
                ["Confirm"] = false,
            });
            PlatformCommands.Invoke(_cmdlet, "Grant-AdfsApplicationPermission", new Hashtable
            {
                ["ClientRoleIdentifier"] = clientId,
                ["ServerRoleIdentifier"] = clientId,
                ["ScopeNames"] = Scopes,
                ["Confirm"] = false,
            });
            return secret!;
        }

        public void RemoveApplicationGroup() => PlatformCommands.Invoke(_cmdlet, "Remove-AdfsApplicationGroup", new Hashtable
        {
            ["TargetApplicationGroupIdentifier"] = ApplicationGroupIdentifier,
            ["Confirm"] = false,
        });

        public void DeployPortal(string source, string path, Uri url, string thumbprint, Hashtable settings) =>
            PlatformCommands.Invoke(_cmdlet, "Install-SecureMfaOtpWebPortal", new Hashtable
            {
                ["SourcePath"] = source,
                ["Path"] = path,
                ["SiteName"] = SiteName,
                ["Url"] = url.ToString(),
                ["CertificateThumbprint"] = thumbprint,
                ["Settings"] = settings,
            });

        public void RemovePortal(string path) =>
            PlatformCommands.Invoke(_cmdlet, "Uninstall-SecureMfaOtpWebPortal", new Hashtable { ["SiteName"] = SiteName, ["Path"] = path });

        /// <summary>What an earlier run did, step by step: the step name, then what the uninstall needs to know (a path, a client id).</summary>
        public static List<(string Step, string Value)> Record() =>
            File.Exists(RecordFile)
                ? File.ReadAllLines(RecordFile).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                    .Select(l => l.Split(new[] { '|' }, 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")).ToList()
                : new List<(string, string)>();

        public static void Remember(string step, string value = "")
        {
            var lines = Record().Where(r => r.Step != step).Append((step, value)).Select(r => $"{r.Item1}|{r.Item2}");
            Save(lines);
        }

        public static void Forget(string step) => Save(Record().Where(r => r.Step != step).Select(r => $"{r.Step}|{r.Value}"));

        private static void Save(IEnumerable<string> lines)
        {
            var items = lines.ToList();
            if (items.Count == 0)
            {
                if (File.Exists(RecordFile)) File.Delete(RecordFile);
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(RecordFile)!);
            File.WriteAllLines(RecordFile, new[] { "# What Install-ADFS_Demo_with_OTP did on this server, in order; Uninstall-ADFS_Demo_with_OTP undoes exactly that." }.Concat(items));
        }
    }
}
