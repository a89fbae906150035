using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Cmdlets.Output;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "xOTP_RolloutReadiness")]
    [OutputType(typeof(OtpRolloutReadiness))]
    [CmdletHelp("Summarises what report-only SecureMFA WIN OTP tiles would have done, per user and computer.",
        "Reads the reports the SecureMFA WEB API received from computers installed with -enforce ReportOnly (registry win_enforce): " +
        "such a tile asks for no code and reports what it would have done. One object per user and computer: the latest outcome " +
        "(WouldHave: CodeRequired, Excluded, NotEnrolled, IdentityNotMapped, OfflineNotReady), whether enforcing would let the user " +
        "in (Ready), when the user was first and last reported there, and how often each outcome was reported. NotEnrolled means the " +
        "WEB API had no confirmed OTP account for the UPN at the time. Filter by UPN (wildcards), computer name (wildcards) and -Since " +
        "(last report at or after). The objects keep their shape in Export-Csv and ConvertTo-Json (outcomes as names, times with " +
        "their zone). The store is the one the configuration names; an AD store keeps no reports (a warning says so).",
        Inputs = "UPNs (strings), or objects with a Upn property, such as the output of Get-xOTP_User.")]
    [CmdletExample("Get-xOTP_RolloutReadiness | Where-Object { -not $_.Ready } | Export-Csv .\\not-ready.csv -NoTypeInformation",
        "Lists every user and computer that enforcing would stop (not enrolled, no OTP identity, no offline data), as CSV.")]
    [CmdletExample("Get-xOTP_RolloutReadiness -Machine 'RDS*' -Since (Get-Date).AddDays(-7) | ConvertTo-Json",
        "What the remote desktop servers reported in the last week, as JSON.")]
    [CmdletExample("Get-xOTP_User '*@contoso.com' -NotEnrolled | Get-xOTP_RolloutReadiness",
        "Where the contoso.com users who have not confirmed their enrolment yet sign in to Windows.")]
    public sealed class GetRolloutReadinessCommand : OtpStoreCmdlet
    {
        private readonly List<OtpRolloutReadiness> _all = new List<OtpRolloutReadiness>();
        private bool _kept = true;

        protected override bool ReadsOnly => true;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "A UPN (or the account name of an unmapped identity), or a pattern with * and ?. Default: everyone.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(UpnCompleter))]
        public string? Upn { get; set; }

        [Parameter(HelpMessage = "Only computers whose name matches this name or pattern (* and ?; case-insensitive).")]
        [SupportsWildcards]
        public string? Machine { get; set; }

        [Parameter(HelpMessage = "Only users and computers reported at or after this time (a local time unless it says its zone).")]
        public DateTime? Since { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var rollout = Open(() => Deployment.Rollout);
            if (!rollout.Keeps)
            {
                _kept = false;
                WriteWarning($"The {Config.AuthMode} store keeps no WIN OTP rollout reports: report-only tiles are recorded in the WEB API's events only. Use a SQL Server or SQLite store for Get-xOTP_RolloutReadiness.");
                return;
            }
            try { _all.AddRange(OtpRolloutReadiness.From(rollout.List())); }
            catch (StoreUnavailableException ex) { ThrowTerminatingError(StoreErrors.Record(Config, ex)); }
        }

        protected override void ProcessRecord()
        {
            if (!_kept) return;
            var upn = new WildcardPattern(string.IsNullOrEmpty(Upn) ? "*" : Upn, WildcardOptions.IgnoreCase);
            var machine = new WildcardPattern(string.IsNullOrEmpty(Machine) ? "*" : Machine, WildcardOptions.IgnoreCase);
            DateTimeOffset? since = Since.HasValue ? new DateTimeOffset(Since.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(Since.Value, DateTimeKind.Local) : Since.Value) : (DateTimeOffset?)null;
            foreach (var row in _all.Where(r => upn.IsMatch(r.Upn) && machine.IsMatch(r.Machine) && (!since.HasValue || r.LastSeen >= since.Value)))
                WriteObject(row);
        }
    }
}
