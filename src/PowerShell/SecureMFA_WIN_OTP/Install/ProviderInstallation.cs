using System;
using System.IO;
using System.Reflection;
using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.Cmdlets
{
    /// <summary>
    /// Where the provider's files go and what LogonUI is told to load: a folder per release under Program Files
    /// (%ProgramFiles%\SecureMFA WIN OTP\&lt;version&gt;), so an upgrade never has to overwrite a file LogonUI of
    /// another session still holds open; the COM registration then points at the new folder.
    /// </summary>
    public sealed class ProviderInstallation
    {
        public const string ProductFolderName = "SecureMFA WIN OTP";
        /// <summary>The files that ship in the module's provider\ folder and are copied, in this order.</summary>
        public static readonly string[] Files = { "SecureMFA.Otp.dll", "SecureMFA.WinOtp.Core.dll", ProviderIds.AssemblyFileName };

        public ProviderInstallation(string programFiles, string assemblyFullName)
        {
            if (string.IsNullOrEmpty(programFiles)) throw new ArgumentException("The Program Files folder is not known.", nameof(programFiles));
            var name = new AssemblyName(assemblyFullName);
            if (name.Version == null) throw new ArgumentException("The provider assembly has no version.", nameof(assemblyFullName));
            AssemblyFullName = assemblyFullName;
            AssemblyVersion = name.Version.ToString();
            Release = $"{name.Version.Major}.{name.Version.Minor}.{name.Version.Build}";
            ProductFolder = $"{programFiles.TrimEnd('\\')}\\{ProductFolderName}";
            Folder = $"{ProductFolder}\\{Release}";
        }

        public string AssemblyFullName { get; }
        public string AssemblyVersion { get; }
        public string Release { get; }
        public string ProductFolder { get; }
        public string Folder { get; }
        public string ProviderPath => $"{Folder}\\{ProviderIds.AssemblyFileName}";

        /// <summary>As RegAsm /codebase writes it: file:/// and the path with forward slashes.</summary>
        public string CodeBase => $"file:///{ProviderPath.Replace('\\', '/')}";

        /// <summary>
        /// The module folder, found from this assembly's own file (bin\&lt;framework&gt;\ two levels below it), as the AD FS
        /// module finds its own: the PowerShell module object's ModuleBase names wherever the module was imported from
        /// (bin\&lt;framework&gt;\ itself when the assembly was imported directly), not where provider\ is.
        /// </summary>
        public static string ModuleFolder =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(ProviderInstallation).Assembly.Location)!, "..", ".."));

        /// <summary>The provider assembly in the module (provider\ beside the manifest), read for its full name.</summary>
        public static string ShippedAssemblyName(string moduleFolder) =>
            AssemblyName.GetAssemblyName(Path.Combine(moduleFolder, "provider", ProviderIds.AssemblyFileName)).FullName;
    }
}
