using System;
using System.IO;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    // The simulated machine's facts that come from the command line rather than from Windows: the session the tile is
    // shown in and how wrong the clock is.

    /// <summary>The session the simulated tile is shown in, from --session.</summary>
    public sealed class FixedSession(SessionKind kind) : ISessionFacts
    {
        public SessionKind Current { get; } = kind;
    }

    /// <summary>This machine's clock moved by --clock-offset seconds, to play a laptop whose clock is wrong.</summary>
    public sealed class OffsetClock(IClock inner, TimeSpan offset) : IClock
    {
        public DateTime UtcNow => inner.UtcNow + offset;
    }
}

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// Who signs in on the simulated tile, from --account-sid and --group-sid (any name typed is that account), and what
    /// the names in the settings resolve to, from --name NAME=SID. Without --account-sid the account is not known, as
    /// when Windows cannot look it up: rules that name accounts or groups then ask a code.
    /// </summary>
    public sealed class FixedAccounts(string? accountSid, System.Collections.Generic.IReadOnlyList<string> groupSids, System.Collections.Generic.IReadOnlyDictionary<string, string> names) : IAccountDirectory
    {
        public AccountFacts? Lookup(string userName) => accountSid == null ? null : new AccountFacts(accountSid, groupSids);

        public string? SidOf(string name) => names.TryGetValue(name, out var sid) ? sid : null;
    }

    /// <summary>
    /// The simulated computer's session and boot clocks: --session-id (default 1), a boot time kept in the state folder
    /// (boot.txt: boot instant and time slept, in Unix ms), --reboot (boot now), --sleep MINUTES (the computer slept
    /// that long since the last run: the awake clock falls behind), --disconnected-session N (that session is
    /// disconnected, so an RDP connection reconnects it).
    /// </summary>
    public sealed class SimulatedSessionInstance : ISessionInstance
    {
        private readonly IClock _clock;
        private readonly long _bootMs;
        private readonly long _sleptMs;
        private readonly int? _disconnected;

        public SimulatedSessionInstance(string path, IClock clock, int sessionId, bool reboot, int sleptMinutes, int? disconnectedSession)
        {
            (_clock, SessionId, _disconnected) = (clock, sessionId, disconnectedSession);
            var nowMs = UnixMs(clock.UtcNow);
            var parts = File.Exists(path) ? File.ReadAllText(path).Trim().Split('|') : new string[0];
            if (reboot || parts.Length != 2 || !long.TryParse(parts[0], out _bootMs) || !long.TryParse(parts[1], out _sleptMs) || _bootMs > nowMs)
                (_bootMs, _sleptMs) = (nowMs, 0);
            _sleptMs += sleptMinutes * 60000L;
            File.WriteAllText(path, $"{_bootMs}|{_sleptMs}");
        }

        public int SessionId { get; }
        public TimeSpan SinceBoot => TimeSpan.FromMilliseconds(Math.Max(0, UnixMs(_clock.UtcNow) - _bootMs));
        public TimeSpan AwakeSinceBoot => TimeSpan.FromMilliseconds(Math.Max(0, UnixMs(_clock.UtcNow) - _bootMs - _sleptMs));
        public bool IsDisconnected(int sessionId) => _disconnected == sessionId;

        private static long UnixMs(DateTime utc) => (long)(utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMilliseconds;
    }
}
