using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Deployment.Tests
{
    /// <summary>Where the build put the MSI, the Group Policy templates and the staged provider, for the release it built.</summary>
    public static class BuiltArtifacts
    {
        /// <summary>The release $(Version) the build was given: this assembly was stamped from the same property.</summary>
        public static string Release => typeof(BuiltArtifacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        public static string Msi => RepositoryPaths.Of($"artifacts/SecureMFA_WIN_OTP-{Release}-x64.msi");
        public static string PolicyDefinitions => RepositoryPaths.Of("artifacts/PolicyDefinitions");
        public static string StagedProvider => RepositoryPaths.Of("artifacts/module/SecureMFA_WIN_OTP/provider");

        public static string RequireMsi()
        {
            if (!File.Exists(Msi))
                throw new FileNotFoundException($"{Msi} was not built: the build needs wixl and msitools (scripts/install-test-deps.sh installs them), see the build output of src/WinOtp/Deployment.");
            return Msi;
        }
    }

    /// <summary>One table of an MSI database as msitools' <c>msiinfo export</c> writes it: column names, types, table name and keys, then the rows.</summary>
    public sealed class MsiTable
    {
        private MsiTable(string name, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
        {
            (Name, Columns, Rows) = (name, columns, rows);
        }

        public string Name { get; }
        public IReadOnlyList<string> Columns { get; }
        public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

        public static MsiTable Export(string msi, string table)
        {
            var start = new ProcessStartInfo("msiinfo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "export", msi, table }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("msiinfo did not start.");
            var error = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"msiinfo export {msi} {table} failed: {error.Result}");
            // Lines end in CR LF; a value never holds a tab or a line break here.
            var lines = text.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0).ToList();
            if (lines.Count < 3) throw new InvalidOperationException($"msiinfo export {table} wrote no header:\n{text}");
            var columns = lines[0].Split('\t');
            var rows = lines.Skip(3).Select(line =>
            {
                var cells = line.Split('\t');
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Length; i++) row[columns[i]] = i < cells.Length ? cells[i] : "";
                return (IReadOnlyDictionary<string, string>)row;
            }).ToList();
            return new MsiTable(table, columns, rows);
        }

        public IReadOnlyDictionary<string, string> Single(string column, string value) =>
            Rows.SingleOrDefault(r => r[column] == value) ?? throw new InvalidOperationException($"{Name} has no row with {column} = {value}.");
    }
}
