using System;
using System.IO;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>A SQLite store and the configuration that names it, in a temporary folder of its own.</summary>
    public sealed class SupportStore : IDisposable
    {
        public SupportStore()
        {
            Folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            ConfigurationFile = Path.Combine(Folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(ConfigurationFile, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{DatabaseFile}"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Cmdlet-Tests-Passphrase-1"" }}");
            // One salt for every store of the test process, so the cmdlets derive the key once (SharedTestSalt).
            using (var store = Open()) SharedTestSalt.SeedInto(store);
        }

        public string Folder { get; }
        public string ConfigurationFile { get; }
        public string DatabaseFile => Path.Combine(Folder, "otp.db");

        public IOtpUserStore Open() => SqliteStoreFactory.Open(DatabaseFile);

        /// <summary>What an administrator would do for a session: point every support cmdlet at this configuration.</summary>
        public string SessionDefaults => $"$PSDefaultParameterValues['*-xOTP_*:ConfigurationFilePath'] = '{ConfigurationFile}'";

        /// <summary>A configuration file next to the store's, with this content; returns its path.</summary>
        public string Configuration(string name, string json)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, json);
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
