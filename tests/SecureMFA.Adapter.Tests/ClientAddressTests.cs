using System;
using System.Collections.Specialized;
using System.Net;
using SecureMFA.Core.Network;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Who the client is, for the QR network rule: a forwarded address counts only from a trusted proxy, and only its right-most entry.</summary>
    public class ClientAddressTests
    {
        private static readonly Func<IPAddress, bool> Wap = AllowedNetworks.Parse("192.0.2.10/192.0.2.11").Allows;
        private static readonly Func<IPAddress, bool> NoProxy = _ => false;
        private static readonly IPEndPoint FromWap = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 50000);
        private static readonly IPEndPoint FromInternet = new IPEndPoint(IPAddress.Parse("203.0.113.66"), 50000);

        private static NameValueCollection Forwarded(string value) => new NameValueCollection { ["X-MS-Proxy"] = "WAP01", ["X-MS-Forwarded-Client-IP"] = value };

        [Fact]
        public void AnUntrustedPeerCannotClaimAnotherAddress()
        {
            Assert.Equal(FromInternet.Address, ClientAddress.From(Forwarded("10.1.2.3"), FromInternet, Wap));
        }

        [Fact]
        public void WithoutTrustedProxiesNoHeaderIsBelieved()
        {
            Assert.Equal(FromWap.Address, ClientAddress.From(Forwarded("10.1.2.3"), FromWap, NoProxy));
        }

        [Fact]
        public void FromATrustedProxyTheRightMostEntryIsTheClient()
        {
            // The client wrote "10.1.2.3" itself; the proxy appended what it saw.
            Assert.Equal(IPAddress.Parse("198.51.100.7"), ClientAddress.From(Forwarded("10.1.2.3, 198.51.100.7"), FromWap, Wap));
            Assert.Equal(IPAddress.Parse("10.1.2.3"), ClientAddress.From(Forwarded("10.1.2.3"), FromWap, Wap));
            Assert.Equal(IPAddress.Parse("2001:db8::42"), ClientAddress.From(Forwarded("[2001:db8::42]:50000"), FromWap, Wap));
            Assert.Equal(IPAddress.Parse("10.1.2.3"), ClientAddress.From(Forwarded("10.1.2.3:443"), FromWap, Wap));
        }

        [Fact]
        public void WithoutXMsProxyTheHeaderIsIgnored()
        {
            var headers = new NameValueCollection { ["X-MS-Forwarded-Client-IP"] = "10.1.2.3" };
            Assert.Equal(FromWap.Address, ClientAddress.From(headers, FromWap, Wap));
        }

        [Theory]
        [InlineData("127.1")]
        [InlineData("0x7f.0.0.1")]
        [InlineData("2130706433")]
        [InlineData("010.1.2.3")]
        [InlineData("10.1.2.3.")]
        [InlineData("fe80::1%eth0")]
        [InlineData("１０.1.2.3")]
        [InlineData("")]
        public void AnAddressInALegacyOrAmbiguousFormIsNoAddress(string forwarded)
        {
            Assert.Null(ClientAddress.From(Forwarded("10.9.9.9, " + forwarded), FromWap, Wap));
        }
    }
}
