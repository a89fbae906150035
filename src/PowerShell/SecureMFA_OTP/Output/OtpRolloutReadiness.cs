using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// One user on one computer in a report-only rollout of SecureMFA WIN OTP: what the tile would have done. Flat,
    /// string outcomes and times with their zone, so Export-Csv and ConvertTo-Json keep every column readable.
    /// </summary>
    [Description("One object per user and computer that a report-only tile (win_enforce ReportOnly) reported: Upn (the OTP identity, or " +
        "the account as Windows gave it when IdentityMapped is false), Machine, DeviceId, FirstSeen and LastSeen (DateTimeOffset, UTC), " +
        "LastScenario, WouldHave (the outcome of the latest report: CodeRequired, Excluded, NotEnrolled, IdentityNotMapped or " +
        "OfflineNotReady), Ready (true when enforcing would not stop the user: CodeRequired or Excluded), Reports, and one count per outcome.")]
    public sealed class OtpRolloutReadiness
    {
        public string Upn { get; set; } = "";
        public bool IdentityMapped { get; set; }
        public string Machine { get; set; } = "";
        public string DeviceId { get; set; } = "";
        public DateTimeOffset FirstSeen { get; set; }
        public DateTimeOffset LastSeen { get; set; }
        public string LastScenario { get; set; } = "";
        public string WouldHave { get; set; } = "";
        public bool Ready { get; set; }
        public long Reports { get; set; }
        public long CodeRequired { get; set; }
        public long Excluded { get; set; }
        public long NotEnrolled { get; set; }
        public long IdentityNotMapped { get; set; }
        public long OfflineNotReady { get; set; }

        /// <summary>The protocol's outcome word as a PowerShell-style name: code_required becomes CodeRequired.</summary>
        public static string NameOf(string outcome) =>
            string.Concat(outcome.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

        /// <summary>One object per user and device, from the rows of that user and device (one per outcome).</summary>
        public static IEnumerable<OtpRolloutReadiness> From(IEnumerable<RolloutRecord> records) =>
            records.GroupBy(r => (User: r.User.ToLowerInvariant(), r.DeviceId)).Select(g =>
            {
                var latest = g.OrderByDescending(r => r.LastReported).First();
                long Count(string outcome) => g.Where(r => r.Outcome == outcome).Sum(r => r.Reports);
                return new OtpRolloutReadiness
                {
                    Upn = latest.User,
                    IdentityMapped = latest.Mapped,
                    Machine = latest.Machine,
                    DeviceId = latest.DeviceId,
                    FirstSeen = StoredTime.Of(g.Min(r => r.FirstReported)),
                    LastSeen = StoredTime.Of(latest.LastReported),
                    LastScenario = latest.Scenario,
                    WouldHave = NameOf(latest.Outcome),
                    Ready = latest.Outcome == ApiWords.RolloutOutcomes.CodeRequired || latest.Outcome == ApiWords.RolloutOutcomes.Excluded,
                    Reports = g.Sum(r => r.Reports),
                    CodeRequired = Count(ApiWords.RolloutOutcomes.CodeRequired),
                    Excluded = Count(ApiWords.RolloutOutcomes.Excluded),
                    NotEnrolled = Count(ApiWords.RolloutOutcomes.NotEnrolled),
                    IdentityNotMapped = Count(ApiWords.RolloutOutcomes.IdentityNotMapped),
                    OfflineNotReady = Count(ApiWords.RolloutOutcomes.OfflineNotReady),
                };
            }).OrderBy(o => o.Upn, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Machine, StringComparer.OrdinalIgnoreCase);

        public override string ToString() => $"{Upn} on {Machine}: {WouldHave}";
    }
}
