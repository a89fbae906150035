namespace DocClient
{
    /// <summary>The "offline" object of a verify answer, field for field as the document lists it.</summary>
    public sealed class OfflinePackage
    {
        public int V { get; set; }
        public string Upn { get; set; } = "";
        public string Issuer { get; set; } = "";
        public string Alg { get; set; } = "";
        public int Digits { get; set; }
        public int Period { get; set; }
        public long ValidUntil { get; set; }
        public int MaxFailures { get; set; }
        public int LockoutMinutes { get; set; }
        public long LastStep { get; set; }
        public string WrappedSecret { get; set; } = "";
    }
}
