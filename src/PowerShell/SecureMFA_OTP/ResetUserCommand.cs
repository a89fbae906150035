using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.Reset, "xOTP_User", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Reset-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo), typeof(OtpEnrollmentInfo))]
    [CmdletHelp("Gives users a new secret: they scan a new QR code at the next sign-in.",
        "For a lost or replaced phone: the old secret stops working at once, the user is unconfirmed again (logon = 0) and sees a new QR code " +
        "at the next AD FS sign-in. Failures and lockout are cleared; the current TOTP settings of the configuration apply; recovery codes " +
        "are kept (New-xOTP_RecoveryCode replaces them). Asks for confirmation for each user unless -Confirm:$false, because the user's " +
        "authenticator app stops working. " + HelpText.UpnCompletion + " Also available as Reset-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs,
        Outputs = "With -PassThru, the user after the reset; with -IncludeEnrollment or -QrCodeFolder, the new enrolment (OtpEnrollmentInfo); otherwise nothing.")]
    [CmdletExample("Reset-xOTP_User alice@adatum.com", "Asks, then gives alice a new secret: she enrols her new phone at her next sign-in.")]
    [CmdletExample("Reset-xOTP_User alice@adatum.com -QrCodeFolder .\\qr -Confirm:$false", "Also writes the new QR code to .\\qr\\alice@adatum.com.png for the help desk, without asking.")]
    [CmdletExample("Import-Csv .\\lost-phones.csv | Reset-xOTP_User -QrCodeFolder \\\\helpdesk\\qr -Confirm:$false",
        "Resets every user in the Upn column of lost-phones.csv and writes one QR code PNG per user to the help desk share.")]
    public sealed class ResetUserCommand : UserChangeCmdlet
    {
        [Parameter(HelpMessage = "Also return the new otpauth URI and secret. Hand them to the user only.")]
        public SwitchParameter IncludeEnrollment { get; set; }

        [Parameter(HelpMessage = "Write the new QR code PNG into this folder (named after the UPN); implies -IncludeEnrollment.")]
        public string? QrCodeFolder { get; set; }

        protected override string Action => "Reset: new secret, new QR code at next sign-in";
        protected override string Audited(string upn) => $"reset {upn}: a new secret, enrolment again at the next sign-in{(IncludeEnrollment || QrCodeFolder != null ? ", the enrolment handed to the caller" : "")}";

        protected override bool Apply(string upn)
        {
            var key = SharedSecret.NewKey();
            var parameters = Config.EnrollmentParameters;
            if (!Store.Reset(new NewOtpUser(upn, Protector.Protect(upn, key), parameters))) return false;
            var folder = QrCodeFolder == null ? null : GetUnresolvedProviderPathFromPSPath(QrCodeFolder);
            if (IncludeEnrollment || folder != null)
                WriteObject(EnrollmentOutput.Create(Config, upn, key, parameters, folder));
            return true;
        }
    }
}
