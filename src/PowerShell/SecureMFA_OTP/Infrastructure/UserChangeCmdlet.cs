using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Base of the cmdlets that change one user at a time: pipeline input, -WhatIf/-Confirm, -PassThru.</summary>
    public abstract class UserChangeCmdlet : OtpStoreCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The user's UPN. Tab completes from the store.")]
        [Alias("UserPrincipalName")]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string Upn { get; set; } = "";

        [Parameter(HelpMessage = "Return the user after the change (Remove-xOTP_User: the user as it was before).")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What ShouldProcess says is about to happen.</summary>
        protected abstract string Action { get; }

        /// <summary>-PassThru returns the user as it was before the change (a removed user is gone afterwards).</summary>
        protected virtual bool PassesUserAsItWas => false;

        /// <summary>Makes the change; false when the user does not exist.</summary>
        protected abstract bool Apply(string upn);

        /// <summary>The change made, for the audit trail: "disabled OTP sign-in of alice@adatum.com".</summary>
        protected abstract string Audited(string upn);

        protected override void ProcessRecord()
        {
            ForUser(Upn, () =>
            {
                if (!TryNormalizeUpn(Upn, out var upn)) return;
                if (!ShouldProcess(upn, Action)) return;
                var before = PassThru && PassesUserAsItWas ? Store.Find(upn) : null;
                if (!Apply(upn)) { WriteError(Errors.UserNotFound(upn)); return; }
                Audit.Record(Audited(upn));
                if (PassThru)
                {
                    var user = before ?? Store.Find(upn);
                    if (user != null) WriteObject(OtpUserInfo.From(user, DateTime.UtcNow));
                }
            });
        }
    }
}
