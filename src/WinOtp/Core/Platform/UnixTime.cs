using System;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>Unix seconds, the protocol's time unit, on .NET Framework 4.7.2 and .NET alike.</summary>
    public static class UnixTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static long Seconds(DateTime utc) => (long)Math.Floor((utc.ToUniversalTime() - Epoch).TotalSeconds);

        public static DateTime ToDateTime(long seconds) => Epoch.AddSeconds(seconds);
    }
}
