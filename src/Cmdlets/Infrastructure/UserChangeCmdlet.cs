using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Base of the cmdlets that change one user at a time: pipeline input, -WhatIf/-Confirm, -PassThru.</summary>
    public abstract class UserChangeCmdlet : OtpStoreCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The user's UPN.")]
        [Alias("UserPrincipalName")]
        public string Upn { get; set; } = "";

        [Parameter(HelpMessage = "Return the user after the change.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>What ShouldProcess says is about to happen.</summary>
        protected abstract string Action { get; }

        /// <summary>Makes the change; false when the user does not exist.</summary>
        protected abstract bool Apply(string upn);

        protected override void ProcessRecord()
        {
            ForUser(Upn, () =>
            {
                var upn = UpnKey.Normalize(Upn);
                if (!ShouldProcess(upn, Action)) return;
                if (!Apply(upn)) { WriteError(Errors.UserNotFound(upn)); return; }
                if (PassThru)
                {
                    var user = Store.Find(upn);
                    if (user != null) WriteObject(OtpUserInfo.From(user, DateTime.UtcNow));
                }
            });
        }
    }
}
