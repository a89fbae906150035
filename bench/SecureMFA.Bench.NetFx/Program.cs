using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Bench.NetFx
{
    /// <summary>Prints the time of one 600,000-iteration PBKDF2-HMAC-SHA256 derivation (32 bytes), best and median of five.</summary>
    public static class Program
    {
        private const int Iterations = 600000;

        public static int Main()
        {
            var runtime = Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework";
            Console.WriteLine($"  net472 on {runtime} {Environment.Version}, {Environment.OSVersion.Platform}");
            var password = Encoding.UTF8.GetBytes("Winter2026!correct");
            var salt = Encoding.UTF8.GetBytes("0123456789abcdef");
            Time($"Pbkdf2.Sha256 ({Pbkdf2.Implementation})", () => Pbkdf2.Sha256(password, salt, Iterations, 32));
            if (Pbkdf2.Implementation.StartsWith("CNG", StringComparison.Ordinal))
                Time("managed Rfc2898DeriveBytes (.NET Framework), for comparison", () => Pbkdf2.FrameworkManagedSha256(password, salt, Iterations, 32));
            return 0;
        }

        private static void Time(string label, Func<byte[]> derive)
        {
            var first = derive();
            var runs = Enumerable.Range(0, 5).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                var again = derive();
                watch.Stop();
                if (!again.SequenceEqual(first)) throw new InvalidOperationException("PBKDF2 is not deterministic");
                return watch.Elapsed.TotalMilliseconds;
            }).OrderBy(ms => ms).ToArray();
            Console.WriteLine($"  {label,-62} best {runs[0],8:N0} ms  median {runs[2],8:N0} ms");
        }
    }
}
