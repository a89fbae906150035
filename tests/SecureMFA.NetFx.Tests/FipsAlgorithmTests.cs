using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Xunit;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// LogonUI and powershell.exe run .NET Framework with the 4.0 defaults, where SHA256Managed, AesManaged and the like
    /// throw under the FIPS policy: the shipped net472 IL references none of them, calls no factory that resolves to
    /// one, and every crypto type it does reference is classified in contracts/netfx/fips-algorithms.txt.
    /// </summary>
    public class FipsAlgorithmTests
    {
        private static readonly FipsListing Listing = FipsListing.Read(ShippedNetFx.Contract("fips-algorithms.txt"));

        public static IEnumerable<object[]> Shipped() => ShippedNetFx.Assemblies.Select(a => new object[] { a.Folder, a.Assembly });

        [Theory]
        [MemberData(nameof(Shipped))]
        public void TheShippedNet472AssemblyUsesNoCryptoThatThrowsUnderTheFipsPolicy(string folder, string assembly)
        {
            var problems = Problems(ShippedNetFx.PathOf(folder, assembly));
            Assert.True(problems.Count == 0, assembly + ":\n" + string.Join("\n", problems));
        }

        /// <summary>The scanner can fail: this test assembly's own <see cref="FipsScannerFixture"/> breaks every rule once.</summary>
        [Fact]
        public void TheScannerFindsEachKindOfViolation()
        {
            var problems = Problems(typeof(FipsScannerFixture).Assembly.Location)
                .Where(p => p.Contains(nameof(FipsScannerFixture)) || p.StartsWith("type ", StringComparison.Ordinal)).ToList();
            Assert.Contains(problems, p => p.StartsWith("type System.Security.Cryptography.SHA256Managed throws", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("calls System.Security.Cryptography.MD5::Create()"));
            Assert.Contains(problems, p => p.Contains("calls System.Security.Cryptography.CryptoConfig::CreateFromName(string) with \"Rijndael\""));
            Assert.Contains(problems, p => p.Contains("calls System.Security.Cryptography.HashAlgorithm::Create(string) with a name that is not a literal"));
            Assert.DoesNotContain(problems, p => p.Contains("\"SHA256\""));
        }

        /// <summary>The scan reads the real IL: the kernel's HMAC, AES and PBKDF2 calls are among the call sites it sees.</summary>
        [Fact]
        public void TheScanSeesTheShippedCryptoCalls()
        {
            using var pe = new PEReader(File.OpenRead(ShippedNetFx.PathOf("src/Otp", "SecureMFA.Otp")));
            var reader = pe.GetMetadataReader();
            var targets = CallSites.In(reader, pe).Select(s => s.Target).ToHashSet();
            Assert.Contains("System.Security.Cryptography.HMACSHA256::.ctor(byte[])", targets);
            Assert.Contains("System.Security.Cryptography.Aes::Create()", targets);
            Assert.Contains("System.Security.Cryptography.Rfc2898DeriveBytes::.ctor(byte[],byte[],int32,System.Security.Cryptography.HashAlgorithmName)", targets);
        }

        /// <summary>The facts the issue names stay in the listing (so it cannot be emptied into passing).</summary>
        [Fact]
        public void TheListingKeepsTheFactsFromTheReferenceSource()
        {
            var throws = Listing.Of("throws-type");
            foreach (var type in new[] { "SHA1Managed", "SHA256Managed", "SHA512Managed", "AesManaged", "RijndaelManaged", "MD5CryptoServiceProvider" })
                Assert.Contains("System.Security.Cryptography." + type, throws);
            var safe = Listing.Of("safe-type");
            foreach (var type in new[] { "HMACSHA256", "HMACSHA1", "Rfc2898DeriveBytes", "Aes", "SHA256", "SHA1", "RandomNumberGenerator" })
                Assert.Contains("System.Security.Cryptography." + type, safe);
            Assert.Empty(throws.Intersect(safe));
            Assert.Contains("System.Security.Cryptography.SymmetricAlgorithm::Create()", Listing.Of("throws-member"));
            Assert.Contains("rijndael", Listing.Of("throws-name"));
        }

        private static List<string> Problems(string path)
        {
            var throwsType = Listing.Of("throws-type");
            var throwsMember = Listing.Of("throws-member");
            var throwsName = Listing.Of("throws-name");
            var nameFactory = Listing.Of("name-factory");
            var safe = Listing.Of("safe-type");
            var problems = new List<string>();
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();

            foreach (var type in TypeNames.TypeReferences(reader).Where(t => t.StartsWith("System.Security.Cryptography.", StringComparison.Ordinal)).Distinct())
            {
                if (throwsType.Contains(type)) problems.Add($"type {type} throws under the FIPS policy with the 4.0 defaults");
                else if (!safe.Contains(type))
                    problems.Add($"type {type} is not classified in contracts/netfx/fips-algorithms.txt: check the reference source and list it");
            }
            foreach (var site in CallSites.In(reader, pe))
            {
                if (throwsMember.Contains(site.Target)) problems.Add($"{site.Caller} calls {site.Target}, which constructs a type that throws under the FIPS policy");
                if (!nameFactory.Contains(site.Target)) continue;
                if (site.PrecedingString == null) problems.Add($"{site.Caller} calls {site.Target} with a name that is not a literal: it cannot be checked");
                else if (throwsName.Contains(site.PrecedingString)) problems.Add($"{site.Caller} calls {site.Target} with \"{site.PrecedingString}\", which resolves to a type that throws under the FIPS policy");
            }
            return problems;
        }
    }

#pragma warning disable SYSLIB0021, SYSLIB0045 // obsolete on .NET 10: here on purpose, as what the scanner must find
    /// <summary>Never run: its IL is what <see cref="FipsAlgorithmTests.TheScannerFindsEachKindOfViolation"/> scans.</summary>
    internal static class FipsScannerFixture
    {
        public static object ManagedType() => new SHA256Managed();
        public static object ThrowingFactory() => MD5.Create();
        public static object? ThrowingName() => CryptoConfig.CreateFromName("Rijndael");
        public static object? SafeName() => CryptoConfig.CreateFromName("SHA256");
        public static object? UnknownName(string name) => HashAlgorithm.Create(name);
    }
#pragma warning restore SYSLIB0021, SYSLIB0045
}
