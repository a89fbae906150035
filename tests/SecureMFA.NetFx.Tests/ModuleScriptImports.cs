using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureMFA.Testing;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// The C# the modules' .psm1 files hand to Add-Type (a single-quoted here-string holding a [DllImport]): compiled here
    /// into an assembly of its own, as Add-Type compiles it on Windows, so its imports are read from metadata and checked
    /// against the listing like the shipped assemblies' are.
    /// </summary>
    public static class ModuleScriptImports
    {
        private static readonly Regex HereString = new Regex(@"@'\r?\n(?<source>.*?)\r?\n'@", RegexOptions.Singleline);
        private static readonly Lazy<IReadOnlyList<(string Script, string Assembly)>> Compiled = new Lazy<IReadOnlyList<(string, string)>>(CompileAll);

        /// <summary>Each Add-Type source with a [DllImport], by the script it stands in (relative path) and the assembly it compiled to.</summary>
        public static IReadOnlyList<(string Script, string Assembly)> Assemblies => Compiled.Value;

        private static IReadOnlyList<(string, string)> CompileAll()
        {
            var output = Directory.CreateTempSubdirectory("securemfa-psm1-imports").FullName;
            var compiled = new List<(string, string)>();
            foreach (var script in Scripts())
            {
                var sources = HereString.Matches(File.ReadAllText(script)).Select(m => m.Groups["source"].Value).Where(s => s.Contains("[DllImport(")).ToList();
                for (var i = 0; i < sources.Count; i++)
                {
                    var relative = Path.GetRelativePath(RepositoryPaths.Root, script);
                    var path = Path.Combine(output, Path.GetFileNameWithoutExtension(script) + "-" + i + ".dll");
                    Compile(sources[i], path, relative);
                    compiled.Add((relative, path));
                }
            }
            return compiled;
        }

        /// <summary>Every .psm1 in the repository that ships (not build output).</summary>
        private static IEnumerable<string> Scripts() =>
            Directory.EnumerateFiles(RepositoryPaths.Root, "*.psm1", SearchOption.AllDirectories)
                .Where(p => !Path.GetRelativePath(RepositoryPaths.Root, p).Split(Path.DirectorySeparatorChar)
                    .Any(part => part == "bin" || part == "obj" || part == "artifacts" || part.StartsWith(".", StringComparison.Ordinal)))
                .OrderBy(p => p, StringComparer.Ordinal);

        private static void Compile(string source, string path, string script)
        {
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), new[] { CSharpSyntaxTree.ParseText(source) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var result = compilation.Emit(path);
            if (!result.Success)
                throw new InvalidOperationException($"The Add-Type source in {script} does not compile:\n" +
                    string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
    }
}
