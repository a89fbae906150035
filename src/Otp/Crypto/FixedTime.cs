namespace SecureMFA.Otp.Crypto
{
    /// <summary>Comparisons whose duration does not depend on where the inputs differ (MACs, keys, codes).</summary>
    public static class FixedTime
    {
        public static bool Equal(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length) return false;
            var difference = 0;
            for (var i = 0; i < a.Length; i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }
    }
}
