using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>
    /// The accounts of a simulated domain: each user name (as typed, case-insensitive) with its SID and token groups,
    /// and each name an administrator may write in the settings with its SID. Lookups are counted.
    /// </summary>
    public sealed class FakeAccounts : IAccountDirectory
    {
        public const string AliceSid = "S-1-5-21-100-200-300-1105";
        public const string BreakGlassSid = "S-1-5-21-900-901-902-1001";
        public const string HelpdeskSid = "S-1-5-21-100-200-300-2201";
        public const string AdminsSid = "S-1-5-21-100-200-300-512";
        public const string PilotSid = "S-1-5-21-100-200-300-3301";
        public const string RemoteOnlySid = "S-1-5-21-100-200-300-4401";

        private readonly Dictionary<string, AccountFacts> _users = new Dictionary<string, AccountFacts>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public FakeAccounts()
        {
            Name(@"ADATUM\Helpdesk", HelpdeskSid);
            Name(@"ADATUM\Domain Admins", AdminsSid);
            Name(@"ADATUM\MFA Pilot", PilotSid);
            Name(@"ADATUM\Remote Only", RemoteOnlySid);
            Name(@".\breakglass", BreakGlassSid);
        }

        public int Lookups { get; private set; }
        public bool Fail { get; set; }

        /// <summary>The user as every spelling the tile may pass (alice, ADATUM\alice, alice@adatum.labnet) with these token groups.</summary>
        public void User(string name, string sid, params string[] groups)
        {
            var facts = new AccountFacts(sid, groups);
            _users[name] = facts;
            _users[$@"ADATUM\{name}"] = facts;
            _users[$"{name}@adatum.labnet"] = facts;
        }

        public void Name(string name, string sid) => _names[name] = sid;

        public AccountFacts? Lookup(string userName)
        {
            Lookups++;
            if (Fail) throw new InvalidOperationException("No domain controller could be reached.");
            return _users.TryGetValue(userName, out var facts) ? facts : null;
        }

        public string? SidOf(string name)
        {
            if (Fail) throw new InvalidOperationException("No domain controller could be reached.");
            return _names.TryGetValue(name, out var sid) ? sid : null;
        }
    }

    /// <summary>The session and boot clocks of the simulated computer, moved by the tests (the harness clock moves <see cref="SinceBoot"/> and <see cref="AwakeSinceBoot"/> with it).</summary>
    public sealed class FakeSessionInstance : ISessionInstance
    {
        private readonly Otp.Time.IClock _clock;
        private DateTime _boot;
        private TimeSpan _slept;

        public FakeSessionInstance(Otp.Time.IClock clock)
        {
            _clock = clock;
            _boot = clock.UtcNow - TimeSpan.FromHours(2);
        }

        public int SessionId { get; set; } = 1;
        public HashSet<int> Disconnected { get; } = new HashSet<int>();
        public TimeSpan SinceBoot => _clock.UtcNow - _boot;
        public TimeSpan AwakeSinceBoot => SinceBoot - _slept;
        public bool IsDisconnected(int sessionId) => Disconnected.Contains(sessionId);

        /// <summary>The computer restarts now (both counters start again).</summary>
        public void Reboot() => (_boot, _slept) = (_clock.UtcNow, TimeSpan.Zero);

        /// <summary>The computer sleeps for <paramref name="duration"/>: call after moving the clock by as much.</summary>
        public void Slept(TimeSpan duration) => _slept += duration;
    }
}
