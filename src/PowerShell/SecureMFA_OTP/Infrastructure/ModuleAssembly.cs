using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>One assembly of the module's adapter/ folder, as it must appear in the GAC.</summary>
    public sealed class ModuleAssembly
    {
        private ModuleAssembly(string path, AssemblyName name, bool isOurs)
        {
            Path = path;
            Name = name;
            IsOurs = isOurs;
            Sha256 = FileHash.Sha256(path);
        }

        public string Path { get; }
        public AssemblyName Name { get; }
        public string FullName => Name.FullName;
        public string Sha256 { get; }

        /// <summary>Signed with the project's key (SecureMFA.*): replaced when its content changes, always removed on uninstall.</summary>
        public bool IsOurs { get; }

        /// <summary>
        /// The adapter/ folder's assemblies, dependencies first and the adapter last: if an upgrade stops half-way, the adapter
        /// AD FS loads still finds the versions it was built against.
        /// </summary>
        public static IReadOnlyList<ModuleAssembly> FromAdapterFolder()
        {
            var adapterPath = System.IO.Path.Combine(ModulePaths.AdapterFolder, ModulePaths.AdapterAssemblyFile);
            if (!File.Exists(adapterPath))
                throw new FileNotFoundException($"The adapter {adapterPath} is missing from the module: reinstall the module.", adapterPath);
            var ourToken = Token(AssemblyName.GetAssemblyName(adapterPath));
            var assemblies = new List<ModuleAssembly>();
            foreach (var file in Directory.GetFiles(ModulePaths.AdapterFolder, "*.dll"))
            {
                var name = AssemblyName.GetAssemblyName(file);
                if (GlobalAssemblyCache.IsAdfsOwn(name))
                    throw new InvalidOperationException($"{System.IO.Path.GetFileName(file)} is {name.FullName}, AD FS's own assembly: the module must never put it into the GAC (it would shadow AD FS's). The module is damaged; reinstall it.");
                var token = Token(name);
                if (token.Length == 0)
                    throw new InvalidOperationException($"{System.IO.Path.GetFileName(file)} is not strong-named, so it cannot go into the GAC: the module is damaged; reinstall it.");
                assemblies.Add(new ModuleAssembly(file, name, token == ourToken));
            }
            return assemblies
                .OrderBy(a => string.Equals(System.IO.Path.GetFileName(a.Path), ModulePaths.AdapterAssemblyFile, StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                .ThenBy(a => a.IsOurs ? 1 : 0)
                .ThenBy(a => a.Name.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        /// <summary>The public key token as lower-case hex ("" when not strong-named).</summary>
        public static string Token(AssemblyName name) =>
            LowerHex.Of(name.GetPublicKeyToken() ?? Array.Empty<byte>());
    }

    /// <summary>SHA-256 of a file, as lower-case hex: how Install proves that what landed is what the module ships.</summary>
    public static class FileHash
    {
        public static string Sha256(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
                return LowerHex.Of(sha.ComputeHash(stream));
        }
    }
}
