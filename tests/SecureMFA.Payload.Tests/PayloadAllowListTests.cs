using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The payload folders hold exactly these files: no symbols, no runtimes/ tree for every platform, no compile-time
    /// reference assembly, nothing test-only. Anything new fails here and must be added on purpose.
    /// </summary>
    public class PayloadAllowListTests
    {
        private static readonly string[] Net472Dependencies =
        {
            "Microsoft.Data.Sqlite.dll", "Otp.NET.dll", "QRCoder.dll", "SQLitePCLRaw.core.dll", "SQLitePCLRaw.provider.e_sqlite3.dll",
            "SecureMFA.Core.dll", "SecureMFA.Otp.dll", "System.Buffers.dll", "System.Memory.dll", "System.Numerics.Vectors.dll",
            "System.Runtime.CompilerServices.Unsafe.dll",
        };

        // Microsoft.Data.SqlClient and System.DirectoryServices.Protocols are not here: their portable builds only throw
        // PlatformNotSupportedException, and a copy beside SecureMFA.Core.dll is what .NET's fallback loads for Core. Their builds
        // for Windows and Linux ship under runtimes/ (Net10OsSpecific), resolved per OS by ModuleDependencyResolver.
        private static readonly string[] Net10Dependencies =
        {
            "Microsoft.Bcl.Cryptography.dll", "Microsoft.Data.SqlClient.Extensions.Abstractions.dll", "Microsoft.Data.SqlClient.Internal.Logging.dll",
            "Microsoft.Data.Sqlite.dll", "Microsoft.Extensions.Caching.Abstractions.dll", "Microsoft.Extensions.Caching.Memory.dll",
            "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Logging.Abstractions.dll", "Microsoft.Extensions.Options.dll",
            "Microsoft.Extensions.Primitives.dll", "Microsoft.IdentityModel.Abstractions.dll", "Microsoft.IdentityModel.JsonWebTokens.dll",
            "Microsoft.IdentityModel.Logging.dll", "Microsoft.IdentityModel.Protocols.OpenIdConnect.dll", "Microsoft.IdentityModel.Protocols.dll",
            "Microsoft.IdentityModel.Tokens.dll", "Microsoft.SqlServer.Server.dll", "Microsoft.Win32.SystemEvents.dll", "Otp.NET.dll", "QRCoder.dll",
            "SQLitePCLRaw.core.dll", "SQLitePCLRaw.provider.e_sqlite3.dll", "SecureMFA.Core.dll", "SecureMFA.Otp.dll",
            "System.Configuration.ConfigurationManager.dll", "System.Diagnostics.EventLog.dll", "System.Drawing.Common.dll",
            "System.IdentityModel.Tokens.Jwt.dll", "System.Security.Cryptography.Pkcs.dll", "System.Security.Cryptography.ProtectedData.dll",
        };

        /// <summary>
        /// The real builds MSSQL and AD modes need under PowerShell 7, for Windows and Linux only (what the product runs on),
        /// and the native SNI that SqlClient calls on Windows x64 (on Linux it uses its managed SNI; no other package in the
        /// stores' closure needs a build of its own that PowerShell does not already carry).
        /// </summary>
        private static readonly string[] Net10OsSpecific =
        {
            "runtimes/win/lib/Microsoft.Data.SqlClient.dll", "runtimes/unix/lib/Microsoft.Data.SqlClient.dll",
            "runtimes/win/lib/System.DirectoryServices.Protocols.dll", "runtimes/linux/lib/System.DirectoryServices.Protocols.dll",
            "runtimes/win-x64/native/Microsoft.Data.SqlClient.SNI.dll",
        };

        private static readonly string[] Allowed =
            Net472Dependencies.Select(f => "adapter/" + f).Append("adapter/SecureMFA.Adapter.dll")
            .Concat(Net472Dependencies.Select(f => "bin/net472/" + f)).Append("bin/net472/SecureMFA.Cmdlets.dll").Append("bin/net472/en-US/SecureMFA.Cmdlets.dll-Help.xml")
            .Concat(Net10Dependencies.Select(f => "bin/net10.0/" + f)).Concat(Net10OsSpecific.Select(f => "bin/net10.0/" + f)).Append("bin/net10.0/SecureMFA.Cmdlets.dll").Append("bin/net10.0/en-US/SecureMFA.Cmdlets.dll-Help.xml")
            .Append("native/win-x64/e_sqlite3.dll").Append("native/linux-x64/libe_sqlite3.so")
            .ToArray();

        [Fact]
        public void ThePayloadFoldersHoldExactlyTheAllowedFiles()
        {
            var staged = new[] { "adapter", "bin", "native" }
                .SelectMany(folder => Directory.GetFiles(StagedModule.Path(folder), "*", SearchOption.AllDirectories))
                .Select(f => Path.GetRelativePath(StagedModule.Folder, f).Replace('\\', '/'))
                .ToList();
            var unexpected = staged.Except(Allowed, StringComparer.Ordinal).OrderBy(f => f).ToList();
            var missing = Allowed.Except(staged, StringComparer.Ordinal).OrderBy(f => f).ToList();
            Assert.True(unexpected.Count == 0, "not on the allow-list (add it on purpose, or stop shipping it):\n" + string.Join("\n", unexpected));
            Assert.True(missing.Count == 0, "allowed but not staged:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void NoSymbolsRuntimeTreesOrReferenceAssembliesShip()
        {
            var everything = Directory.GetFiles(StagedModule.Folder, "*", SearchOption.AllDirectories).Select(f => f.Replace('\\', '/')).ToList();
            Assert.DoesNotContain(everything, f => f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));
            // One runtimes/ tree, the allow-listed OS builds of the net10.0 cmdlets; none for every platform anywhere.
            var root = StagedModule.Folder.Replace('\\', '/');
            Assert.DoesNotContain(everything, f => f.Contains("/runtimes/", StringComparison.OrdinalIgnoreCase) && !f.StartsWith(root + "/bin/net10.0/runtimes/", StringComparison.Ordinal));
            Assert.DoesNotContain(everything, f => f.EndsWith("/Microsoft.IdentityServer.Web.dll", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(everything, f => f.EndsWith("/System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
            // PowerShell reads no module's deps.json; only the web portal, an application of its own, needs one.
            Assert.DoesNotContain(everything, f => f.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) && !f.StartsWith(root + "/webportal/", StringComparison.Ordinal));
        }
    }
}
