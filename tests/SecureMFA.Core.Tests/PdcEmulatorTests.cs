using System;
using System.Collections.Concurrent;
using System.Linq;
using SecureMFA.Core.Events;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;
using Pair = SecureMFA.Core.Tests.DomainControllerPair;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// On two real DCs (scripts/samba-dc.sh start-pair): with ad_server naming DC2, the AD store reads and writes on the
    /// PDC emulator DC1; it fails over to DC2 only while DC1 is down, with a warning, and comes back. One class, so the
    /// tests that stop DC1 never run beside the others.
    /// </summary>
    public class PdcEmulatorTests
    {
        private static readonly DateTime Now = DateTime.UtcNow;
        private static readonly LockoutPolicy Policy = new LockoutPolicy(5, 5);
        private static LogonAttempt Attempt => new LogonAttempt(Now, "192.0.2.9", "pdc-test");
        private static long Step(int n) => ((long)(Now - DateTime.UnixEpoch).TotalSeconds / 30 + n) * 30;

        [Fact]
        public void DiscoveryThroughDc2NamesDc1AsPdcEmulator()
        {
            using var connection = Pair.Connect(Pair.Dc2);
            var topology = DomainTopology.Read(connection);
            Assert.Equal(new[] { Pair.Dc1Name, Pair.Dc2Name }, topology.DomainControllers.Select(dc => dc.HostName));
            Assert.Equal(Pair.Dc1Name, topology.PdcEmulator!.HostName);
            Assert.Equal(Pair.Dc2Name, topology.AnsweringDomainController!.HostName);
            Assert.False(topology.AnsweringDomainController.IsPdcEmulator);
        }

        [Fact]
        public void WithAdServerOnDc2EveryReadAndWriteGoesToThePdcEmulator()
        {
            var upn = Pair.CreateUser(Pair.Dc1);
            // DC2 holds the user too, so a write there would succeed: only where the values are, and where they came from, tell.
            Pair.Replicate("dc1", "dc2");
            var events = new RecordedEvents();
            var dialled = new ConcurrentQueue<string>();
            using var store = Pair.OpenStore(Pair.Dc2, events, new VariableClock(Now), dialled);

            Assert.Equal("PDC emulator " + Pair.Dc1Name, store.DomainControllerInUse());
            Assert.True(store.Create(new NewOtpUser(upn, "v2:pdc", TotpParameters.Default)));
            Pair.Replicate("dc1", "dc2");
            Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, Step(0), Attempt));
            Assert.Equal(1, store.RecordFailure(upn, "000000", Attempt, Policy)!.FailedLogonCount);

            // Reads come from DC1 too: DC2's copy still says no logon and no failure.
            var read = store.Find(upn)!;
            Assert.Equal(1, read.LogonCount);
            Assert.Equal(1, read.FailedLogonCount);
            Assert.Equal(1, Pair.ChangeVersionOn(Pair.Dc2, upn)!.Value.Value);

            var dc1 = Pair.InvocationIdOf(Pair.Dc1);
            Assert.Equal((3L, dc1), Pair.ChangeVersionOn(Pair.Dc1, upn));
            // Once replicated, DC2 holds DC1's writes, made on DC1: none of them originated on DC2.
            Pair.Replicate("dc1", "dc2");
            Assert.Equal((3L, dc1), Pair.ChangeVersionOn(Pair.Dc2, upn));
            Assert.NotEqual(Pair.InvocationIdOf(Pair.Dc2), dc1);

            Assert.All(dialled, name => Assert.Equal(Pair.Dc1Name, name));
            Assert.Empty(events.Events);
        }

        [Fact]
        public void WithAdServerOnDc2TheWebApisDevicesAreWrittenOnThePdcEmulatorToo()
        {
            var events = new RecordedEvents();
            var dialled = new ConcurrentQueue<string>();
            using var devices = Pair.OpenDevices(Pair.Dc2, events, new VariableClock(Now), dialled);
            var id = DeviceId.New();
            Assert.True(devices.Add(new Device { Id = id, Machine = "PC-PDC", MachineSid = "", ProtectedKey = "v2:key", Created = Now }));
            Assert.True(devices.Revoke(id, Now));

            // The revocation is on DC1 at once; DC2 has not even heard of the device until replication.
            Assert.True(devices.Find(id)!.IsRevoked);
            using (var dc2 = Pair.Connect(Pair.Dc2))
            {
                var found = (System.DirectoryServices.Protocols.SearchResponse)dc2.SendRequest(new System.DirectoryServices.Protocols.SearchRequest(
                    Pair.Settings(Pair.Dc2).SearchBase, $"(cn={id})", System.DirectoryServices.Protocols.SearchScope.Subtree, "cn"));
                Assert.Empty(found.Entries);
            }
            Assert.All(dialled, name => Assert.Equal(Pair.Dc1Name, name));
            Assert.NotEmpty(dialled);
            Assert.Empty(events.Events);
        }

        [Fact]
        public void WhileThePdcEmulatorIsDownTheStoreFailsOverWithAWarningAndReturnsAfterTheRecheck()
        {
            var upn = Pair.CreateUser(Pair.Dc1);
            var clock = new VariableClock(Now);
            var events = new RecordedEvents();
            var dialled = new ConcurrentQueue<string>();
            using var store = Pair.OpenStore(Pair.Dc2, events, clock, dialled);
            Assert.True(store.Create(new NewOtpUser(upn, "v2:failover", TotpParameters.Default)));
            Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, Step(0), Attempt));
            Pair.Replicate("dc1", "dc2");
            var dc1 = Pair.InvocationIdOf(Pair.Dc1);
            var dc2 = Pair.InvocationIdOf(Pair.Dc2);

            Pair.Stop("dc1");
            try
            {
                // The store's connection to DC1 breaks: the same call chooses again, fails over to DC2 and goes on there,
                // where replication brought the accepted step: the code is still refused as a replay.
                Assert.Equal(SuccessOutcome.Replayed, store.RecordSuccess(upn, Step(0), Attempt));
                Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, Step(1), Attempt));
                Assert.Equal((3L, dc2), Pair.ChangeVersionOn(Pair.Dc2, upn));

                var warning = Assert.Single(events.Events);
                Assert.Equal((OtpEventId.ProviderFailed, EventLevel.Warning), (warning.Id, warning.Level));
                Assert.StartsWith($"AD store: the PDC emulator {Pair.Dc1Name} is unreachable (", warning.Message);
                Assert.Contains($"OTP reads and writes fail over to {Pair.Dc2Name}.", warning.Message);
                Assert.Contains("can each accept the same code once", warning.Message);
                Assert.StartsWith($"{Pair.Dc2Name}, failing over because the PDC emulator {Pair.Dc1Name} is unreachable", store.DomainControllerInUse());
            }
            finally
            {
                Pair.Start("dc1");
            }

            // DC1 is back, but the store stays on DC2 until the re-check is due.
            Assert.Equal(1, store.RecordFailure(upn, "111111", Attempt, Policy)!.FailedLogonCount);
            Assert.Equal((4L, dc2), Pair.ChangeVersionOn(Pair.Dc2, upn));
            Assert.Single(events.Events);

            clock.Advance(DomainControllerChoice.RecheckInterval);
            // Back on DC1, which has not seen the failover's writes (no replication from DC2 yet): its own version 2 goes to 3.
            Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, Step(2), Attempt));
            Assert.Equal((3L, dc1), Pair.ChangeVersionOn(Pair.Dc1, upn));
            Assert.Equal((4L, dc2), Pair.ChangeVersionOn(Pair.Dc2, upn));
            Assert.Equal("PDC emulator " + Pair.Dc1Name, store.DomainControllerInUse());
            var back = events.Events.Last();
            Assert.Equal((OtpEventId.ProviderOk, EventLevel.Information, $"AD store: OTP reads and writes are back on the PDC emulator {Pair.Dc1Name}."), back);
            Assert.Equal(2, events.Events.Count);
        }

        [Fact]
        public void WhenAdServerIsDownThePdcEmulatorKnownFromBeforeIsFoundAgainWithoutAWarning()
        {
            var upn = Pair.CreateUser(Pair.Dc1);
            var clock = new VariableClock(Now);
            var events = new RecordedEvents();
            var dialled = new ConcurrentQueue<string>();
            using var store = Pair.OpenStore(Pair.Dc2, events, clock, dialled);
            Assert.True(store.Create(new NewOtpUser(upn, "v2:adserver-down", TotpParameters.Default)));

            Pair.Stop("dc2");
            try
            {
                clock.Advance(DomainControllerChoice.RecheckInterval);
                // The re-check cannot ask ad_server (DC2); it asks the DCs it knows, the PDC emulator first, and stays there.
                Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, Step(0), Attempt));
                Assert.Equal((2L, Pair.InvocationIdOf(Pair.Dc1)), Pair.ChangeVersionOn(Pair.Dc1, upn));
                Assert.Equal("PDC emulator " + Pair.Dc1Name, store.DomainControllerInUse());
                Assert.Empty(events.Events);
            }
            finally
            {
                Pair.Start("dc2");
            }
        }
    }
}
