using System;
using System.IO;
using System.Linq;
using System.Reflection;
using SecureMFA.Testing;

namespace SecureMFA.Payload.Tests
{
    /// <summary>Where the staged module and the other build outputs are, and which release the build made.</summary>
    public static class StagedModule
    {
        public static string Folder => Cmdlets.Tests.PowerShellSession.ModuleFolder;
        public static string RepoRoot => RepositoryPaths.Root;

        /// <summary>Release, Debug: the configuration this test assembly was built in, and so the one staged.</summary>
        public static string Configuration => RepositoryPaths.Configuration;

        /// <summary>
        /// The release version the build was given ($(Version)): this test assembly was stamped from the same property,
        /// so `dotnet build -p:Version=2.1.0` changes both the payload and what the tests expect.
        /// </summary>
        public static string Release =>
            typeof(StagedModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Folder }.Concat(parts).ToArray());

        public static string NuGetPackageRoot =>
            typeof(StagedModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
    }
}
