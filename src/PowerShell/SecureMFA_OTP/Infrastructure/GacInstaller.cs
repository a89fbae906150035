using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>What Install does with one of the module's assemblies.</summary>
    public sealed class GacStep
    {
        public GacStep(ModuleAssembly assembly, string action) => (Assembly, Action) = (assembly, action);

        public ModuleAssembly Assembly { get; }
        public string Action { get; }
        public bool ChangesGac => Action != InstallChange.Unchanged;
    }

    /// <summary>
    /// Puts the module's assemblies into the GAC and proves it: after each install the GAC's file for the full name must be
    /// byte for byte the module's file (the GAC API reports some failures only in the event log, and keeps an older file of
    /// the same identity unless told to replace it).
    /// Ours (SecureMFA.*, the project's key) are replaced when their content differs: the adapter keeps one identity
    /// across releases so its registration in AD FS stays valid, while SecureMFA.Core and SecureMFA.Otp carry the release
    /// version and sit side by side with older ones. A third-party assembly already in the GAC is left as it is: its
    /// publisher's file of that identity is the same assembly, and another product may depend on it.
    /// </summary>
    public sealed class GacInstaller
    {
        private readonly GlobalAssemblyCache _gac;
        private readonly InstallRecord _record;

        public GacInstaller(GlobalAssemblyCache gac, InstallRecord record)
        {
            _gac = gac;
            _record = record;
        }

        public IReadOnlyList<GacStep> Plan(IReadOnlyList<ModuleAssembly> assemblies) =>
            assemblies.Select(a =>
            {
                var existing = _gac.Find(a.FullName);
                if (existing == null) return new GacStep(a, InstallChange.Installed);
                return a.IsOurs && !SameContent(existing, a) ? new GacStep(a, InstallChange.Replaced) : new GacStep(a, InstallChange.Unchanged);
            }).ToList();

        /// <summary>
        /// Our assemblies this server already holds, as the module ships them, that the record does not name (installed by a
        /// release before the record existed): they are ours (our key), so Uninstall must know them.
        /// </summary>
        public IReadOnlyList<string> Unrecorded(IReadOnlyList<GacStep> plan) =>
            plan.Where(s => s.Assembly.IsOurs && !s.ChangesGac && !_record.HasAssembly(s.Assembly.FullName)).Select(s => s.Assembly.FullName).ToList();

        public void Adopt(IEnumerable<string> fullNames)
        {
            foreach (var name in fullNames) _record.AddAssembly(name);
        }

        /// <summary>Installs one assembly, records it, and checks the GAC now holds exactly the module's file.</summary>
        public void Apply(GacStep step)
        {
            var assembly = step.Assembly;
            try
            {
                _gac.Install(assembly.Path);
            }
            catch (PlatformCommandException ex)
            {
                throw new InstallStepException(assembly.FullName, $"Installing {assembly.FullName} into the GAC failed: {ex.InnerException?.Message}", ex);
            }
            var installed = _gac.Find(assembly.FullName);
            if (installed == null)
                throw new InstallStepException(assembly.FullName,
                    $"{assembly.FullName} is not in the GAC after installing it from {assembly.Path}. The Application event log may say why.");
            // What is there now came from this install (or replaced ours): Uninstall must know it even if the check below fails.
            if (assembly.IsOurs || step.Action == InstallChange.Installed) _record.AddAssembly(assembly.FullName);
            Verify(assembly, installed);
        }

        private static void Verify(ModuleAssembly assembly, string installed)
        {
            var identity = AssemblyName.GetAssemblyName(installed).FullName;
            if (!string.Equals(identity, assembly.FullName, StringComparison.Ordinal))
                throw new InstallStepException(assembly.FullName,
                    $"The GAC returned {installed} for {assembly.FullName}, but that file is {identity}.");
            var hash = FileHash.Sha256(installed);
            if (hash != assembly.Sha256)
                throw new InstallStepException(assembly.FullName,
                    $"The GAC's file for {assembly.FullName} ({installed}, SHA-256 {hash}) is not the module's {Path.GetFileName(assembly.Path)} (SHA-256 {assembly.Sha256}): " +
                    "the GAC kept another file of the same identity. Nothing else was installed after it.");
        }

        private static bool SameContent(string gacFile, ModuleAssembly assembly) =>
            File.Exists(gacFile) && FileHash.Sha256(gacFile) == assembly.Sha256;
    }
}
