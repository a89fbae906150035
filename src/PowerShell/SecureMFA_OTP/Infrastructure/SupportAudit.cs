using System;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Remoting;
using SecureMFA.Otp.Events;
using SecureMFA.PowerShell;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// The help-desk audit trail of one support cmdlet: every change it makes to a user or a device says who did what to
    /// whom from where, once made, through the module's seam <c>Write-SecureMfaOtpAuditEvent</c> (event 5565 of
    /// "Secure MFA OTP" in the Application log on Windows, the system log elsewhere). A trail that cannot be written does
    /// not undo the change: the cmdlet warns once, naming why and the change, and tries no more (a thousand users from a
    /// CSV give one warning, not a thousand); its output lists what it changed, for the administrator to record.
    /// </summary>
    internal sealed class SupportAudit
    {
        public const string Command = "Write-SecureMfaOtpAuditEvent";
        private readonly PSCmdlet _cmdlet;
        private string? _failure;

        public SupportAudit(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <param name="change">What was done to whom, as the middle of a sentence: "disabled OTP sign-in of alice@adatum.com".</param>
        public void Record(string change)
        {
            if (_failure != null) return;
            var message = EventText.Escape($"{Actor()} {change} ({_cmdlet.MyInvocation.MyCommand.Name}).");
            try { PlatformCommands.Invoke(_cmdlet, Command, new Hashtable { ["Message"] = message }); }
            catch (PlatformCommandException ex)
            {
                _failure = ex.InnerException?.Message ?? ex.Message;
                _cmdlet.WriteWarning($"The change is made, but the audit trail did not take it ({_failure}): {message} The changes this " +
                    "command makes after it are not audited either (its output lists them). On an AD FS server, " +
                    "Register-SecureMfaOtpEventSource (run by Install-SecureMfaOtpProvider) registers the event source.");
            }
        }

        /// <summary>
        /// Who and from where: the account running PowerShell and this computer, and for a remote session (PowerShell
        /// remoting, or a Remote Desktop client) the connected user or the client's name.
        /// </summary>
        private string Actor()
        {
            var actor = $"{Environment.UserDomainName}\\{Environment.UserName} on {Environment.MachineName}";
            if (_cmdlet.SessionState.PSVariable.GetValue("PSSenderInfo") is PSSenderInfo remote)
                actor += $" (PowerShell remoting as {remote.UserInfo?.Identity?.Name})";
            var rdpClient = Environment.GetEnvironmentVariable("CLIENTNAME");
            if (!string.IsNullOrEmpty(rdpClient)) actor += $" (Remote Desktop from {rdpClient})";
            return actor;
        }
    }
}
