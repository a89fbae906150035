using System;
using SecureMFA.Otp.Identity;
using Xunit;

namespace SecureMFA.Otp.Tests.Identity
{
    public class UpnTests
    {
        [Theory]
        [InlineData("Alice@Adatum.Labnet", "alice@adatum.labnet")]
        [InlineData("  bob@adatum.labnet\t", "bob@adatum.labnet")]
        [InlineData("ÉLODIE@adatum.labnet", "élodie@adatum.labnet")]
        public void CaseFoldsWithTheInvariantCulture(string upn, string key)
        {
            Assert.Equal(key, Upn.Normalize(upn));
        }

        [Theory]
        [InlineData("\u212Aelvin@adatum.labnet", "U+212A")]          // KELVIN SIGN, folds to k
        [InlineData("ａlice@adatum.labnet", "U+FF41")]               // full-width a
        [InlineData("e\u0301lodie@adatum.labnet", "U+0065")]         // e + combining acute: the decomposed spelling of é
        [InlineData("ﬁona@adatum.labnet", "U+FB01")]                  // the fi ligature
        public void CompatibilitySpellingsAreRefusedSoOneUserCannotExistTwice(string upn, string named)
        {
            var ex = Assert.Throws<ArgumentException>(() => Upn.Normalize(upn));
            Assert.Contains(named, ex.Message);
            Assert.False(Upn.TryNormalize(upn, out var key, out var problem));
            Assert.Equal("", key);
            Assert.Contains(named, problem);
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
        [InlineData("ali\u202Ece@adatum.labnet", "invisible")]      // RIGHT-TO-LEFT OVERRIDE
        [InlineData("alice\n@adatum.labnet", "control character (U+000A)")]
        public void MalformedUpnsAreRefusedSayingWhy(string upn, string reason)
        {
            Assert.Contains(reason, Assert.Throws<ArgumentException>(() => Upn.Normalize(upn)).Message);
            Assert.False(Upn.TryNormalize(upn, out _, out var problem));
            Assert.Contains(reason, problem);
        }

        [Fact]
        public void TooLongIsRefused()
        {
            Assert.Throws<ArgumentException>(() => Upn.Normalize(new string('a', 250) + "@adatum.labnet"));
            Assert.False(Upn.TryNormalize(new string('a', 243) + "@adatum.labnet", out _, out var problem));
            Assert.Contains("256", problem);
            Assert.True(Upn.TryNormalize(new string('a', 242) + "@adatum.labnet", out var key, out _));
            Assert.Equal(256, key.Length);
        }

        [Theory]
        [InlineData(" alice@adatum.labnet")]
        [InlineData("alice@adatum.labnet\t")]
        [InlineData("alice@adatum.labnet\u00A0")]
        public void TheSpellingAsSentIsNotTrimmedButRefused(string upn)
        {
            Assert.False(Upn.TryNormalize(upn, out _, out var problem));
            Assert.Equal("The UPN starts or ends with a space.", problem);
            Assert.Equal("alice@adatum.labnet", Upn.Normalize(upn));
        }

        [Fact]
        public void TryNormalizeFoldsCaseAndRefusesNull()
        {
            Assert.True(Upn.TryNormalize("Alice@Adatum.Labnet", out var key, out var problem));
            Assert.Equal(("alice@adatum.labnet", ""), (key, problem));
            Assert.False(Upn.TryNormalize(null, out _, out problem));
            Assert.Contains("empty", problem);
        }
    }
}
