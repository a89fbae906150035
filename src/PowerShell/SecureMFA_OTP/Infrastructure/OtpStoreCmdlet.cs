using System;
using System.Management.Automation;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Identity;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Base of the support cmdlets: reads the configuration, opens the deployment (its store) once per pipeline.</summary>
    public abstract class OtpStoreCmdlet : PSCmdlet, IDisposable
    {
        private Deployment? _deployment;

        /// <summary>SecureMfaOtpProvider.json; by default the copy Install-SecureMfaOtpProvider keeps.</summary>
        [Parameter(HelpMessage = "Path of SecureMfaOtpProvider.json. Default: the copy Install-SecureMfaOtpProvider keeps in %ProgramData%\\SecureMFA_OTP.")]
        [ValidateNotNullOrEmpty]
        public string ConfigurationFilePath { get; set; } = ModulePaths.DefaultConfigurationFile;

        /// <summary>True for a cmdlet that only reads: it never creates a SQLite file (a mistyped sqlite_path would make an empty store).</summary>
        protected virtual bool ReadsOnly => false;

        protected ProviderConfiguration Config { get; private set; } = null!;
        protected IOtpUserStore Store => Deployment.Store;

        /// <summary>The key is derived only when a cmdlet reads or writes secrets: key derivation is deliberately slow.</summary>
        protected ISecretProtector Protector => Deployment.Protector;

        protected Deployment Deployment => _deployment ?? throw new InvalidOperationException("The store is opened in BeginProcessing.");

        private SupportAudit? _audit;

        /// <summary>Where a cmdlet that changes a user or a device says what it changed (the help-desk audit trail).</summary>
        private protected SupportAudit Audit => _audit ??= new SupportAudit(this);

        protected override void BeginProcessing()
        {
            var path = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
            WriteVerbose($"Configuration file: {path}");
            try { Config = ConfigurationLoader.LoadFile(path); }
            catch (ConfigurationException ex)
            {
                ThrowTerminatingError(Errors.InvalidConfiguration(path, ex.Message, ex));
            }
            WriteVerbose($"Store: {StoreErrors.Describe(Config)}{SearchBase()}");
            if (ReadsOnly && StoreErrors.MissingSqliteFile(Config, path) is ErrorRecord missing) ThrowTerminatingError(missing);
            _deployment = Open(() => Deployment.Open(Config));
        }

        /// <summary>
        /// Opens something in the store the configuration names (its users, its device registry). Whatever stops it from
        /// opening, a driver that cannot even load included, stops the cmdlet with the store and the cause.
        /// </summary>
        protected T Open<T>(Func<T> open)
        {
            try { return open(); }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(StoreErrors.Record(Config, ex));
                throw;
            }
        }

        private string SearchBase() => Config.AuthMode != AuthMode.AD ? ""
            : Config.AdSearchBase.Length > 0 ? $", search base \"{Config.AdSearchBase}\"" : ", search base: the domain's naming context";

        /// <summary>
        /// The UPN as the store keys it; false, with an error naming the UPN and the rule it breaks, when it is not a UPN.
        /// The pipeline goes on with the next user.
        /// </summary>
        protected bool TryNormalizeUpn(string upn, out string key)
        {
            try
            {
                key = Upn.Normalize(upn);
                return true;
            }
            catch (ArgumentException ex)
            {
                WriteError(Errors.Record($"\"{upn}\" is not a valid UPN: {Rule(ex)}", "InvalidUpn", ErrorCategory.InvalidArgument, upn, ex));
                key = "";
                return false;
            }
        }

        /// <summary>The rule Core's message states, as the end of a sentence: without the "(Parameter 'upn')" .NET appends.</summary>
        private static string Rule(ArgumentException ex)
        {
            var message = ex.Message;
            if (ex.ParamName != null)
            {
                // .NET: "... (Parameter 'upn')"; .NET Framework: "...\r\nParameter name: upn".
                foreach (var suffix in new[] { $" (Parameter '{ex.ParamName}')", $"{Environment.NewLine}Parameter name: {ex.ParamName}" })
                    if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message.Substring(0, message.Length - suffix.Length);
            }
            return message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
                ? char.ToLowerInvariant(message[0]) + message.Substring(1) : message;
        }

        protected override void EndProcessing() => Dispose();

        /// <summary>Also when the pipeline is stopped before EndProcessing: PowerShell disposes the cmdlet.</summary>
        public void Dispose()
        {
            _deployment?.Dispose();
            _deployment = null;
        }

        /// <summary>Runs a store operation for one user: a store that is down stops the pipeline, a bad user does not.</summary>
        protected void ForUser(string upn, Action action)
        {
            try { action(); }
            catch (StoreUnavailableException ex) { ThrowTerminatingError(StoreErrors.Record(Config, ex)); }
            catch (DirectoryUserNotFoundException ex) { WriteError(Errors.Record(ex.Message, "DirectoryUserNotFound", ErrorCategory.ObjectNotFound, upn, ex)); }
            catch (ArgumentException ex) { WriteError(Errors.Record($"{upn}: {ex.Message}", "InvalidArgument", ErrorCategory.InvalidArgument, upn, ex)); }
            catch (SecretUnreadableException ex) { WriteError(Errors.Record(ex.Message, "SecretUnreadable", ErrorCategory.InvalidData, upn, ex)); }
        }
    }
}
