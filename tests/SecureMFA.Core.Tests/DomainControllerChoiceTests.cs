using System;
using System.Collections.Concurrent;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Finding the PDC emulator on the single DC of scripts/samba-dc.sh start; what happens when nothing answers; Negotiate without TLS.</summary>
    public class DomainControllerChoiceTests
    {
        [Fact]
        public void TheSingleDcIsThePdcEmulatorAndTheOnlyWritableDc()
        {
            using var connection = SambaDirectory.Settings().Connect();
            var topology = DomainTopology.Read(connection);
            var dc = Assert.Single(topology.DomainControllers);
            Assert.Equal("dc1.adatum.labnet", dc.HostName);
            Assert.True(dc.IsPdcEmulator);
            Assert.Same(dc, topology.PdcEmulator);
            Assert.Same(dc, topology.AnsweringDomainController);
            Assert.Equal("CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=adatum,DC=labnet", topology.PdcEmulatorRoleOwner);
        }

        [Fact]
        public void WhenAdServerIsThePdcEmulatorItIsUsedAsConfiguredWithoutLookingUpItsName()
        {
            var settings = SambaDirectory.Settings();
            var events = new RecordedEvents();
            var dialled = new ConcurrentQueue<string>();
            // dc1.adatum.labnet is in no DNS here: dialling it by name would fail, and is recorded.
            var choice = new DomainControllerChoice(settings, events, connectToDomainController: name =>
            {
                dialled.Enqueue(name);
                return settings.ConnectToDomainController(name);
            });
            using var store = new LdapOtpUserStore(settings, choice);
            Assert.Equal("PDC emulator dc1.adatum.labnet", store.DomainControllerInUse());
            var upn = SambaDirectory.CreateUser();
            Assert.True(store.Create(new NewOtpUser(upn, "v2:single", TotpParameters.Default)));
            Assert.Equal("v2:single", store.Find(upn)!.ProtectedSecret);
            Assert.Empty(dialled);
            Assert.Empty(events.Events);
        }

        [Fact]
        public void WhenNothingAnswersTheStoreIsUnavailableAndSaysWhatItTried()
        {
            var events = new RecordedEvents();
            using var store = new LdapOtpUserStore(new LdapConnectionSettings { Server = "127.0.0.1", Port = 1, Ssl = false, User = "x@y", Password = "p", Timeout = TimeSpan.FromSeconds(3) }, events);
            var ex = Assert.Throws<StoreUnavailableException>(() => store.Find("alice@adatum.labnet"));
            Assert.Equal("The Active Directory store failed: no domain controller answered (127.0.0.1: The LDAP server is unavailable.).", ex.Message);
            Assert.Equal("no domain controller reachable yet (" + ex.Message + ")", store.DomainControllerInUse());
            Assert.Empty(events.Events);
        }

        [Theory]
        [InlineData("CN=NTDS Settings,CN=DC1,CN=Servers,DC=x", "CN=DC1,CN=Servers,DC=x")]
        [InlineData("CN=NTDS Settings,CN=DC\\,1,CN=Servers,DC=x", "CN=DC\\,1,CN=Servers,DC=x")]
        [InlineData("CN=a\\,b\\\\,CN=c", "CN=c")]
        [InlineData("DC=x", "")]
        public void TheParentOfADnKeepsEscapedCommasInTheirRdn(string dn, string parent) => Assert.Equal(parent, DomainTopology.ParentOf(dn));

        [Theory]
        [InlineData(false, "", true)]
        [InlineData(true, "", false)]
        [InlineData(true, "svc@adatum.labnet", false)]
        [InlineData(false, "svc@adatum.labnet", false)]
        public void OnlyANegotiateBindWithoutTlsNeedsSigningAndSealing(bool ssl, string user, bool required) =>
            Assert.Equal(required, new LdapConnectionSettings { Ssl = ssl, User = user }.RequiresSigningAndSealing);

        [Fact]
        public void WhereSigningAndSealingCannotBeRequiredANegotiateBindWithoutTlsIsRefusedBeforeConnecting()
        {
            if (OperatingSystem.IsWindows()) return; // there the bind is signed and sealed instead: not testable without a Windows DC
            // Nothing listens on port 1: a connection attempt would be "The LDAP server is unavailable".
            var settings = new LdapConnectionSettings { Server = "127.0.0.1", Port = 1, Ssl = false, Timeout = TimeSpan.FromSeconds(3) };
            var ex = Assert.Throws<StoreUnavailableException>(() => settings.Connect());
            Assert.Equal("ad_ssl is false and ad_user is empty: a Negotiate bind without TLS must be signed and sealed, which the LDAP client of this platform cannot require. Set ad_ssl to true.", ex.Message);
            using var store = new LdapOtpUserStore(settings, new RecordedEvents());
            Assert.Equal(ex.Message, Assert.Throws<StoreUnavailableException>(() => store.Find("alice@adatum.labnet")).Message);
        }
    }
}
