using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Install, "SecureMfaOtpProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    [CmdletHelp("Installs the SecureMFA OTP adapter on this AD FS server and registers it in the farm.",
        "Run in an elevated Windows PowerShell on each AD FS server. Validates the configuration (every problem at once), checks that the store " +
        "is reachable and its schema current, installs the adapter and every assembly it loads into the GAC, registers the event source, keeps a " +
        "copy of the configuration for the support cmdlets, and on the main node registers the provider in the farm " +
        "(Register-AdfsAuthenticationProvider), or updates its configuration if it is already registered " +
        "(Import-AdfsAuthenticationProviderConfigurationData). Finally restarts the AD FS service. Use -NotMainNode on the other servers: " +
        "GAC and restart only. In a WID farm, registration is refused on a secondary server.")]
    [CmdletExample("Install-SecureMfaOtpProvider -ConfigurationFilePath C:\\SecureMFA\\SecureMfaOtpProvider.json", "On the primary AD FS server: install, register, restart.")]
    [CmdletExample("Install-SecureMfaOtpProvider -NotMainNode", "On every other AD FS server of the farm.")]
    [CmdletExample("Install-SecureMfaOtpProvider .\\SecureMfaOtpProvider.json -WhatIf", "Validates and shows every step without changing anything.")]
    public sealed class InstallProviderCommand : PSCmdlet
    {
        [Parameter(Position = 0, HelpMessage = "Path of SecureMfaOtpProvider.json. Required on the main node.")]
        public string? ConfigurationFilePath { get; set; }

        [Parameter(HelpMessage = "This is not the main node: install into the GAC and restart AD FS only; the farm registration is done on the main node.")]
        public SwitchParameter NotMainNode { get; set; }

        [Parameter(HelpMessage = "Also add the provider to the global policy's additional authentication providers (keeping those already listed).")]
        public SwitchParameter AddToGlobalPolicy { get; set; }

        protected override void ProcessRecord()
        {
            var farm = new AdfsFarm(this);
            string? configPath = null;
            if (ConfigurationFilePath != null)
            {
                configPath = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
                CheckStore(Validate(configPath));
            }
            else if (!NotMainNode)
            {
                ThrowTerminatingError(Errors.Record("-ConfigurationFilePath is required on the main node (or use -NotMainNode on the other AD FS servers).",
                    "ConfigurationRequired", ErrorCategory.InvalidArgument, null));
            }

            if (!NotMainNode)
            {
                var role = farm.SyncRole();
                if (role != null && !string.Equals(role, "PrimaryComputer", StringComparison.OrdinalIgnoreCase))
                    ThrowTerminatingError(Errors.Record($"This server is a secondary server of a WID farm (role {role}): register the provider on the primary server, and run Install-SecureMfaOtpProvider -NotMainNode here.",
                        "SecondaryWidServer", ErrorCategory.InvalidOperation, role));
            }

            foreach (var assembly in AdfsFarm.AdapterAssemblies())
                if (ShouldProcess(assembly, "Install in the GAC")) farm.InstallInGac(assembly);
            if (ShouldProcess("Application log", "Register the event source 'Secure MFA OTP'")) farm.RegisterEventSource();

            if (configPath != null && ShouldProcess(ModulePaths.DefaultConfigurationFile, "Keep a copy of the configuration for the support cmdlets"))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(ModulePaths.DefaultConfigurationFile)!);
                if (!string.Equals(Path.GetFullPath(configPath), Path.GetFullPath(ModulePaths.DefaultConfigurationFile), StringComparison.OrdinalIgnoreCase))
                    File.Copy(configPath, ModulePaths.DefaultConfigurationFile, true);
            }

            var registration = "Skipped (not the main node)";
            if (!NotMainNode)
            {
                if (farm.IsRegistered())
                {
                    registration = "Configuration updated";
                    if (ShouldProcess(ModulePaths.ProviderName, "Update the registered configuration")) farm.ImportConfiguration(configPath!);
                }
                else
                {
                    registration = "Registered";
                    if (ShouldProcess(ModulePaths.ProviderName, "Register in the AD FS farm as " + AdfsFarm.AdapterTypeName())) farm.Register(configPath!);
                }
                if (AddToGlobalPolicy)
                {
                    var providers = farm.PolicyList(AdfsFarm.PolicyLists[0]);
                    if (!providers.Contains(ModulePaths.ProviderName, StringComparer.OrdinalIgnoreCase) &&
                        ShouldProcess("global authentication policy", "Add " + ModulePaths.ProviderName + " to the additional authentication providers"))
                        farm.SetPolicyList(AdfsFarm.PolicyLists[0], providers.Concat(new[] { ModulePaths.ProviderName }).ToList());
                }
            }

            if (ShouldProcess(AdfsFarm.ServiceName, "Restart the AD FS service")) farm.RestartService();
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("Provider", ModulePaths.ProviderName));
            result.Properties.Add(new PSNoteProperty("TypeName", AdfsFarm.AdapterTypeName()));
            result.Properties.Add(new PSNoteProperty("Registration", registration));
            result.Properties.Add(new PSNoteProperty("ConfigurationFile", configPath));
            if (!MyInvocation.BoundParameters.ContainsKey("WhatIf")) WriteObject(result);
        }

        private ProviderConfiguration Validate(string path)
        {
            if (!File.Exists(path))
                ThrowTerminatingError(Errors.Record($"The configuration file \"{path}\" does not exist.", "ConfigurationFileMissing", ErrorCategory.ObjectNotFound, path));
            var result = ConfigurationLoader.Parse(File.ReadAllText(path));
            foreach (var warning in result.Warnings) WriteWarning(warning.ToString());
            if (!result.IsValid)
                ThrowTerminatingError(Errors.InvalidConfiguration(path, new ConfigurationException(result.Issues).Message));
            return result.Configuration!;
        }

        private void CheckStore(ProviderConfiguration config)
        {
            try
            {
                var store = OtpUserStoreFactory.Open(config);
                using (store as IDisposable)
                {
                    (store as SqlOtpUserStore)?.CheckSchema();
                    (store as LdapOtpUserStore)?.CheckSchema();
                }
            }
            catch (StoreUnavailableException ex)
            {
                ThrowTerminatingError(Errors.StoreUnavailable(ex));
            }
        }
    }
}
