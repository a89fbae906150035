using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Users in the states the pages are about: new, enrolled, with recovery codes.</summary>
    public static class TestUsers
    {
        public static string NewUpn(string prefix = "user") => prefix + Guid.NewGuid().ToString("N").Substring(0, 8) + "@adatum.labnet";

        public static string Code(string base32, DateTime at) => TotpGenerator.Compute(SharedSecret.FromBase32(base32), TotpParameters.Default, at);

        /// <summary>A code that is not the right one now (nor in the drift window).</summary>
        public static string WrongCode(string base32, DateTime at)
        {
            var near = Enumerable.Range(-3, 7).Select(step => Code(base32, at.AddSeconds(30 * step))).ToHashSet();
            return new[] { "000000", "111111", "222222", "333333" }.First(c => !near.Contains(c));
        }

        /// <summary>Scans (reads the key) and confirms with the first code, over HTTP; returns the key.</summary>
        public static async Task<string> Enrol(RunningDemoHost host, string upn)
        {
            var page = await host.StartSignIn(upn);
            var key = page.ManualKey!;
            var done = await host.SubmitCode(page, Code(key, host.Now));
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            return key;
        }

        /// <summary>Gives the user new recovery codes, as New-xOTP_RecoveryCode will: stored hashed, shown once.</summary>
        public static IReadOnlyList<string> GiveRecoveryCodes(RunningDemoHost host, string upn, int count)
        {
            var codes = RecoveryCode.Generate(count);
            var key = Upn.Normalize(upn);
            var hashes = codes.Select(c => RecoveryCode.Hash(key, RecoveryCode.Normalize(c)!)).ToList();
            Assert.True(SqliteStoreFactory.Open(host.DatabasePath).ReplaceRecoveryCodes(upn, hashes, host.Now));
            return codes;
        }
    }
}
