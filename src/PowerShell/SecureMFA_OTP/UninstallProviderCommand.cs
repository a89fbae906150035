using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Uninstall, "SecureMfaOtpProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(InstallChange))]
    [CmdletHelp("Removes the SecureMFA OTP adapter from AD FS and from this server.",
        "Run in an elevated Windows PowerShell 5.1 (PowerShell 7 is refused). On the main node: removes the provider from the global " +
        "authentication policy lists (keeping the others) and unregisters it. Then, on every node: stops the AD FS service, removes from the GAC " +
        "exactly the assemblies Install-SecureMfaOtpProvider recorded in %ProgramData%\\SecureMFA_OTP\\installed-assemblies.txt (every " +
        "SecureMFA version it installed), checks each is gone, deletes the native files it copied (one still loaded by a PowerShell session " +
        "is deleted when Windows restarts, with a warning), and starts the service again (also when a " +
        "step fails). Third-party assemblies Install added (Otp.NET, QRCoder, SQLite, System.Memory, ...) stay in the GAC unless you add " +
        "-RemoveThirdPartyAssemblies, because the GAC does not know whether software installed since then uses them; nothing Install did not add " +
        "is ever removed. Without a record (installed by an earlier release), only this release's SecureMFA assemblies are removed. OTP users, " +
        "their secrets, the store, the configuration copy and the event source are not touched. Returns one object per thing it looked at " +
        "(Kind, Name, Version, Action: Removed, Kept, Not in the GAC, Unregistered, ...). Uninstall on the main node first.")]
    [CmdletExample("Uninstall-SecureMfaOtpProvider", "On the primary AD FS server.")]
    [CmdletExample("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false", "On the other servers, without asking.")]
    [CmdletExample("Uninstall-SecureMfaOtpProvider -RemoveThirdPartyAssemblies -WhatIf", "Shows what would be removed, third-party assemblies Install added included.")]
    public sealed class UninstallProviderCommand : PSCmdlet
    {
        private const string Name = "Uninstall-SecureMfaOtpProvider";
        private const string NotInGac = "Not in the GAC";

        [Parameter(HelpMessage = "This is not the main node: leave the farm registration (done on the main node) and clean this server only.")]
        public SwitchParameter NotMainNode { get; set; }

        [Parameter(HelpMessage = "Also remove the third-party assemblies Install added to the GAC (never those that were there before it). Only if no other software on this server uses them.")]
        public SwitchParameter RemoveThirdPartyAssemblies { get; set; }

        protected override void ProcessRecord()
        {
            HostFacts.Read(this).Require(this, Name, netFramework: false);
            var farm = new AdfsFarm(this);
            try
            {
                if (!NotMainNode) Unregister(farm);
                RemoveFromServer(farm);
            }
            catch (InstallStepException ex) { ThrowTerminatingError(Errors.StepFailed(ex, "UninstallStepFailed")); }
            catch (PlatformCommandException ex) { ThrowTerminatingError(Errors.PlatformCommandFailed(ex)); }
        }

        private void Unregister(AdfsFarm farm)
        {
            foreach (var list in AdfsFarm.PolicyLists)
            {
                var providers = farm.PolicyList(list);
                var kept = providers.Where(p => !string.Equals(p, ModulePaths.ProviderName, StringComparison.OrdinalIgnoreCase)).ToList();
                if (kept.Count != providers.Count && ShouldProcess("global authentication policy", $"Remove {ModulePaths.ProviderName} from {list}"))
                {
                    farm.SetPolicyList(list, kept);
                    WriteObject(new InstallChange(InstallChange.GlobalPolicy, list, null, "Removed " + ModulePaths.ProviderName));
                }
            }
            if (farm.IsRegistered() && ShouldProcess(ModulePaths.ProviderName, "Unregister from the AD FS farm"))
            {
                farm.Unregister();
                WriteObject(new InstallChange(InstallChange.Registration, ModulePaths.ProviderName, null, "Unregistered"));
            }
        }

        private void RemoveFromServer(AdfsFarm farm)
        {
            var record = InstallRecord.Load();
            var gac = new GlobalAssemblyCache(this);
            var native = new NativeLibraries(record);
            var module = Module();
            var ourToken = ModuleAssembly.Token(module.First(a => a.IsOurs).Name);

            var candidates = (record.Exists ? record.Assemblies.ToList() : UnrecordedFallback(module)).Select(Parse).Where(n => n != null).Select(n => n!)
                // Ours first, the adapter (the one AD FS loads) before what it loads.
                .OrderBy(n => ModuleAssembly.Token(n) != ourToken ? 2 : n.Name + ".dll" == ModulePaths.AdapterAssemblyFile ? 0 : 1)
                .ThenBy(n => n.FullName, StringComparer.OrdinalIgnoreCase).ToList();
            var removals = new List<AssemblyName>();
            var absent = new List<AssemblyName>();
            foreach (var name in candidates)
            {
                if (ModuleAssembly.Token(name) != ourToken && !RemoveThirdPartyAssemblies)
                {
                    WriteVerbose($"{name.FullName} stays in the GAC: a third-party assembly other software may use (-RemoveThirdPartyAssemblies removes it).");
                    WriteObject(Change(name, InstallChange.Kept));
                    continue;
                }
                (gac.Find(name.FullName) != null ? removals : absent).Add(name);
            }
            var files = record.Files.Where(File.Exists).ToList();
            var missingFiles = record.Files.Where(f => !File.Exists(f)).ToList();

            var restartNeeded = true;
            if (removals.Count + files.Count > 0)
            {
                var what = string.Join(", ", removals.Select(n => $"{n.Name} {n.Version}").Concat(files));
                if (ShouldProcess("the GAC of this server", $"Stop the AD FS service; remove {what}; start the AD FS service"))
                {
                    AdfsServiceWindow.Run(this, farm, () =>
                    {
                        foreach (var name in removals) Remove(gac, record, name);
                        foreach (var file in files)
                        {
                            WriteVerbose($"Deleting {file}.");
                            var action = native.RemoveOrDeleteAtRestart(file, farm.DeleteAtRestart);
                            if (action == NativeLibraries.DeletedAtRestart)
                                WriteWarning($"{file} is in use (a PowerShell session that ran a SecureMFA OTP cmdlet holds it): it is deleted when Windows restarts. " +
                                    "Restart this server before installing SecureMFA OTP again, or that restart deletes the new copy.");
                            WriteObject(new InstallChange(InstallChange.NativeLibrary, file, null, action));
                        }
                    });
                    restartNeeded = false;
                }
            }
            if (!record.Exists)
            {
                foreach (var name in absent) WriteObject(Change(name, NotInGac));
            }
            else if (absent.Count + missingFiles.Count > 0 &&
                ShouldProcess(record.Folder, "Forget what is no longer there: " + string.Join(", ", absent.Select(n => n.FullName).Concat(missingFiles))))
            {
                foreach (var name in absent)
                {
                    record.RemoveAssembly(name.FullName);
                    WriteObject(Change(name, NotInGac));
                }
                foreach (var file in missingFiles) native.Remove(file);
            }
            if (restartNeeded && ShouldProcess(AdfsFarm.ServiceName, "Restart the AD FS service"))
            {
                farm.RestartService();
                WriteObject(new InstallChange(InstallChange.Service, AdfsFarm.ServiceName, null, "Restarted"));
            }
        }

        /// <summary>Removes one assembly and checks the GAC no longer holds it.</summary>
        private void Remove(GlobalAssemblyCache gac, InstallRecord record, AssemblyName name)
        {
            WriteVerbose($"Removing {name.FullName} from the GAC.");
            try { gac.Remove(name.FullName); }
            catch (PlatformCommandException ex)
            {
                throw new InstallStepException(name.FullName, $"Removing {name.FullName} from the GAC failed: {ex.InnerException?.Message}", ex);
            }
            var left = gac.Find(name.FullName);
            if (left != null)
                throw new InstallStepException(name.FullName, $"{name.FullName} is still in the GAC ({left}) after removing it: another installer may hold a reference to it.");
            record.RemoveAssembly(name.FullName);
            WriteObject(Change(name, InstallChange.Removed));
        }

        /// <summary>No record on this server: only this release's own assemblies are known to be ours.</summary>
        private List<string> UnrecordedFallback(IReadOnlyList<ModuleAssembly> module)
        {
            var ours = module.Where(a => a.IsOurs).Select(a => a.FullName).ToList();
            WriteWarning($"No record of what Install-SecureMfaOtpProvider added on this server ({InstallRecord.AssembliesFileName} in {ModulePaths.StateFolder}): " +
                "removing only this release's SecureMFA assemblies; third-party assemblies stay in the GAC.");
            return ours;
        }

        private AssemblyName? Parse(string fullName)
        {
            try { return new AssemblyName(fullName); }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                WriteWarning($"\"{fullName}\" in {InstallRecord.AssembliesFileName} is not an assembly name; it is left alone.");
                return null;
            }
        }

        private IReadOnlyList<ModuleAssembly> Module()
        {
            try { return ModuleAssembly.FromAdapterFolder(); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is BadImageFormatException || ex is InvalidOperationException)
            {
                ThrowTerminatingError(Errors.Record($"The module is damaged, so what is ours cannot be told apart: {ex.Message}", "ModuleIncomplete", ErrorCategory.ObjectNotFound, ModulePaths.ModuleBase, ex));
                throw;
            }
        }

        private static InstallChange Change(AssemblyName name, string action) =>
            new InstallChange(InstallChange.GacAssembly, name.Name!, name.Version?.ToString(), action);
    }
}
