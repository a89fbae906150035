using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Disable, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Disable-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Disables OTP sign-in for users.",
        "A disabled user is told at sign-in that OTP is disabled and cannot submit codes or recovery codes. The secret is kept: " +
        "Enable-xOTP_User restores the user as before. A UPN that is not an OTP user is reported and the others are still disabled. " +
        HelpText.UpnCompletion + " Also available as Disable-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs,
        Outputs = "With -PassThru, the user after the change; otherwise nothing.")]
    [CmdletExample("Disable-xOTP_User -Upn alice@adatum.com", "Disables alice.")]
    [CmdletExample("Get-xOTP_User '*@contractor.com' | Disable-xOTP_User -WhatIf", "Shows which contractor users would be disabled, without changing anything.")]
    [CmdletExample("Import-Csv .\\leavers.csv | Disable-xOTP_User -PassThru", "Disables every user in the Upn (or UserPrincipalName) column of leavers.csv and shows each one.")]
    public sealed class DisableUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Disable OTP sign-in";
        protected override bool Apply(string upn) => Store.SetDisabled(upn, true);
        protected override string Audited(string upn) => $"disabled OTP sign-in of {upn}";
    }

    [Cmdlet(VerbsLifecycle.Enable, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Enable-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Enables OTP sign-in for users.",
        "Undoes Disable-xOTP_User: the user signs in with the same authenticator app as before. " + HelpText.UpnCompletion +
        " Also available as Enable-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs,
        Outputs = "With -PassThru, the user after the change; otherwise nothing.")]
    [CmdletExample("Enable-xOTP_User alice@adatum.com -PassThru", "Enables alice and shows her state.")]
    [CmdletExample("Import-Csv .\\returners.csv | Enable-xOTP_User", "Enables every user in the Upn column of returners.csv.")]
    [CmdletExample("Get-xOTP_User -Disabled | Enable-xOTP_User -WhatIf", "Shows which users would be enabled.")]
    public sealed class EnableUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Enable OTP sign-in";
        protected override bool Apply(string upn) => Store.SetDisabled(upn, false);
        protected override string Audited(string upn) => $"enabled OTP sign-in of {upn}";
    }

    [Cmdlet(VerbsCommon.Unlock, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Unlock-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Ends a lockout.",
        "Clears the lockout and the consecutive failure count, on every farm node at once (the state is in the store). A user who " +
        "keeps getting locked out usually has a phone whose clock is wrong (event 5556 reports the drift) or a wrong app entry: see " +
        "about_SecureMFA_OTP, RECOVERY. " + HelpText.UpnCompletion + " Also available as Unlock-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs,
        Outputs = "With -PassThru, the user after the change; otherwise nothing.")]
    [CmdletExample("Unlock-xOTP_User alice@adatum.com", "Lets alice try again now.")]
    [CmdletExample("Get-xOTP_User -Locked | Unlock-xOTP_User", "Unlocks everyone locked out now.")]
    [CmdletExample("Import-Csv .\\tickets.csv | Unlock-xOTP_User -PassThru", "Unlocks the users named in the Upn column of tickets.csv and shows each one.")]
    public sealed class UnlockUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Unlock";
        protected override bool Apply(string upn) => Store.Unlock(upn);
        protected override string Audited(string upn) => $"unlocked {upn}";
    }

    [Cmdlet(VerbsCommon.Remove, "xOTP_User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Remove-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Removes OTP users.",
        "Deletes the user's OTP data: secret, state, recovery codes (in AD mode: clears the sMFA-OTP attributes). At the next sign-in the " +
        "user enrols again from scratch. Asks for confirmation for each user unless -Confirm:$false. " + HelpText.UpnCompletion +
        " Also available as Remove-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs,
        Outputs = "With -PassThru, the user as it was before the removal (a record of what was removed); otherwise nothing.")]
    [CmdletExample("Remove-xOTP_User bob@adatum.com", "Asks, then removes bob.")]
    [CmdletExample("Import-Csv .\\leavers.csv | Remove-xOTP_User -PassThru -Confirm:$false | Export-Csv .\\removed.csv",
        "Removes every user in the Upn column of leavers.csv without asking, and keeps what each looked like in removed.csv.")]
    public sealed class RemoveUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Remove OTP user (secret, state and recovery codes)";
        protected override bool PassesUserAsItWas => true;
        protected override bool Apply(string upn) => Store.Remove(upn);
        protected override string Audited(string upn) => $"removed the OTP user {upn} (secret, state and recovery codes)";
    }
}
