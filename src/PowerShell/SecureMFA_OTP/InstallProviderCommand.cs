using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Install, "SecureMfaOtpProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(InstallChange))]
    [CmdletHelp("Installs or upgrades the SecureMFA OTP adapter on this AD FS server and registers it in the farm.",
        "Run in an elevated Windows PowerShell 5.1 on each AD FS server (PowerShell 7 is refused: the AD FS cmdlets live in Windows PowerShell); " +
        "the server needs .NET Framework 4.7.2 or later. Validates the configuration (every problem at once) and checks that the store is " +
        "reachable and its schema current. auth_mode SQLITE is refused on a farm of more than one server and with -NotMainNode: SQLite keeps " +
        "the users in a file on one server; use MSSQL or AD. " +
        "Then, if anything is new or changed: stops the AD FS service, installs the adapter and every assembly it loads into the GAC (the " +
        "adapter keeps its identity and is replaced; SecureMFA.Core and SecureMFA.Otp carry the release version and install beside older " +
        "ones; third-party assemblies already in the GAC are left as they are), checks each one in the GAC by full name and SHA-256, copies " +
        "the native SQLite library to %ProgramFiles%\\SecureMFA OTP\\native, and starts the service again (also when a step fails). What it " +
        "added is recorded in %ProgramData%\\SecureMFA_OTP so Uninstall-SecureMfaOtpProvider removes exactly that. Registers the event source, " +
        "keeps a copy of the configuration for the support cmdlets readable only by SYSTEM, Administrators and the AD FS service account, and on " +
        "the main node registers the provider in the farm (Register-AdfsAuthenticationProvider), or updates its configuration if it is already " +
        "registered (Import-AdfsAuthenticationProviderConfigurationData). AD FS keeps the adapter's AuthenticationMethods, IdentityClaims, " +
        "FriendlyNames and Descriptions from registration time: when this release's differ, it says so and registers the provider again " +
        "(out of the global policy lists that name it, unregister, register, back into those lists). Never puts an AD FS assembly " +
        "(Microsoft.IdentityServer.*) into the GAC. Finally restarts the AD FS service. Returns one object per thing it " +
        "looked at (Kind, Name, Version, Action: Installed, Replaced, Unchanged, Registered, ...). Use -NotMainNode on the other servers. In a " +
        "WID farm, registration is refused on a secondary server.")]
    [CmdletExample("Install-SecureMfaOtpProvider -ConfigurationFilePath C:\\SecureMFA\\SecureMfaOtpProvider.json", "On the primary AD FS server: install or upgrade, register, restart.")]
    [CmdletExample("Install-SecureMfaOtpProvider -NotMainNode", "On every other AD FS server of the farm.")]
    [CmdletExample("Install-SecureMfaOtpProvider .\\SecureMfaOtpProvider.json -WhatIf", "Validates and shows every step without changing anything.")]
    [CmdletExample("Install-SecureMfaOtpProvider .\\SecureMfaOtpProvider.json -Verbose | Where-Object Action -ne Unchanged", "Upgrades and lists only what changed.")]
    public sealed class InstallProviderCommand : PSCmdlet
    {
        private const string Name = "Install-SecureMfaOtpProvider";

        [Parameter(Position = 0, HelpMessage = "Path of SecureMfaOtpProvider.json. Required on the main node.")]
        public string? ConfigurationFilePath { get; set; }

        [Parameter(HelpMessage = "This is not the main node: install into the GAC and restart AD FS only; the farm registration is done on the main node.")]
        public SwitchParameter NotMainNode { get; set; }

        [Parameter(HelpMessage = "Also add the provider to the global policy's additional authentication providers (keeping those already listed).")]
        public SwitchParameter AddToGlobalPolicy { get; set; }

        protected override void ProcessRecord()
        {
            HostFacts.Read(this).Require(this, Name, netFramework: true);
            var farm = new AdfsFarm(this);
            try
            {
                Install(farm);
            }
            catch (InstallStepException ex) { ThrowTerminatingError(Errors.StepFailed(ex, "InstallStepFailed")); }
            catch (PlatformCommandException ex) { ThrowTerminatingError(Errors.PlatformCommandFailed(ex)); }
        }

        private void Install(AdfsFarm farm)
        {
            string? configPath = null;
            ProviderConfiguration? config = null;
            if (ConfigurationFilePath != null)
            {
                configPath = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
                config = Validate(configPath);
            }
            else if (!NotMainNode)
            {
                ThrowTerminatingError(Errors.Record("-ConfigurationFilePath is required on the main node (or use -NotMainNode on the other AD FS servers).",
                    "ConfigurationRequired", ErrorCategory.InvalidArgument, null));
            }
            else
            {
                config = ConfigurationCopy();
            }

            if (config?.AuthMode == AuthMode.SQLITE) RefuseSqliteOnAFarm(farm);
            if (!NotMainNode)
            {
                var role = farm.SyncRole();
                if (role != null && !string.Equals(role, "PrimaryComputer", StringComparison.OrdinalIgnoreCase))
                    ThrowTerminatingError(Errors.Record($"This server is a secondary server of a WID farm (role {role}): register the provider on the primary server, and run Install-SecureMfaOtpProvider -NotMainNode here.",
                        "SecondaryWidServer", ErrorCategory.InvalidOperation, role));
            }
            if (configPath != null) CheckStore(config!);

            var restartAtTheEnd = InstallFiles(farm, config) || !NotMainNode;
            RegisterEventSource(farm);
            if (configPath != null) KeepConfigurationCopy(farm, configPath);
            if (!NotMainNode) Register(farm, configPath!);

            if (restartAtTheEnd && ShouldProcess(AdfsFarm.ServiceName, "Restart the AD FS service"))
            {
                farm.RestartService();
                WriteObject(new InstallChange(InstallChange.Service, AdfsFarm.ServiceName, null, "Restarted"));
            }
        }

        /// <summary>The GAC and the native library, with the AD FS service stopped while they change. True when the service still needs a restart.</summary>
        private bool InstallFiles(AdfsFarm farm, ProviderConfiguration? config)
        {
            var record = InstallRecord.Load();
            var gac = new GacInstaller(new GlobalAssemblyCache(this), record);
            var native = new NativeLibraries(record);
            IReadOnlyList<GacStep> plan;
            IReadOnlyList<NativeFileStep> nativePlan;
            try
            {
                plan = gac.Plan(ModuleAssembly.FromAdapterFolder());
                if (config?.AuthMode == AuthMode.SQLITE && !NativeLibraries.Shipped)
                    throw new InvalidOperationException($"auth_mode is SQLITE, but the module has no native SQLite library for this server ({NativeLibraries.SourceFolder}): reinstall the module from the release zip.");
                nativePlan = native.Plan();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is BadImageFormatException || ex is InvalidOperationException)
            {
                ThrowTerminatingError(Errors.Record($"The module cannot be installed: {ex.Message}", "ModuleIncomplete", ErrorCategory.ObjectNotFound, ModulePaths.ModuleBase, ex));
                throw;
            }
            if (!NativeLibraries.Shipped) WriteVerbose($"The module ships no native library for {NativeLibraries.Rid}; auth_mode SQLITE would not work on this server.");

            var changes = plan.Where(s => s.ChangesGac).ToList();
            var nativeChanges = nativePlan.Where(s => s.Changes).ToList();
            var restartNeeded = true;
            if (changes.Count + nativeChanges.Count > 0)
            {
                var what = string.Join(", ", changes.Select(s => $"{(s.Action == InstallChange.Replaced ? "replace" : "install")} {s.Assembly.Name.Name} {s.Assembly.Name.Version}")
                    .Concat(nativeChanges.Select(s => $"copy {Path.GetFileName(s.Source)} to {s.Destination}")));
                if (!ShouldProcess("the GAC of this server", $"Stop the AD FS service; {what}; check each by full name and SHA-256; start the AD FS service"))
                    return false;
                AdfsServiceWindow.Run(this, farm, () =>
                {
                    foreach (var step in changes)
                    {
                        WriteVerbose($"{(step.Action == InstallChange.Replaced ? "Replacing" : "Installing")} {step.Assembly.FullName} in the GAC from {step.Assembly.Path}.");
                        gac.Apply(step);
                        WriteObject(Change(step));
                    }
                    foreach (var step in nativeChanges)
                    {
                        WriteVerbose($"Copying {step.Source} to {step.Destination}.");
                        native.Apply(step);
                        WriteObject(new InstallChange(InstallChange.NativeLibrary, step.Destination, null, step.Action));
                    }
                });
                // Started again just now, with everything in place; the main node still restarts after registering.
                restartNeeded = false;
            }
            foreach (var step in plan.Where(s => !s.ChangesGac)) WriteObject(Change(step));
            foreach (var step in nativePlan.Where(s => !s.Changes)) WriteObject(new InstallChange(InstallChange.NativeLibrary, step.Destination, null, step.Action));

            var unrecorded = gac.Unrecorded(plan);
            if (unrecorded.Count > 0 && ShouldProcess(record.AssembliesFile, "Record as installed by SecureMFA OTP: " + string.Join(", ", unrecorded)))
                gac.Adopt(unrecorded);
            return restartNeeded;
        }

        private void RegisterEventSource(AdfsFarm farm)
        {
            if (!ShouldProcess("Application log", "Register the event source 'Secure MFA OTP'")) return;
            var outcome = farm.RegisterEventSource();
            WriteVerbose($"Event source 'Secure MFA OTP': {outcome}.");
            WriteObject(new InstallChange(InstallChange.EventSource, "Secure MFA OTP", null, outcome));
        }

        /// <summary>The support cmdlets' copy; it holds the passphrase, so only SYSTEM, Administrators and AD FS may read it.</summary>
        private void KeepConfigurationCopy(AdfsFarm farm, string configPath)
        {
            var copy = ModulePaths.DefaultConfigurationFile;
            if (!ShouldProcess(copy, "Keep a copy of the configuration for the support cmdlets, readable only by SYSTEM, Administrators and the AD FS service account")) return;
            var same = string.Equals(Path.GetFullPath(configPath), Path.GetFullPath(copy), StringComparison.OrdinalIgnoreCase);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                if (!same) File.Copy(configPath, copy, true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InstallStepException(copy, $"Copying the configuration to {copy} failed: {ex.Message}", ex);
            }
            try { farm.ProtectConfigurationFile(copy); }
            catch (PlatformCommandException ex) when (!same)
            {
                // Unprotected, the copy would keep the passphrase readable by every local user (%ProgramData% lets them read).
                throw new InstallStepException(copy, $"Protecting the configuration copy {copy} failed, so " + DeleteCopy(copy) +
                    $" (it holds the passphrase): {ex.InnerException?.Message}", ex);
            }
            WriteVerbose($"Configuration copied to {copy} and protected.");
            WriteObject(new InstallChange(InstallChange.ConfigurationCopy, copy, null, same ? "Protected" : "Copied and protected"));
        }

        /// <summary>Deletes a copy that could not be protected; says what became of it.</summary>
        private static string DeleteCopy(string copy)
        {
            try
            {
                File.Delete(copy);
                return "it was deleted again";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return $"deleting it failed too ({ex.Message}): delete it by hand";
            }
        }

        private void Register(AdfsFarm farm, string configPath)
        {
            var registered = farm.Registered();
            var changed = registered == null ? null : RegistrationChanges(registered);
            if (changed != null && changed.Count > 0)
            {
                Reregister(farm, configPath, changed);
            }
            else if (registered != null)
            {
                if (ShouldProcess(ModulePaths.ProviderName, "Update the registered configuration"))
                {
                    farm.ImportConfiguration(configPath);
                    WriteObject(new InstallChange(InstallChange.Registration, ModulePaths.ProviderName, null, "Configuration updated"));
                }
            }
            else
            {
                var typeName = AdfsFarm.AdapterTypeName();
                if (ShouldProcess(ModulePaths.ProviderName, "Register in the AD FS farm as " + typeName))
                {
                    farm.Register(configPath);
                    WriteObject(new InstallChange(InstallChange.Registration, ModulePaths.ProviderName, null, "Registered"));
                }
            }
            if (AddToGlobalPolicy)
            {
                var providers = farm.PolicyList(AdfsFarm.PolicyLists[0]);
                if (!providers.Contains(ModulePaths.ProviderName, StringComparer.OrdinalIgnoreCase) &&
                    ShouldProcess("global authentication policy", "Add " + ModulePaths.ProviderName + " to the additional authentication providers"))
                {
                    farm.SetPolicyList(AdfsFarm.PolicyLists[0], providers.Concat(new[] { ModulePaths.ProviderName }).ToList());
                    WriteObject(new InstallChange(InstallChange.GlobalPolicy, AdfsFarm.PolicyLists[0], null, "Added " + ModulePaths.ProviderName));
                }
            }
        }

        /// <summary>
        /// What AD FS kept at registration that this adapter would now give differently (empty: nothing). When either side
        /// cannot be read, registering again is the only way to be sure, so that counts as a change.
        /// </summary>
        private List<string> RegistrationChanges(PSObject registered)
        {
            RegistrationFacts now;
            try
            {
                now = RegistrationFacts.OfAdapter(Path.Combine(ModulePaths.AdapterFolder, ModulePaths.AdapterAssemblyFile));
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is TypeLoadException || ex is TargetInvocationException ||
                                       ex is MissingMethodException || ex is UnauthorizedAccessException || ex is ReflectionTypeLoadException)
            {
                return new List<string> { $"unknown (the adapter's metadata could not be read here: {ex.Message})" };
            }
            var kept = RegistrationFacts.OfRegistered(registered);
            if (kept == null) return new List<string> { "unknown (Get-AdfsAuthenticationProvider does not show what AD FS kept)" };
            return now.ChangedSince(kept).ToList();
        }

        /// <summary>
        /// AD FS reads AuthenticationMethods, IdentityClaims, FriendlyNames and Descriptions only when a provider is
        /// registered: to change them it must be unregistered and registered again, and it cannot be unregistered while a
        /// global policy list names it. So: take it out of those lists, unregister, register, put the lists back as they were.
        /// </summary>
        private void Reregister(AdfsFarm farm, string configPath, IReadOnlyList<string> changed)
        {
            var lists = AdfsFarm.PolicyLists.ToDictionary(l => l, farm.PolicyList);
            var holding = lists.Where(l => l.Value.Contains(ModulePaths.ProviderName, StringComparer.OrdinalIgnoreCase)).Select(l => l.Key).ToList();
            var why = $"AD FS keeps what it read from the adapter at registration, and this release changes {string.Join(", ", changed)}";
            var steps = (holding.Count == 0 ? "" : $"remove it from {string.Join(", ", holding)}, ") + "unregister it, register it again" +
                (holding.Count == 0 ? "" : ", put it back in " + string.Join(", ", holding));
            if (!ShouldProcess(ModulePaths.ProviderName, $"Register again ({why}): {steps}")) return;
            WriteWarning($"{why}: registering {ModulePaths.ProviderName} again ({steps}). Until it is back in the policy, sign-ins that need it cannot finish.");
            var step = "";
            try
            {
                foreach (var list in holding)
                {
                    step = $"removing it from {list}";
                    farm.SetPolicyList(list, lists[list].Where(p => !string.Equals(p, ModulePaths.ProviderName, StringComparison.OrdinalIgnoreCase)).ToList());
                }
                step = "unregistering it";
                farm.Unregister();
                step = "registering it";
                farm.Register(configPath);
                foreach (var list in holding)
                {
                    step = $"putting it back in {list}";
                    farm.SetPolicyList(list, lists[list]);
                }
            }
            catch (PlatformCommandException ex)
            {
                throw new InstallStepException(ModulePaths.ProviderName, $"Registering {ModulePaths.ProviderName} again failed while {step}: {ex.InnerException?.Message} " +
                    (holding.Count == 0 ? "" : $"Before, it was in {string.Join(", ", holding.Select(l => $"{l} ({string.Join(", ", lists[l])})"))}. ") +
                    "Run Install-SecureMfaOtpProvider again; it registers the provider if it is missing.", ex);
            }
            WriteObject(new InstallChange(InstallChange.Registration, ModulePaths.ProviderName, null, "Registered again (changed: " + string.Join(", ", changed) + ")"));
        }

        /// <summary>SQLite keeps the users, their lockouts and their used codes in a file on one server: a farm needs a shared store.</summary>
        private void RefuseSqliteOnAFarm(AdfsFarm farm)
        {
            const string Why = "auth_mode SQLITE keeps OTP users in a file on one server (sqlite_path), so each AD FS server would have its own users, " +
                "lockouts and used codes: a user enrolled on one server would be asked to enrol again on another, and a code could be accepted twice. " +
                "Use auth_mode MSSQL (one SQL Server database the servers share) or AD (attributes on the user objects); " +
                "docs/install-and-upgrade.md says how to move the SQLite users to SQL Server.";
            if (NotMainNode)
                ThrowTerminatingError(Errors.Record("-NotMainNode means a farm of more than one server, and " + Why, "SqliteOnFarm", ErrorCategory.InvalidOperation, "SQLITE"));
            var nodes = farm.NodeCount();
            if (nodes > 1)
                ThrowTerminatingError(Errors.Record($"This AD FS farm has {nodes} servers, and " + Why, "SqliteOnFarm", ErrorCategory.InvalidOperation, "SQLITE"));
            WriteWarning("auth_mode SQLITE is for a single AD FS server: before adding a server to this farm, move the users to SQL Server (auth_mode MSSQL).");
        }

        private static InstallChange Change(GacStep step) =>
            new InstallChange(InstallChange.GacAssembly, step.Assembly.Name.Name!, step.Assembly.Name.Version?.ToString(), step.Action);

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

        /// <summary>On another node, the copy an earlier install kept says which store the farm uses (for the SQLite rule).</summary>
        private ProviderConfiguration? ConfigurationCopy()
        {
            var copy = ModulePaths.DefaultConfigurationFile;
            if (!File.Exists(copy))
            {
                WriteVerbose($"No configuration given and no copy at {copy}: the store mode of the farm is not checked on this server.");
                return null;
            }
            var result = ConfigurationLoader.Parse(File.ReadAllText(copy));
            return result.IsValid ? result.Configuration : null;
        }

        private void CheckStore(ProviderConfiguration config)
        {
            WriteVerbose($"Checking the OTP user store: {StoreErrors.Describe(config)}.");
            try
            {
                using (var deployment = Deployment.Open(config))
                {
                    deployment.CheckSchema();
                    WriteVerbose($"The store is ready: {deployment.Describe()}.");
                }
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(StoreErrors.Record(config, ex));
            }
        }
    }
}
