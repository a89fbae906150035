namespace SecureMFA.Core.Stores
{
    /// <summary>Filters and paging for listing users (Get-xOTP_User). Null filters match everything.</summary>
    public sealed class UserQuery
    {
        /// <summary>A UPN pattern with * and ? wildcards.</summary>
        public string? UpnPattern { get; set; }
        public bool? Enrolled { get; set; }
        public bool? Disabled { get; set; }
        public bool? Locked { get; set; }
        public int Skip { get; set; }
        public int Take { get; set; } = int.MaxValue;
    }
}
