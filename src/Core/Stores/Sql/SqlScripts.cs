using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>The scripts of sql/, embedded so the store and the cmdlets run exactly what admins are given.</summary>
    public static class SqlScripts
    {
        public const string CreateDatabase = "Create_Database_SecureMfaOTP.sql";
        public const string Upgrade = "Upgrade_From_Previous_Version.sql";
        public const string SqliteSchema = "Create_Schema_SQLite.sql";

        private static readonly Regex BatchSeparator = new Regex(@"^\s*GO\s*(--.*)?$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string Read(string name)
        {
            using (var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream("SecureMFA.Sql." + name))
            {
                if (stream == null) throw new InvalidOperationException($"The script {name} is not embedded in this build.");
                using (var reader = new StreamReader(stream)) return reader.ReadToEnd();
            }
        }

        /// <summary>Splits a T-SQL script on its GO lines, as sqlcmd and SSMS do.</summary>
        public static IReadOnlyList<string> Batches(string script)
        {
            var batches = new List<string>();
            foreach (var batch in BatchSeparator.Split(script))
                if (ContainsStatement(batch)) batches.Add(batch.Trim());
            return batches;
        }

        private static bool ContainsStatement(string batch)
        {
            foreach (var line in batch.Split('\n'))
                if (line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
