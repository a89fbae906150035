using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// The module's real Find-SecureMfaOtpGacAssembly (the seam the verification relies on), against a GAC laid out in a
    /// temporary %windir% as .NET Framework 4 lays it out: it must find exactly the full name asked for.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class GacSeamTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _windir = Path.Combine(Path.GetTempPath(), "securemfa-windir", Guid.NewGuid().ToString("N"));

        public GacSeamTests() => Environment.SetEnvironmentVariable("windir", _windir);

        /// <summary>Puts a module assembly where the .NET 4 GAC keeps it: GAC_MSIL\name\v4.0_version_culture_token\name.dll.</summary>
        private string Place(string file)
        {
            var name = AssemblyName.GetAssemblyName(FakeAdfsServer.ModuleAssembly(file));
            var token = string.Concat(name.GetPublicKeyToken()!.Select(b => b.ToString("x2")));
            var folder = Path.Combine(_windir, "Microsoft.NET", "assembly", "GAC_MSIL", name.Name!, $"v4.0_{name.Version}__{token}");
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, file);
            File.Copy(FakeAdfsServer.ModuleAssembly(file), target);
            return target;
        }

        private string[] Find(string fullName) =>
            _ps.Run($"Find-SecureMfaOtpGacAssembly -AssemblyName '{fullName}'").Output.Select(o => o.ToString()!).ToArray();

        [Fact]
        public void ItFindsTheFileOfExactlyTheFullNameAskedFor()
        {
            var placed = Place("SecureMFA.Core.dll");
            var fullName = FakeAdfsServer.FullName("SecureMFA.Core.dll");
            Assert.Equal(new[] { placed }, Find(fullName));

            var otherVersion = new AssemblyName(fullName) { Version = new Version(9, 9, 9, 9) };
            Assert.Empty(Find(otherVersion.FullName));
            var otherKey = new AssemblyName(fullName);
            otherKey.SetPublicKeyToken(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            Assert.Empty(Find(otherKey.FullName));
            Assert.Empty(Find(FakeAdfsServer.FullName("SecureMFA.Otp.dll")));
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("windir", null);
            _ps.Dispose();
            try { Directory.Delete(_windir, true); } catch (IOException) { }
        }
    }
}
