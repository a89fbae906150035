using System;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Recovery;

namespace SecureMFA.Cmdlets
{
    // ConfirmImpact is Medium so a first set of codes does not ask; replacing unused codes asks as High would (see ConfirmReplacement).
    [Cmdlet(VerbsCommon.New, "xOTP_RecoveryCode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OtpRecoveryCode))]
    [CmdletHelp("Creates one-time recovery codes for users, and shows them once.",
        "Creates ten recovery codes per user (XXXX-XXXX-XXXX-XXXX, 80 random bits each). A user who cannot use the authenticator app " +
        "(phone lost, broken or left at home) signs in at the AD FS page with one of them instead of a code; each works once, and only " +
        "while the user is enabled and not locked out. The codes are returned this once and never stored: the store keeps a hash of each, " +
        "so nobody, the help desk included, can show them again. Hand them to the user only (printed or read out), never by e-mail. " +
        "New codes replace the user's earlier codes, which stop working at once: when unused codes exist the cmdlet says how many and asks " +
        "for confirmation (as for ConfirmImpact High) unless -Confirm:$false, and warns after replacing them. Get-xOTP_User shows how many " +
        "codes are left and used. " + HelpText.UpnCompletion,
        Inputs = HelpText.UpnInputs)]
    [CmdletExample("New-xOTP_RecoveryCode alice@adatum.com", "Shows alice's ten new codes, to print for her.")]
    [CmdletExample("New-xOTP_RecoveryCode alice@adatum.com -WhatIf", "Says whether alice's earlier codes would be replaced, creating nothing.")]
    [CmdletExample("Get-xOTP_User -Enrolled | Where-Object RecoveryCodesLeft -lt 3 | New-xOTP_RecoveryCode -Confirm:$false",
        "Gives every enrolled user with fewer than three codes left a new set, without asking.")]
    [CmdletExample("Import-Csv .\\travellers.csv | New-xOTP_RecoveryCode",
        "Codes for every user in the Upn (or UserPrincipalName) column of travellers.csv, shown as one table per user to print and hand over.")]
    public sealed class NewRecoveryCodeCommand : OtpStoreCmdlet
    {
        private bool _yesToAll;
        private bool _noToAll;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The user's UPN. Tab completes from the store.")]
        [Alias("UserPrincipalName")]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string Upn { get; set; } = "";

        protected override void ProcessRecord()
        {
            ForUser(Upn, () =>
            {
                if (!TryNormalizeUpn(Upn, out var upn)) return;
                var user = Store.Find(upn);
                if (user == null) { WriteError(Errors.UserNotFound(upn)); return; }
                var unused = user.RecoveryCodesLeft;
                var action = unused > 0
                    ? $"Replace its {unused} unused recovery code(s) with {RecoveryCode.CodesPerUser} new ones (the old ones stop working)"
                    : $"Create {RecoveryCode.CodesPerUser} recovery codes";
                if (!ShouldProcess(upn, action)) return;
                if (unused > 0 && !ConfirmReplacement(upn, unused)) return;

                var codes = RecoveryCode.Generate();
                var hashes = codes.Select(code => RecoveryCode.Hash(upn, RecoveryCode.Normalize(code)!)).ToList();
                if (!Store.ReplaceRecoveryCodes(upn, hashes, DateTime.UtcNow)) { WriteError(Errors.UserNotFound(upn)); return; }
                Audit.Record($"issued {codes.Count} new recovery codes to {upn}{(unused > 0 ? $" (its {unused} unused earlier ones no longer work)" : "")}");
                if (unused > 0) WriteWarning($"{upn}: the {unused} earlier unused recovery code(s) no longer work.");
                for (var i = 0; i < codes.Count; i++) WriteObject(new OtpRecoveryCode(upn, i + 1, codes[i]));
            });
        }

        /// <summary>
        /// Replacing unused codes asks as a ConfirmImpact High cmdlet would, once: not when -Confirm was given (-Confirm:$true
        /// asked in ShouldProcess already, -Confirm:$false means do not ask), nor when $ConfirmPreference is None (never ask) or
        /// Low/Medium (ShouldProcess asked already). That leaves the default, High.
        /// </summary>
        private bool ConfirmReplacement(string upn, int unused)
        {
            if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
            if (LanguagePrimitives.TryConvertTo(SessionState.PSVariable.GetValue("ConfirmPreference"), out ConfirmImpact preference) && preference != ConfirmImpact.High)
                return true;
            return ShouldContinue($"{upn} has {unused} unused recovery code(s). New codes replace them: the old ones stop working.",
                "Replace recovery codes", ref _yesToAll, ref _noToAll);
        }
    }
}
