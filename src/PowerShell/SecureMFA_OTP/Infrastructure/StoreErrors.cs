using System;
using System.IO;
using System.Management.Automation;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// A store that cannot be used, as an ErrorRecord naming the store (SQL Server and database, SQLite file, LDAP server)
    /// and the cause, whatever the exception: a store that cannot even load (a missing native library, a malformed path)
    /// throws types no store method declares.
    /// </summary>
    public static class StoreErrors
    {
        /// <summary>The store the configuration names, as an administrator would look for it.</summary>
        public static string Describe(ProviderConfiguration config)
        {
            switch (config.AuthMode)
            {
                case AuthMode.MSSQL:
                    return $"SQL Server \"{config.SqlServer}\", database \"{config.SqlDatabaseName}\"";
                case AuthMode.AD:
                    var port = config.AdPort != 0 ? config.AdPort : config.AdSsl ? 636 : 389;
                    var server = config.AdServer.Length == 0 ? "(the computer's domain)" : config.AdServer;
                    return $"LDAP server {server} port {port}{(config.AdSsl ? " (LDAPS)" : "")}";
                default:
                    return $"SQLite file \"{config.SqlitePath}\"";
            }
        }

        /// <summary>
        /// For a cmdlet that only reads: an error when the configuration names a SQLite file that does not exist (opening it
        /// would create the folder and an empty store, and every user would then "not exist"); null otherwise.
        /// </summary>
        public static ErrorRecord? MissingSqliteFile(ProviderConfiguration config, string configurationFile)
        {
            if (config.AuthMode != AuthMode.SQLITE) return null;
            var file = Path.GetFullPath(config.SqlitePath);
            if (File.Exists(file)) return null;
            return Errors.Record($"There is no OTP store at \"{file}\" (sqlite_path in {configurationFile}): check the path, or create the store with " +
                "New-SecureMfaOtpDatabase.", "StoreNotFound", ErrorCategory.ObjectNotFound, file);
        }

        public static ErrorRecord Record(ProviderConfiguration config, Exception ex)
        {
            var store = Describe(config);
            return Errors.Record($"The OTP user store ({store}) cannot be used: {Deployment.WithoutSecrets(config, Cause(ex))}", "StoreUnavailable",
                ErrorCategory.ResourceUnavailable, store, ex);
        }

        /// <summary>The message that says what went wrong, without the wrappers around it.</summary>
        private static string Cause(Exception ex)
        {
            while (ex is TypeInitializationException && ex.InnerException != null) ex = ex.InnerException;
            switch (ex)
            {
                case StoreUnavailableException unavailable:
                    return unavailable.Message;
                case DllNotFoundException _:
                case BadImageFormatException _:
                    return $"a native library could not be loaded ({ex.Message}). For SQLite, run Install-SecureMfaOtpProvider again: it copies the library to %ProgramFiles%\\SecureMFA OTP\\native.";
                case ArgumentException _:
                case NotSupportedException _:
                case PathTooLongException _:
                    return $"the configured location is not valid: {ex.Message}";
                default:
                    return $"{ex.GetType().Name}: {ex.Message}";
            }
        }

    }
}
