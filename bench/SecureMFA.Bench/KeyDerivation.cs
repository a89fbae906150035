using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Bench
{
    /// <summary>
    /// One PBKDF2-HMAC-SHA256 derivation at the shipped 600,000 iterations, as the offline vault and the secrets at rest
    /// do it: on .NET 10 (Rfc2898DeriveBytes.Pbkdf2, native), then the net472 build under Mono (Framework's managed
    /// loop, what .NET Framework ran everywhere before CNG). CNG itself is timed only on Windows, by running
    /// bench/SecureMFA.Bench.NetFx there.
    /// </summary>
    public static class KeyDerivation
    {
        private const int Iterations = 600_000;

        public static void Run()
        {
            Console.WriteLine($"PBKDF2-HMAC-SHA256, {Iterations:N0} iterations, 32 bytes (best and median of five):");
            var password = Encoding.UTF8.GetBytes("Winter2026!correct");
            var salt = Encoding.UTF8.GetBytes("0123456789abcdef");
            Pbkdf2.Sha256(password, salt, Iterations, 32);
            var runs = Enumerable.Range(0, 5).Select(_ =>
            {
                var watch = Stopwatch.StartNew();
                Pbkdf2.Sha256(password, salt, Iterations, 32);
                return watch.Elapsed.TotalMilliseconds;
            }).OrderBy(ms => ms).ToArray();
            Console.WriteLine($"  {"Pbkdf2.Sha256 (" + Pbkdf2.Implementation + ")",-62} best {runs[0],8:N0} ms  median {runs[2],8:N0} ms");
            RunNet472UnderMono();
        }

        private static void RunNet472UnderMono()
        {
            var exe = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "SecureMFA.Bench.NetFx", "bin",
                new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net472", "SecureMFA.Bench.NetFx.exe");
            var runner = OperatingSystem.IsWindows() ? null : "mono";
            if (!File.Exists(exe))
            {
                Console.WriteLine($"  (net472: {exe} is not built)");
                return;
            }
            var info = new ProcessStartInfo(runner ?? exe) { RedirectStandardOutput = true, UseShellExecute = false };
            if (runner != null) info.ArgumentList.Add(exe);
            try
            {
                using var process = Process.Start(info)!;
                Console.Write(process.StandardOutput.ReadToEnd());
                process.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Console.WriteLine($"  (net472: cannot start {runner ?? exe}: {e.Message})");
            }
        }
    }
}
