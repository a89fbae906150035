using System;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "xOTP_User", SupportsPaging = true, DefaultParameterSetName = "All")]
    [Alias("Get-SecureMfaOtpUser")]
    [OutputType(typeof(OtpUserInfo))]
    [CmdletHelp("Lists OTP users.",
        "Returns OTP users, filtered by UPN (wildcards * and ?), enrolment, disabled or locked state, sorted by UPN. -First and -Skip page " +
        "through large stores. The output never contains secrets. Pipe it to Unlock-xOTP_User, Disable-xOTP_User and the other support cmdlets. " +
        "Also available as Get-SecureMfaOtpUser.")]
    [CmdletExample("Get-xOTP_User -Locked | Unlock-xOTP_User", "Unlocks every user who is locked out now.")]
    [CmdletExample("Get-xOTP_User '*@contoso.com' -NotEnrolled", "Lists contoso.com users who have not yet confirmed their enrolment.")]
    [CmdletExample("Get-xOTP_User -First 50 -Skip 100", "The third page of 50 users.")]
    public sealed class GetUserCommand : OtpStoreCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "A UPN, or a pattern with * and ?. Default: every user.")]
        [Alias("UserPrincipalName")]
        [SupportsWildcards]
        public string? Upn { get; set; }

        [Parameter(HelpMessage = "Only users who confirmed their enrolment with a first code.")]
        public SwitchParameter Enrolled { get; set; }

        [Parameter(HelpMessage = "Only users who have not yet confirmed their enrolment.")]
        public SwitchParameter NotEnrolled { get; set; }

        [Parameter(HelpMessage = "Only disabled users.")]
        public SwitchParameter Disabled { get; set; }

        [Parameter(HelpMessage = "Only users locked out now.")]
        public SwitchParameter Locked { get; set; }

        protected override void ProcessRecord()
        {
            if (Enrolled && NotEnrolled)
            {
                ThrowTerminatingError(Errors.Record("-Enrolled and -NotEnrolled cannot be used together.", "ConflictingFilters", ErrorCategory.InvalidArgument, null));
                return;
            }
            var now = DateTime.UtcNow;
            var query = new UserQuery
            {
                UpnPattern = Upn,
                Enrolled = Enrolled ? true : NotEnrolled ? false : (bool?)null,
                Disabled = Disabled ? true : (bool?)null,
                Locked = Locked ? true : (bool?)null,
                Skip = (int)Math.Min(PagingParameters.Skip, int.MaxValue),
                Take = (int)Math.Min(PagingParameters.First, int.MaxValue),
            };
            ForUser(Upn ?? "*", () =>
            {
                if (PagingParameters.IncludeTotalCount)
                    WriteObject(PagingParameters.NewTotalCount((ulong)Store.Count(query, now), 1.0));
                var users = Store.List(query, now);
                if (users.Count == 0 && Upn != null && !WildcardPattern.ContainsWildcardCharacters(Upn))
                    WriteError(Errors.UserNotFound(Upn));
                foreach (var user in users) WriteObject(OtpUserInfo.From(user, now));
            });
        }
    }
}
