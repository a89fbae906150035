using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Disable, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Disable-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Disables OTP sign-in for users.", "A disabled user is told at sign-in that OTP is disabled and cannot submit codes. The secret is kept: Enable-xOTP_User restores the user as before. Also available as Disable-SecureMfaOtpUser.")]
    [CmdletExample("Disable-xOTP_User -Upn alice@adatum.com", "Disables alice.")]
    [CmdletExample("Get-xOTP_User '*@contractor.com' | Disable-xOTP_User -WhatIf", "Shows which contractor users would be disabled, without changing anything.")]
    public sealed class DisableUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Disable OTP sign-in";
        protected override bool Apply(string upn) => Store.SetDisabled(upn, true);
    }

    [Cmdlet(VerbsLifecycle.Enable, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Enable-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Enables OTP sign-in for users.", "Undoes Disable-xOTP_User. Also available as Enable-SecureMfaOtpUser.")]
    [CmdletExample("Enable-xOTP_User alice@adatum.com -PassThru", "Enables alice and shows her state.")]
    public sealed class EnableUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Enable OTP sign-in";
        protected override bool Apply(string upn) => Store.SetDisabled(upn, false);
    }

    [Cmdlet(VerbsCommon.Unlock, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("Unlock-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Ends a lockout.", "Clears the lockout and the consecutive failure count, on every farm node at once (the state is in the store). Also available as Unlock-SecureMfaOtpUser.")]
    [CmdletExample("Unlock-xOTP_User alice@adatum.com", "Lets alice try again now.")]
    [CmdletExample("Get-xOTP_User -Locked | Unlock-xOTP_User", "Unlocks everyone locked out now.")]
    public sealed class UnlockUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Unlock";
        protected override bool Apply(string upn) => Store.Unlock(upn);
    }

    [Cmdlet(VerbsCommon.Remove, "xOTP_User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Remove-SecureMfaOtpUser")]
    [CmdletHelp("Removes OTP users.", "Deletes the user's OTP data (in AD mode: clears the sMFA-OTP attributes). At the next sign-in the user enrols again from scratch. Asks for confirmation unless -Confirm:$false. Also available as Remove-SecureMfaOtpUser.")]
    [CmdletExample("Remove-xOTP_User bob@adatum.com -Confirm:$false", "Removes bob without asking.")]
    public sealed class RemoveUserCommand : UserChangeCmdlet
    {
        protected override string Action => "Remove OTP user";
        protected override bool Apply(string upn) => Store.Remove(upn);
    }
}
