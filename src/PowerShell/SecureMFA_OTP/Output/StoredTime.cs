using System;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// A time as the stores keep it (UTC, its Kind not always set by the driver) as the output objects show it: with its
    /// zone, so Export-Csv and ConvertTo-Json write +00:00 and no reader takes it for local time.
    /// </summary>
    internal static class StoredTime
    {
        public static DateTimeOffset Of(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

        public static DateTimeOffset? Of(DateTime? utc) => utc.HasValue ? Of(utc.Value) : (DateTimeOffset?)null;
    }
}
