using System;
using System.Management.Automation;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Base of the support cmdlets: reads the configuration, opens the store once per pipeline.</summary>
    public abstract class OtpStoreCmdlet : PSCmdlet
    {
        private ISecretProtector? _protector;

        /// <summary>SecureMfaOtpProvider.json; by default the copy Install-SecureMfaOtpProvider keeps.</summary>
        [Parameter(HelpMessage = "Path of SecureMfaOtpProvider.json. Default: the copy Install-SecureMfaOtpProvider keeps in %ProgramData%\\SecureMFA_OTP.")]
        [ValidateNotNullOrEmpty]
        public string ConfigurationFilePath { get; set; } = ModulePaths.DefaultConfigurationFile;

        protected ProviderConfiguration Config { get; private set; } = null!;
        protected IOtpUserStore Store { get; private set; } = null!;

        /// <summary>Derived only when a cmdlet writes secrets: key derivation is deliberately slow.</summary>
        protected ISecretProtector Protector => _protector ??= SecretProtectors.For(Config, Store);

        protected override void BeginProcessing()
        {
            var path = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
            try { Config = ConfigurationLoader.LoadFile(path); }
            catch (ConfigurationException ex)
            {
                ThrowTerminatingError(Errors.InvalidConfiguration(path, ex.Message, ex));
            }
            try { Store = OtpUserStoreFactory.Open(Config); }
            catch (Exception ex) when (!(ex is PipelineStoppedException)) { ThrowTerminatingError(StoreErrors.Record(Config, ex)); }
        }

        protected override void EndProcessing() => (Store as IDisposable)?.Dispose();

        /// <summary>Runs a store operation for one user: a store that is down stops the pipeline, a bad user does not.</summary>
        protected void ForUser(string upn, Action action)
        {
            try { action(); }
            catch (StoreUnavailableException ex) { ThrowTerminatingError(StoreErrors.Record(Config, ex)); }
            catch (DirectoryUserNotFoundException ex) { WriteError(Errors.Record(ex.Message, "DirectoryUserNotFound", ErrorCategory.ObjectNotFound, upn, ex)); }
            catch (ArgumentException ex) { WriteError(Errors.Record($"\"{upn}\" is not a valid UPN: {ex.Message}", "InvalidUpn", ErrorCategory.InvalidArgument, upn, ex)); }
            catch (SecretUnreadableException ex) { WriteError(Errors.Record(ex.Message, "SecretUnreadable", ErrorCategory.InvalidData, upn, ex)); }
        }
    }
}
