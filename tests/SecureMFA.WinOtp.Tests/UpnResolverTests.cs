using SecureMFA.WinOtp.Users;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    public class UpnResolverTests
    {
        [Theory]
        [InlineData("alice", "alice@adatum.labnet")]
        [InlineData("  Alice ", "alice@adatum.labnet")]
        [InlineData(@"ADATUM\alice", "alice@adatum.labnet")]
        [InlineData(@"adatum.labnet\Alice", "alice@adatum.labnet")]
        [InlineData(@".\alice", "alice@adatum.labnet")]
        [InlineData(@"PC1\Administrator", "administrator@adatum.labnet")]
        [InlineData("Alice@Adatum.Labnet", "alice@adatum.labnet")]
        [InlineData("bob@contoso.com", "bob@contoso.com")]
        public void NamesJoinTheAnchorAsTheOriginalProduct(string typed, string upn)
        {
            Assert.True(UpnResolver.TryResolve(typed, "adatum.labnet", out var resolved, out var error), error);
            Assert.Equal(upn, resolved);
        }

        [Theory]
        [InlineData("", "Type your user name.")]
        [InlineData("   ", "Type your user name.")]
        [InlineData(@"ADATUM\", "The user name is empty.")]
        [InlineData("@adatum.labnet", "The user name is empty.")]
        [InlineData("alice@", "is not a domain name")]
        [InlineData("alice@bad domain", "is not a domain name")]
        [InlineData(@"ADATUM\alice@adatum.labnet", "contains a character")]
        [InlineData("al:ice", "contains a character")]
        [InlineData("ali ce", "contains a character")]
        [InlineData("alice\nbob", "control character")]
        public void BadNamesAreRefusedWithAReason(string typed, string reason)
        {
            Assert.False(UpnResolver.TryResolve(typed, "adatum.labnet", out var upn, out var error));
            Assert.Equal("", upn);
            Assert.Contains(reason, error);
        }

        [Fact]
        public void TooLongNamesAreRefused()
        {
            Assert.False(UpnResolver.TryResolve(new string('a', 257), "adatum.labnet", out _, out var error));
            Assert.Contains("256", error);
            Assert.False(UpnResolver.TryResolve(new string('a', 250), "adatum.labnet", out _, out error));
            Assert.Contains("256", error);
        }

        [Theory]
        [InlineData("adatum.labnet", true)]
        [InlineData("a-b.c", true)]
        [InlineData("-a.b", false)]
        [InlineData("a..b", false)]
        [InlineData("a_b.c", false)]
        [InlineData("", false)]
        public void DnsNames(string name, bool valid) => Assert.Equal(valid, UpnResolver.IsDnsName(name));
    }
}
