using System;
using SecureMFA.Core.Stores;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class UpnKeyTests
    {
        [Theory]
        [InlineData("Alice@Adatum.Labnet", "alice@adatum.labnet")]
        [InlineData("  bob@adatum.labnet\t", "bob@adatum.labnet")]
        [InlineData("ÉLODIE@adatum.labnet", "élodie@adatum.labnet")]
        public void CaseFoldsWithTheInvariantCulture(string upn, string key)
        {
            Assert.Equal(key, UpnKey.Normalize(upn));
        }

        [Theory]
        [InlineData("\u212Aelvin@adatum.labnet", "U+212A")]          // KELVIN SIGN, folds to k
        [InlineData("ａlice@adatum.labnet", "U+FF41")]               // full-width a
        [InlineData("e\u0301lodie@adatum.labnet", "U+0065")]         // e + combining acute: the decomposed spelling of é
        [InlineData("ﬁona@adatum.labnet", "U+FB01")]                  // the fi ligature
        public void CompatibilitySpellingsAreRefusedSoOneUserCannotExistTwice(string upn, string named)
        {
            var ex = Assert.Throws<ArgumentException>(() => UpnKey.Normalize(upn));
            Assert.Contains(named, ex.Message);
        }

        [Theory]
        [InlineData("not a upn", "space")]
        [InlineData("x", "name@domain")]
        [InlineData("@adatum.labnet", "name@domain")]
        [InlineData("alice@", "name@domain")]
        [InlineData("a@b@c", "name@domain")]
        [InlineData("", "empty")]
        [InlineData("ali\u200Bce@adatum.labnet", "invisible")]
        [InlineData("alice\u2028@adatum.labnet", "invisible")]
        public void MalformedUpnsAreRefusedSayingWhy(string upn, string reason)
        {
            Assert.Contains(reason, Assert.Throws<ArgumentException>(() => UpnKey.Normalize(upn)).Message);
        }

        [Fact]
        public void TooLongIsRefused()
        {
            Assert.Throws<ArgumentException>(() => UpnKey.Normalize(new string('a', 250) + "@adatum.labnet"));
        }
    }
}
