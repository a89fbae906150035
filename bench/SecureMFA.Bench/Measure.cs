using System;
using System.Diagnostics;

namespace SecureMFA.Bench
{
    /// <summary>Runs an operation repeatedly for a fixed time after a warm-up and reports operations per second.</summary>
    public static class Measure
    {
        public static double PerSecond(string label, Action<int> operation, double seconds = 2.0)
        {
            for (var i = 0; i < 200; i++) operation(i);
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 64; i++) operation(count++);
            }
            var rate = count / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"  {label,-62} {rate,14:N0} /s  {1e6 / rate,10:N2} µs/op");
            return rate;
        }
    }
}
