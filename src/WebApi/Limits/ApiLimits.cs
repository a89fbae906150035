namespace SecureMFA.WebApi.Limits
{
    /// <summary>
    /// The request limits (ASP.NET configuration section "Limits", e.g. --Limits:DevicePerSecond 20). The defaults
    /// suit a domain: a computer signs in a few times a day, a terminal server perhaps once a second.
    /// </summary>
    public sealed class ApiLimits
    {
        public const string Section = "Limits";

        /// <summary>Signed requests per device: a burst of <see cref="DeviceBurst"/>, then this many per second.</summary>
        public int DevicePerSecond { get; set; } = 10;
        public int DeviceBurst { get; set; } = 100;

        /// <summary>Verifications per UPN, from any device: a burst of <see cref="UpnBurst"/>, then this many per minute.</summary>
        public int UpnPerMinute { get; set; } = 10;
        public int UpnBurst { get; set; } = 10;

        /// <summary>Wrong bootstrap values per client address within <see cref="BootstrapFailureWindowMinutes"/>; past it, 429.</summary>
        public int BootstrapFailures { get; set; } = 10;
        public int BootstrapFailureWindowMinutes { get; set; } = 15;

        /// <summary>Nonces remembered per device, and in all, for 600 s; a device past its share is told to slow down.</summary>
        public int NoncesPerDevice { get; set; } = 8192;
        public int NoncesTotal { get; set; } = 1_000_000;

        /// <summary>Why these limits cannot work, naming the setting (each must be at least 1); null when they can.</summary>
        public string? Problem()
        {
            var values = new[]
            {
                (nameof(DevicePerSecond), DevicePerSecond), (nameof(DeviceBurst), DeviceBurst), (nameof(UpnPerMinute), UpnPerMinute),
                (nameof(UpnBurst), UpnBurst), (nameof(BootstrapFailures), BootstrapFailures),
                (nameof(BootstrapFailureWindowMinutes), BootstrapFailureWindowMinutes), (nameof(NoncesPerDevice), NoncesPerDevice),
                (nameof(NoncesTotal), NoncesTotal),
            };
            foreach (var (name, value) in values)
                if (value < 1) return $"{Section}:{name} must be at least 1 (it is {value}).";
            return null;
        }
    }
}
