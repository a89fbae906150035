using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>What a credential provider would load into LogonUI: strong-named with the project key, referencing as little as possible.</summary>
    public class ShippedAssemblyTests
    {
        [Theory]
        [InlineData("net472", new[] { "mscorlib", "System", "System.Core", "System.Net.Http", "System.Security", "SecureMFA.Otp" })]
        [InlineData("net10.0", new[] { "System.Runtime", "System.Collections", "System.Linq", "System.Net.Http", "System.Net.Primitives", "System.Security.Cryptography", "System.Text.Encoding.Extensions", "System.Memory", "System.Net.Requests", "System.Net.WebProxy", "System.Threading", "System.Threading.Thread", "SecureMFA.Otp" })]
        public void WinOtpCoreReferencesOnlyTheFrameworkAndSecureMfaOtp(string framework, string[] allowed)
        {
            var references = References(Path.Combine(RepositoryPaths.Output("src/WinOtp/Core", framework), "SecureMFA.WinOtp.Core.dll"));
            var unexpected = references.Where(r => !allowed.Contains(r)).ToList();
            Assert.True(unexpected.Count == 0, "unexpected references: " + string.Join(", ", unexpected));
            Assert.Contains("SecureMFA.Otp", references);
            Assert.DoesNotContain(references, r => r.Contains("Json") || r.Contains("Sql") || r.Contains("SecureMFA.Core") || r.Contains("DirectoryServices"));
        }

        [Fact]
        public void WinOtpCoreIsStrongNamedWithTheProjectKey()
        {
            var core = AssemblyName.GetAssemblyName(Path.Combine(RepositoryPaths.Output("src/WinOtp/Core", "net472"), "SecureMFA.WinOtp.Core.dll"));
            var otp = AssemblyName.GetAssemblyName(Path.Combine(RepositoryPaths.Output("src/WinOtp/Core", "net472"), "SecureMFA.Otp.dll"));
            var token = core.GetPublicKeyToken();
            Assert.NotNull(token);
            Assert.Equal(8, token!.Length);
            Assert.Equal(otp.GetPublicKeyToken(), token);
            // One version source: the release version every SecureMFA assembly but the adapter carries.
            Assert.Equal(otp.Version, core.Version);
        }

        private static string[] References(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
        }
    }
}
