using System;
using System.Net;
using SecureMFA.Core.Network;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class AllowedNetworksTests
    {
        private const string Ranges = "10.0.0.0/10.255.255.255;192.168.1.10/192.168.1.20;2001:db8::/2001:db8::ffff;fe80:0000:0000:0000:0000:0000:0000:0001/fe80:0000:0000:0000:0000:0000:0000:00ff;";

        [Theory]
        [InlineData("10.0.0.0", true)]
        [InlineData("10.255.255.255", true)]
        [InlineData("10.20.30.40", true)]
        [InlineData("11.0.0.0", false)]
        [InlineData("9.255.255.255", false)]
        [InlineData("192.168.1.10", true)]
        [InlineData("192.168.1.20", true)]
        [InlineData("192.168.1.21", false)]
        [InlineData("2001:db8::", true)]
        [InlineData("2001:db8::ffff", true)]
        [InlineData("2001:0db8:0000:0000:0000:0000:0000:1234", true)]
        [InlineData("2001:db8::1:0", false)]
        [InlineData("fe80::1", true)]
        [InlineData("fe80::ff", true)]
        [InlineData("fe80::100", false)]
        [InlineData("::ffff:10.1.2.3", true)]
        [InlineData("::ffff:11.1.2.3", false)]
        public void InclusiveRangesOfBothFamilies(string address, bool allowed)
        {
            Assert.Equal(allowed, AllowedNetworks.Parse(Ranges).Allows(IPAddress.Parse(address)));
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        [InlineData(" ; ")]
        public void EmptyListAllowsEverywhere(string? text)
        {
            var networks = AllowedNetworks.Parse(text);
            Assert.True(networks.AllowsEverywhere);
            Assert.True(networks.Allows(IPAddress.Parse("203.0.113.9")));
        }

        [Fact]
        public void AnIPv4RangeDoesNotMatchAnUnmappedIPv6Address()
        {
            Assert.False(AllowedNetworks.Parse("0.0.0.0/255.255.255.255").Allows(IPAddress.Parse("2001:db8::1")));
        }

        [Theory]
        [InlineData("10.0.0.1", "not of the form lower/upper")]
        [InlineData("10.0.0.1/10.0.0.300", "\"10.0.0.300\" is not an IPv4 or IPv6 address")]
        [InlineData("10.0.0.9/10.0.0.1", "lower address above its upper")]
        [InlineData("10.0.0.1/fe80::1", "mixes")]
        [InlineData("10.1/10.2", "\"10.1\" is not an IPv4")]
        [InlineData("fe80::1%eth0/fe80::2", "is not an IPv4 or IPv6")]
        [InlineData("010.0.0.1/10.0.0.9", "read as octal")]
        [InlineData("10.0.0.1/10.0.0.09", "read as octal")]
        [InlineData("127.1/127.2", "\"127.1\" is not an IPv4")]
        [InlineData("0x7f.0.0.1/127.0.0.2", "is not an IPv4")]
        [InlineData("2130706433/2130706434", "is not an IPv4")]
        [InlineData("１０.0.0.1/10.0.0.2", "is not an IPv4")]
        [InlineData("::ffff:010.0.0.1/::ffff:10.0.0.2", "is not an IPv4")]
        public void MalformedEntriesAreNamed(string entry, string expected)
        {
            var ex = Assert.Throws<FormatException>(() => AllowedNetworks.Parse("192.168.0.1/192.168.0.2;" + entry + ";"));
            Assert.Contains(expected, ex.Message);
            Assert.Contains(entry, ex.Message);
        }
    }
}
