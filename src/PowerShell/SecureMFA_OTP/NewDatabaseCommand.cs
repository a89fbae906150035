using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.New, "SecureMfaOtpDatabase", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject))]
    [CmdletHelp("Creates or upgrades the OTP user store's schema.",
        "auth_mode MSSQL: runs sql/Upgrade_From_Previous_Version.sql in the configured database (create the database first with " +
        "sql/Create_Database_SecureMfaOTP.sql, or let your DBA); users and secrets are kept, and running it again changes nothing. " +
        "auth_mode SQLITE: creates the database file and its tables. auth_mode AD: the schema is an AD schema extension instead; " +
        "run ad-schema/Create_SecureMFA_OTP_AD_attributes.ps1 as a schema administrator.",
        Outputs = "One object: AuthMode, Target (the database and server, or the SQLite file) and SchemaVersion.")]
    [CmdletExample("New-SecureMfaOtpDatabase -ConfigurationFilePath .\\SecureMfaOtpProvider.json", "Creates or upgrades the tables the configuration points to.")]
    [CmdletExample("New-SecureMfaOtpDatabase .\\SecureMfaOtpProvider.json -WhatIf", "Names the database or file it would create or upgrade, changing nothing.")]
    public sealed class NewDatabaseCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "Path of SecureMfaOtpProvider.json, naming the store.")]
        public string ConfigurationFilePath { get; set; } = "";

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
            ProviderConfiguration config;
            try { config = ConfigurationLoader.LoadFile(path); }
            catch (ConfigurationException ex)
            {
                ThrowTerminatingError(Errors.InvalidConfiguration(path, ex.Message, ex));
                return;
            }

            if (config.AuthMode == AuthMode.AD)
            {
                ThrowTerminatingError(Errors.Record("auth_mode is AD: there is no database. Extend the AD schema with ad-schema/Create_SecureMFA_OTP_AD_attributes.ps1.",
                    "NoDatabaseInAdMode", ErrorCategory.InvalidOperation, path));
                return;
            }
            var target = config.AuthMode == AuthMode.SQLITE ? config.SqlitePath : $"{config.SqlDatabaseName} on {config.SqlServer}";
            try
            {
                if (config.AuthMode == AuthMode.SQLITE)
                {
                    // Opening the SQLite store creates the file and applies its schema.
                    if (!ShouldProcess(target, "Create or upgrade the SQLite OTP store")) return;
                }
                else
                {
                    if (!ShouldProcess(target, "Create or upgrade the SecureMFA OTP tables")) return;
                    SqlServerSchema.Upgrade(config);
                }
                using (var deployment = Deployment.Open(config))
                {
                    deployment.CheckSchema();
                    WriteVerbose($"The store is ready: {deployment.Describe()}.");
                }
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // Whatever the store threw, even from a driver that could not load: the store and the cause, never a raw exception.
                ThrowTerminatingError(StoreErrors.Record(config, ex));
                return;
            }

            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("AuthMode", config.AuthMode.ToString()));
            result.Properties.Add(new PSNoteProperty("Target", target));
            result.Properties.Add(new PSNoteProperty("SchemaVersion", SqlStatements.SchemaVersion));
            WriteObject(result);
        }
    }
}
