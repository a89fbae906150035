using System;
using System.Globalization;

namespace SecureMFA.WinOtp.Decision
{
    /// <summary>
    /// What the unlock grace is decided from: the last code-verified sign-in of this account on this computer (which
    /// session, when, and where the two boot clocks stood), the same facts now, and whether the recorded session is
    /// disconnected (an RDP connection then reconnects it). Pure data: the rule is <see cref="Allows"/>.
    /// </summary>
    public sealed class GraceFacts
    {
        /// <summary>How far the clocks may disagree (timer resolution, the time the tile takes) before a sleep, a boot or a moved clock is assumed.</summary>
        public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

        public GraceFacts(SessionMoment? lastCodeSignIn, SessionMoment now, bool lastSessionDisconnected) =>
            (LastCodeSignIn, Now, LastSessionDisconnected) = (lastCodeSignIn, now, lastSessionDisconnected);

        public SessionMoment? LastCodeSignIn { get; }
        public SessionMoment Now { get; }
        public bool LastSessionDisconnected { get; }

        /// <summary>
        /// True when <paramref name="scenario"/> may skip the code for <paramref name="accountSid"/>: an unlock of the very
        /// session signed in with a code, or an RDP connection while that session is disconnected (the reconnect), within
        /// <paramref name="minutes"/> of that sign-in, with no boot and no sleep or hibernation in between (the time since
        /// boot grew as much as the wall clock, and the awake time as much as both) and the clock not moved back.
        /// </summary>
        public bool Allows(LogonScenario scenario, string accountSid, int minutes, out string detail)
        {
            detail = "";
            var last = LastCodeSignIn;
            if (minutes <= 0 || last == null || !string.Equals(last.AccountSid, accountSid, StringComparison.OrdinalIgnoreCase)) return false;
            if (scenario == LogonScenario.Unlock) { if (last.SessionId != Now.SessionId) return false; }
            else if (scenario == LogonScenario.Rdp) { if (!LastSessionDisconnected) return false; }
            else return false;

            var wall = Now.At - last.At;
            var sinceBoot = Now.SinceBoot - last.SinceBoot;
            var awake = Now.AwakeSinceBoot - last.AwakeSinceBoot;
            if (wall < TimeSpan.Zero || wall > TimeSpan.FromMinutes(minutes)) return false;
            // A boot restarts both counters; a wall clock that moved disagrees with the time since boot.
            if (sinceBoot < TimeSpan.Zero || awake < TimeSpan.Zero || (wall - sinceBoot).Duration() > Tolerance) return false;
            // Sleep and hibernation count in the time since boot but not in the awake time.
            if (sinceBoot - awake > Tolerance) return false;
            detail = $"code-verified sign-in of session {last.SessionId.ToString(CultureInfo.InvariantCulture)} {((int)wall.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min ago";
            return true;
        }
    }

    /// <summary>One instant of one session: who (SID), which session, the UTC time, and the boot clocks (see <see cref="Platform.ISessionInstance"/>).</summary>
    public sealed class SessionMoment
    {
        public SessionMoment(string accountSid, int sessionId, DateTime at, TimeSpan sinceBoot, TimeSpan awakeSinceBoot) =>
            (AccountSid, SessionId, At, SinceBoot, AwakeSinceBoot) = (accountSid ?? "", sessionId, at.ToUniversalTime(), sinceBoot, awakeSinceBoot);

        public string AccountSid { get; }
        public int SessionId { get; }
        public DateTime At { get; }
        public TimeSpan SinceBoot { get; }
        public TimeSpan AwakeSinceBoot { get; }

        /// <summary>The registry form: session|unix ms|since boot ms|awake ms (the account is the value's name).</summary>
        public string ToRecord() => string.Join("|", SessionId.ToString(CultureInfo.InvariantCulture),
            ((long)(At - Epoch).TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ((long)SinceBoot.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            ((long)AwakeSinceBoot.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        public static SessionMoment? FromRecord(string accountSid, string? record)
        {
            var parts = (record ?? "").Split('|');
            if (parts.Length != 4) return null;
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var session)) return null;
            var numbers = new long[3];
            for (var i = 0; i < 3; i++) if (!long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
            if (numbers[0] > (long)(DateTime.MaxValue - Epoch).TotalMilliseconds) return null;
            return new SessionMoment(accountSid, session, Epoch.AddMilliseconds(numbers[0]), TimeSpan.FromMilliseconds(numbers[1]), TimeSpan.FromMilliseconds(numbers[2]));
        }

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }
}
