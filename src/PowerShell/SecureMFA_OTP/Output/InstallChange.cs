using System.ComponentModel;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// One thing Install-SecureMfaOtpProvider or Uninstall-SecureMfaOtpProvider did on this server: what (Kind, Name,
    /// Version) and what happened to it (Action: Installed, Replaced, Unchanged, Removed, Kept, Registered, ...).
    /// </summary>
    [Description("One object per thing looked at on this server: Kind (GAC assembly, Native library, Event source, Configuration copy, " +
        "AD FS registration, Global policy, AD FS service), Name, Version, and Action (Installed, Replaced, Unchanged, Removed, Kept, Registered, ...).")]
    public sealed class InstallChange
    {
        public const string GacAssembly = "GAC assembly";
        public const string NativeLibrary = "Native library";
        public const string EventSource = "Event source";
        public const string ConfigurationCopy = "Configuration copy";
        public const string Registration = "AD FS registration";
        public const string GlobalPolicy = "Global policy";
        public const string Service = "AD FS service";

        // What happened to a file: put there, put there in place of different content, already there as it should be,
        // taken away, or left on purpose.
        public const string Installed = "Installed";
        public const string Replaced = "Replaced";
        public const string Unchanged = "Unchanged";
        public const string Removed = "Removed";
        public const string Kept = "Kept";

        public InstallChange(string kind, string name, string? version, string action) => (Kind, Name, Version, Action) = (kind, name, version, action);

        public string Kind { get; }
        public string Name { get; }
        public string? Version { get; }
        public string Action { get; }

        public override string ToString() => $"{Kind} {Name}{(Version == null ? "" : " " + Version)}: {Action}";
    }
}
