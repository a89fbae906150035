using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SecureMFA.Adapter;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The shipped (net472) adapter: what AD FS will bind to and load from the GAC.</summary>
    public class AdapterAssemblyTests
    {
        private static readonly string[] FrameworkTokens = { "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51" };

        public static string Net472Folder() => RepositoryPaths.Output("src/Adapter", "net472");

        private static AssemblyName NameOf(string path) => AssemblyName.GetAssemblyName(path);

        private static List<AssemblyName> ReferencesOf(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
        }

        private static string Token(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();

        [Fact]
        public void ReferencesExactlyTheAdfsIdentity()
        {
            var adapter = Path.Combine(Net472Folder(), "SecureMFA.Adapter.dll");
            var adfs = Assert.Single(ReferencesOf(adapter), r => r.Name == "Microsoft.IdentityServer.Web");
            Assert.Equal("Microsoft.IdentityServer.Web, Version=10.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", adfs.FullName);
            Assert.False(File.Exists(Path.Combine(Net472Folder(), "Microsoft.IdentityServer.Web.dll")), "the reference assembly must not ship");
        }

        [Fact]
        public void TheAdapterAndEveryAssemblyItLoadsAreStrongNamed()
        {
            var folder = Net472Folder();
            var adapter = NameOf(Path.Combine(folder, "SecureMFA.Adapter.dll"));
            Assert.Equal(16, Token(adapter).Length);
            Assert.Equal("1.0.0.0", adapter.Version!.ToString());

            var seen = new HashSet<string>();
            var pending = new Queue<string>(new[] { "SecureMFA.Adapter" });
            while (pending.Count > 0)
            {
                var name = pending.Dequeue();
                if (!seen.Add(name)) continue;
                var path = Path.Combine(folder, name + ".dll");
                Assert.True(File.Exists(path), $"{name} is on the load path but not in the build output");
                Assert.True(Token(NameOf(path)).Length == 16, $"{name} is not strong-named: it cannot be installed in the GAC");
                foreach (var reference in ReferencesOf(path))
                {
                    if (File.Exists(Path.Combine(folder, reference.Name + ".dll"))) pending.Enqueue(reference.Name!);
                    else Assert.True(FrameworkTokens.Contains(Token(reference)), $"{name} references {reference.FullName}, which is neither shipped nor part of .NET Framework");
                }
            }
            Assert.Contains("SecureMFA.Core", seen);
            Assert.Contains("Otp.NET", seen);
            Assert.Contains("QRCoder", seen);
        }

        [Fact]
        public void MetadataAdvertisesExactlyTheShippedLanguagesWithTheirNeutralCulturesAndTheOtpMethod()
        {
            var metadata = new AdapterMetadata();
            // The shipped languages and their neutral cultures (de, en, es, fr, nl), through which AD FS accepts de-AT or en-GB.
            Assert.Equal(new[] { 7, 9, 10, 12, 19, 1031, 1033, 1036, 1043, 3082 }, metadata.AvailableLcids.OrderBy(l => l));
            foreach (var (neutral, specific) in new[] { (7, 1031), (9, 1033), (10, 3082), (12, 1036), (19, 1043) })
            {
                Assert.Equal(metadata.FriendlyNames[specific], metadata.FriendlyNames[neutral]);
                Assert.Equal(metadata.Descriptions[specific], metadata.Descriptions[neutral]);
            }
            Assert.Equal(metadata.AvailableLcids.OrderBy(l => l), metadata.FriendlyNames.Keys.OrderBy(l => l));
            Assert.Equal(metadata.AvailableLcids.OrderBy(l => l), metadata.Descriptions.Keys.OrderBy(l => l));
            Assert.All(metadata.FriendlyNames.Values, n => Assert.False(string.IsNullOrWhiteSpace(n)));
            Assert.Equal(new[] { "http://schemas.microsoft.com/ws/2012/12/authmethod/otp" }, metadata.AuthenticationMethods);
            Assert.Equal(new[] { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn" }, metadata.IdentityClaims);
            Assert.True(metadata.RequiresIdentity);
            Assert.False(string.IsNullOrWhiteSpace(metadata.AdminName));
        }

        [Fact]
        public void EveryLanguageHasEveryText()
        {
            foreach (var language in PageText.Languages)
                foreach (var property in typeof(PageText).GetProperties().Where(p => p.PropertyType == typeof(string)))
                    Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(language.Value)), $"{language.Key} lacks {property.Name}");
        }
    }
}
