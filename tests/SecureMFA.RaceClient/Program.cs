using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;

// Usage: SecureMFA.RaceClient <db> <start-unix-ms> <threads> <success|failure> <step> <upn>...
// Waits for the shared start instant, then every thread submits to every user; prints "upn outcome" lines.
var path = args[0];
var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[1], CultureInfo.InvariantCulture));
var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
var mode = args[3];
var step = long.Parse(args[4], CultureInfo.InvariantCulture);
var upns = args.Skip(5).ToArray();
var store = SqliteStoreFactory.Open(path);
var policy = new LockoutPolicy(5, 10);
var output = new object();

var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
{
    while (DateTimeOffset.UtcNow < start) Thread.SpinWait(100);
    foreach (var upn in upns)
    {
        var attempt = new LogonAttempt(DateTime.UtcNow, "127.0.0.1", "race-client");
        var outcome = mode == "success"
            ? store.RecordSuccess(upn, step, attempt).ToString()
            : (store.RecordFailure(upn, "000000", attempt, policy) != null ? "Counted" : "Missing");
        lock (output) Console.WriteLine(upn + " " + outcome);
    }
})).ToList();
workers.ForEach(t => t.Start());
workers.ForEach(t => t.Join());
