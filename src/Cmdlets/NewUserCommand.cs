using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.New, "xOTP_User", SupportsShouldProcess = true)]
    [Alias("New-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo), typeof(OtpEnrollmentInfo))]
    [CmdletHelp("Creates OTP users with a new secret.",
        "Creates each user with a new random secret (encrypted when data_encryption is on) and the configured TOTP settings. " +
        "The user confirms the enrolment at the next AD FS sign-in by scanning the QR code and typing a first code, or with a code from the " +
        "QR file a help desk hands over (-QrCodeFolder). Users arrive from the pipeline by property name (Upn or UserPrincipalName), so " +
        "Import-Csv users.csv | New-xOTP_User works; they are written in batches of 1000, one transaction each. A user that already exists " +
        "is reported as an error and the others are still created. Also available as New-SecureMfaOtpUser.")]
    [CmdletExample("New-xOTP_User -Upn alice@adatum.com", "Creates alice; she scans her QR code at her next sign-in.")]
    [CmdletExample("Import-Csv .\\users.csv | New-xOTP_User", "Creates every user listed in the Upn column of users.csv.")]
    [CmdletExample("New-xOTP_User bob@adatum.com -IncludeEnrollment -QrCodeFolder C:\\HelpDesk\\QR", "Creates bob and writes bob@adatum.com.png, a QR code the help desk can hand to him; returns the otpauth URI and the secret.")]
    public sealed class NewUserCommand : OtpStoreCmdlet
    {
        private readonly List<(NewOtpUser User, OtpEnrollmentInfo? Enrollment)> _batch = new List<(NewOtpUser, OtpEnrollmentInfo?)>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The user's UPN (user principal name).")]
        [Alias("UserPrincipalName")]
        public string Upn { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Create the user disabled: OTP sign-in is refused until Enable-xOTP_User.")]
        public SwitchParameter Disabled { get; set; }

        [Parameter(HelpMessage = "Also return the otpauth URI and the secret, for a help desk enrolling the user. Hand them to the user only.")]
        public SwitchParameter IncludeEnrollment { get; set; }

        [Parameter(HelpMessage = "Write a QR code PNG per user (named after the UPN) into this folder; implies -IncludeEnrollment.")]
        public string? QrCodeFolder { get; set; }

        protected override void ProcessRecord()
        {
            ForUser(Upn, () =>
            {
                var upn = UpnKey.Normalize(Upn);
                if (!ShouldProcess(upn, "Create OTP user")) return;
                var key = SharedSecret.NewKey();
                var user = new NewOtpUser(upn, Protector.Protect(upn, key), Config.EnrollmentParameters, Disabled);
                var folder = QrCodeFolder == null ? null : GetUnresolvedProviderPathFromPSPath(QrCodeFolder);
                var enrollment = IncludeEnrollment || folder != null ? EnrollmentOutput.Create(Config, upn, key, user.Parameters, folder) : null;
                _batch.Add((user, enrollment));
                if (_batch.Count >= Core.Stores.Sql.SqlOtpUserStore.BulkBatchSize) Flush();
            });
        }

        protected override void EndProcessing()
        {
            Flush();
            base.EndProcessing();
        }

        private void Flush()
        {
            if (_batch.Count == 0) return;
            var batch = _batch.ToList();
            _batch.Clear();
            IReadOnlyList<string> existing;
            try { existing = Store.CreateMany(batch.Select(b => b.User).ToList()); }
            catch (DirectoryUserNotFoundException)
            {
                // A directory has no batch transaction: fall back to one user at a time so one bad UPN does not stop the rest.
                var failed = new List<string>();
                foreach (var (user, _) in batch) ForUser(user.Upn, () => { if (!Store.Create(user)) failed.Add(user.Upn); });
                existing = failed;
                batch = batch.Where(b => Store.Find(b.User.Upn) != null).ToList();
            }
            catch (StoreUnavailableException ex)
            {
                ThrowTerminatingError(Errors.StoreUnavailable(ex));
                return;
            }

            var now = DateTime.UtcNow;
            var exists = new HashSet<string>(existing, StringComparer.Ordinal);
            foreach (var (user, enrollment) in batch)
            {
                if (exists.Contains(user.Upn))
                    WriteError(Errors.Record($"The OTP user \"{user.Upn}\" already exists; use Reset-xOTP_User to give it a new secret.", "UserExists", ErrorCategory.ResourceExists, user.Upn));
                else
                    WriteObject(enrollment ?? (object)OtpUserInfo.FromNew(user, now));
            }
        }
    }
}
