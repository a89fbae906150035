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
        "Returns OTP users, filtered by UPN (wildcards * and ?), enrolment, disabled or locked state, sorted by UPN or by -SortBy. The store " +
        "filters, sorts and pages (SQL: WHERE and ORDER BY; AD: an LDAP filter and the server-side sort control), so -First and -Skip " +
        "page through a large store without reading all of it; ties are sorted by UPN, and users who never signed in come first when " +
        "sorting by LastLogon (last with -Descending). The table (80 columns wide) shows Status (Enrolled, Pending, Locked until <local hour>, Disabled), " +
        "times in local time with the UTC offset, and recovery codes left/used; the objects keep UTC times. The output never contains " +
        "secrets. Pipe it to Unlock-xOTP_User, Disable-xOTP_User and the other support cmdlets. " + HelpText.UpnCompletion +
        " Also available as Get-SecureMfaOtpUser.",
        Inputs = HelpText.UpnInputs)]
    [CmdletExample("Get-xOTP_User -Locked | Unlock-xOTP_User", "Unlocks every user who is locked out now.")]
    [CmdletExample("Get-xOTP_User '*@contoso.com' -NotEnrolled", "Lists contoso.com users who have not yet confirmed their enrolment.")]
    [CmdletExample("Get-xOTP_User -SortBy LastLogon -First 20", "The 20 users who signed in longest ago, those who never did first.")]
    [CmdletExample("Get-xOTP_User -SortBy FailedLogonCount -Descending -First 10", "The 10 users with the most consecutive failed codes.")]
    [CmdletExample("Get-xOTP_User -First 50 -Skip 100", "The third page of 50 users.")]
    [CmdletExample("Import-Csv .\\tickets.csv | Get-xOTP_User", "Shows the users named in the Upn (or UserPrincipalName) column of tickets.csv.")]
    public sealed class GetUserCommand : OtpStoreCmdlet
    {
        protected override bool ReadsOnly => true;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "A UPN, or a pattern with * and ?. Default: every user. Tab completes from the store.")]
        [Alias("UserPrincipalName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string? Upn { get; set; }

        [Parameter(HelpMessage = "Only users who confirmed their enrolment with a first code.")]
        public SwitchParameter Enrolled { get; set; }

        [Parameter(HelpMessage = "Only users who have not yet confirmed their enrolment.")]
        public SwitchParameter NotEnrolled { get; set; }

        [Parameter(HelpMessage = "Only disabled users.")]
        public SwitchParameter Disabled { get; set; }

        [Parameter(HelpMessage = "Only users locked out now.")]
        public SwitchParameter Locked { get; set; }

        [Parameter(HelpMessage = "Sort by Upn (default), LastLogon, FailedLogonCount or Created, in the store, before -Skip and -First. Ties are sorted by UPN.")]
        public UserSortKey SortBy { get; set; } = UserSortKey.Upn;

        [Parameter(HelpMessage = "Sort in descending order: the latest LastLogon or Created, or the most failures, first.")]
        public SwitchParameter Descending { get; set; }

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
                SortBy = SortBy,
                Descending = Descending,
                Skip = (int)Math.Min(PagingParameters.Skip, int.MaxValue),
                Take = (int)Math.Min(PagingParameters.First, int.MaxValue),
            };
            WriteVerbose($"Users matching \"{Upn ?? "*"}\", sorted by {SortBy}{(Descending ? " descending" : "")} in the store.");
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
