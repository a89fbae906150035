using System;
using System.Collections.Generic;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// What the WEB API keeps for a rollout of SecureMFA WIN OTP, beside the devices (SQL tables FirstSightings and
    /// RolloutReports): when it first saw a user without an OTP account (the start of a grace period, the same on every
    /// server of a farm), and what report-only tiles said they would have done, per user, device and outcome.
    /// Failures to reach the store raise <see cref="StoreUnavailableException"/>.
    /// </summary>
    public interface IRolloutRecords
    {
        /// <summary>False where the store keeps none of this (AD): <see cref="FirstSeen"/> is null, reports are not kept.</summary>
        bool Keeps { get; }

        /// <summary>
        /// The first time this UPN was seen without an OTP account: the stored time, or <paramref name="utcNow"/> stored
        /// now when there is none (farm nodes racing store one). Null when the store keeps none.
        /// </summary>
        DateTime? FirstSeen(string upn, DateTime utcNow);

        /// <summary>Counts one report (a new row, or one more on the row of this user, device and outcome); false when not kept.</summary>
        bool Record(RolloutReport report, DateTime utcNow);

        /// <summary>Every report row, by user then device then outcome.</summary>
        IReadOnlyList<RolloutRecord> List();
    }

    /// <summary>One report-only tile's "what I would have done" (docs/webapi-protocol.md, section 7a).</summary>
    public sealed class RolloutReport
    {
        /// <summary>The UPN the tile mapped the account to, or the account as Windows gave it when it mapped to none.</summary>
        public string User { get; set; } = "";
        /// <summary>False when <see cref="User"/> is the account name (identity not mapped).</summary>
        public bool Mapped { get; set; }
        public string DeviceId { get; set; } = "";
        public string Machine { get; set; } = "";
        public string Scenario { get; set; } = "";
        public string Outcome { get; set; } = "";
    }

    /// <summary>A stored row: one user, one device, one outcome, how often and when.</summary>
    public sealed class RolloutRecord
    {
        public string User { get; set; } = "";
        public bool Mapped { get; set; }
        public string DeviceId { get; set; } = "";
        public string Machine { get; set; } = "";
        public string Scenario { get; set; } = "";
        public string Outcome { get; set; } = "";
        public long Reports { get; set; }
        public DateTime FirstReported { get; set; }
        public DateTime LastReported { get; set; }
    }

    /// <summary>The AD store: no table to keep a rollout in (the AD schema has no place for it yet). The API answers as without.</summary>
    public sealed class NoRolloutRecords : IRolloutRecords
    {
        public bool Keeps => false;
        public DateTime? FirstSeen(string upn, DateTime utcNow) => null;
        public bool Record(RolloutReport report, DateTime utcNow) => false;
        public IReadOnlyList<RolloutRecord> List() => new RolloutRecord[0];
    }
}
