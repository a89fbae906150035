using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The net10.0 cmdlets need, for MSSQL and AD modes, the builds of Microsoft.Data.SqlClient and
    /// System.DirectoryServices.Protocols made for the operating system they run on; each package's portable build (lib/)
    /// only throws PlatformNotSupportedException. The module ships the real ones under bin/net10.0/runtimes/&lt;rid&gt;/lib and
    /// no portable one beside SecureMFA.Core.dll, where .NET's fallback would find it. Windows cannot be run here, so what it
    /// needs is checked in the files themselves: its builds call the Windows libraries, and the SNI they call ships for x64.
    /// </summary>
    public class OsSpecificBuildTests
    {
        public static IEnumerable<object[]> Builds() => new[]
        {
            new object[] { "Microsoft.Data.SqlClient", "win", "Microsoft.Data.SqlClient.SNI.dll" },
            new object[] { "Microsoft.Data.SqlClient", "unix", null! },
            new object[] { "System.DirectoryServices.Protocols", "win", "wldap32.dll" },
            new object[] { "System.DirectoryServices.Protocols", "linux", "libldap.so.2" },
        };

        [Theory]
        [MemberData(nameof(Builds))]
        public void TheBuildForEachOsIsTheIdentityCoreReferencesAndCallsThatOsesLibrary(string assembly, string rid, string? nativeLibrary)
        {
            var path = StagedModule.Path("bin", "net10.0", "runtimes", rid, "lib", assembly + ".dll");
            Assert.True(File.Exists(path), $"{path} is not staged");
            var reference = AssemblyFacts.Read(StagedModule.Path("bin", "net10.0", "SecureMFA.Core.dll")).References.Single(r => r.Name == assembly);
            Assert.Equal(reference.FullName, AssemblyFacts.Read(path).Name.FullName);
            // Managed SNI on Unix: that build of SqlClient calls no native library of its own.
            var imports = NativeImports(path);
            if (nativeLibrary != null) Assert.Contains(nativeLibrary, imports);
            else Assert.DoesNotContain(imports, i => i.StartsWith("Microsoft.Data.SqlClient.SNI", StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [InlineData("Microsoft.Data.SqlClient")]
        [InlineData("System.DirectoryServices.Protocols")]
        public void NoPortablePlaceholderLiesBesideCore(string assembly)
        {
            // .NET's LoadFrom fallback serves Core a dependency from Core's own folder whenever no resolver answered first
            // (not registered yet, another handler ahead of it, a host that loads the cmdlets without Import-Module): that is
            // how main loaded the placeholder. Absent, it cannot be picked, whatever the order.
            Assert.False(File.Exists(StagedModule.Path("bin", "net10.0", assembly + ".dll")), $"bin/net10.0/{assembly}.dll is staged");
        }

        [Fact]
        public void TheNativeSniThatWindowsSqlClientCallsShipsAsAnX64Image()
        {
            var path = StagedModule.Path("bin", "net10.0", "runtimes", "win-x64", "native", "Microsoft.Data.SqlClient.SNI.dll");
            using var pe = new PEReader(File.OpenRead(path));
            Assert.Equal(Machine.Amd64, pe.PEHeaders.CoffHeader.Machine);
            Assert.False(pe.HasMetadata, "the SNI is a native library, not an assembly");
        }

        /// <summary>The native libraries an assembly's P/Invoke declarations name (its ModuleRef table).</summary>
        private static List<string> NativeImports(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            return Enumerable.Range(1, reader.GetTableRowCount(TableIndex.ModuleRef))
                .Select(row => reader.GetString(reader.GetModuleReference(MetadataTokens.ModuleReferenceHandle(row)).Name))
                .ToList();
        }
    }
}
