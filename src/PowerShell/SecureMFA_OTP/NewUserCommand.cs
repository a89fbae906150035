using System;
using System.Collections.Generic;
using System.IO;
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
        "Import-Csv users.csv | New-xOTP_User works; they are written in batches of 1000, one transaction each. A UPN that is not name@domain " +
        "(\"not a upn\", \"x\") and a user that already exists are reported as errors naming the UPN, and the others are still created. " +
        HelpText.UpnCompletion + " Also available as New-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs + " A Disabled property creates that user disabled: a bool, or text as Import-Csv gives it (true/false, yes/no, 1/0, any case; empty is false). " +
            "Other text is an error naming the value, for that row only.",
        Outputs = "One OtpUserInfo per user created; with -IncludeEnrollment or -QrCodeFolder, an OtpEnrollmentInfo instead.")]
    [CmdletExample("New-xOTP_User -Upn alice@adatum.com", "Creates alice; she scans her QR code at her next sign-in.")]
    [CmdletExample("Import-Csv .\\users.csv | New-xOTP_User", "Creates every user listed in the Upn (or UserPrincipalName) column of users.csv; a Disabled column is honoured.")]
    [CmdletExample("New-xOTP_User bob@adatum.com -IncludeEnrollment -QrCodeFolder C:\\HelpDesk\\QR", "Creates bob and writes bob@adatum.com.png, a QR code the help desk can hand to him; returns the otpauth URI and the secret.")]
    public sealed class NewUserCommand : OtpStoreCmdlet
    {
        // Each user with its key: the enrolment (and its QR file) is made once the user is created, never for one that already existed.
        private readonly List<(NewOtpUser User, byte[] Key)> _batch = new List<(NewOtpUser, byte[])>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The user's UPN (user principal name).")]
        [Alias("UserPrincipalName")]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string Upn { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Create the user disabled: OTP sign-in is refused until Enable-xOTP_User.")]
        [BooleanText]
        public SwitchParameter Disabled { get; set; }

        [Parameter(HelpMessage = "Also return the otpauth URI and the secret, for a help desk enrolling the user. Hand them to the user only.")]
        public SwitchParameter IncludeEnrollment { get; set; }

        [Parameter(HelpMessage = "Write a QR code PNG per user (named after the UPN) into this folder; implies -IncludeEnrollment. The path is shown in full in the output.")]
        public string? QrCodeFolder { get; set; }

        private string? _qrFolder;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Resolved before any user is created: a path PowerShell cannot resolve stops the cmdlet with nothing done.
            _qrFolder = QrCodeFolder == null ? null : GetUnresolvedProviderPathFromPSPath(QrCodeFolder);
        }

        protected override void ProcessRecord()
        {
            ForUser(Upn, () =>
            {
                if (!TryNormalizeUpn(Upn, out var upn)) return;
                if (!ShouldProcess(upn, "Create OTP user")) return;
                var key = SharedSecret.NewKey();
                _batch.Add((new NewOtpUser(upn, Protector.Protect(upn, key), Config.EnrollmentParameters, Disabled), key));
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
                ThrowTerminatingError(StoreErrors.Record(Config, ex));
                return;
            }

            var now = DateTime.UtcNow;
            var exists = new HashSet<string>(existing, StringComparer.Ordinal);
            foreach (var (user, key) in batch)
            {
                if (exists.Contains(user.Upn))
                {
                    WriteError(Errors.Record($"The OTP user \"{user.Upn}\" already exists; use Reset-xOTP_User to give it a new secret.", "UserExists", ErrorCategory.ResourceExists, user.Upn));
                    continue;
                }
                Audit.Record($"created the OTP user {user.Upn}{(user.Disabled ? ", disabled" : "")}{(IncludeEnrollment || _qrFolder != null ? ", the enrolment handed to the caller" : "")}");
                if (IncludeEnrollment || _qrFolder != null)
                    WriteEnrollment(user, key);
                else
                    WriteObject(OtpUserInfo.FromNew(user, now));
            }
        }

        /// <summary>The created user's enrolment material; a QR file that cannot be written is an error naming the user, and the rest go on.</summary>
        private void WriteEnrollment(NewOtpUser user, byte[] key)
        {
            try { WriteObject(EnrollmentOutput.Create(Config, user.Upn, key, user.Parameters, _qrFolder)); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(Errors.Record($"The OTP user \"{user.Upn}\" was created, but its QR code could not be written to {_qrFolder}: {ex.Message} " +
                    $"The user can still enrol at the sign-in page; Reset-xOTP_User {user.Upn} -QrCodeFolder <folder> gives a new QR code.",
                    "QrCodeNotWritten", ErrorCategory.WriteError, user.Upn, ex));
            }
        }
    }
}
