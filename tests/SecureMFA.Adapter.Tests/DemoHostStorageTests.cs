using System;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Anonymous visitors of the demo host cannot make its store grow without bound by typing user names.</summary>
    public class DemoHostStorageTests
    {
        private const int Typed = 130;

        [Fact]
        public async Task ManyTypedUpnsLeaveAtMostTheCapOfPendingEnrolmentsWhichExpire()
        {
            using var host = new RunningDemoHost();
            var enrolled = TestUsers.NewUpn("kept");
            await TestUsers.Enrol(host, enrolled);

            var pages = await Task.WhenAll(Enumerable.Range(0, Typed).Select(i => host.StartSignIn($"visitor{i}-{Guid.NewGuid():N}@adatum.labnet")));
            var store = SqliteStoreFactory.Open(host.DatabasePath);
            var pending = store.Count(new UserQuery { Enrolled = false }, host.Now);
            Assert.InRange(pending, 1, 100);
            Assert.Equal(Typed - pending, pages.Count(p => p.ErrorText != null && p.ErrorText.Contains("Too many enrolments")));
            // A confirmed user is no pending enrolment: they sign in as ever.
            Assert.True((await host.StartSignIn(enrolled)).HasCodeInput);

            // Pending enrolments expire: the next visitor after that finds room, and the stale ones are gone from the store.
            host.Now = host.Now.AddMinutes(16);
            var late = TestUsers.NewUpn("late");
            var page = await host.StartSignIn(late);
            Assert.Null(page.ErrorText);
            Assert.Equal(1, store.Count(new UserQuery { Enrolled = false }, host.Now));
            Assert.NotNull(store.Find(late));
            Assert.True(store.Find(enrolled)!.Enrolled);
        }
    }
}
