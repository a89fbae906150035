using System;

namespace SecureMFA.Core.Stores
{
    /// <summary>Where a code came from and when: recorded with both successes and failures.</summary>
    public sealed class LogonAttempt
    {
        /// <summary>The columns logonip (Secrets) and lastip (Devices) hold this many characters.</summary>
        public const int MaxClientIpLength = 64;
        public const int MaxUserAgentLength = 512;
        public const int MaxCodeLength = 16;

        public LogonAttempt(DateTime utcNow, string? clientIp, string? userAgent)
        {
            UtcNow = utcNow;
            ClientIp = Truncate(clientIp, MaxClientIpLength);
            UserAgent = Truncate(userAgent, MaxUserAgentLength);
        }

        public DateTime UtcNow { get; }
        public string? ClientIp { get; }
        public string? UserAgent { get; }

        public static string? Truncate(string? value, int length) =>
            value == null || value.Length <= length ? value : value.Substring(0, length);
    }
}
