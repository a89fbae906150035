using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Otp.Tests.Totp
{
    public class TypedCodeTests
    {
        [Theory]
        [InlineData("287082", 6, "287082")]
        [InlineData(" 287 082 ", 6, "287082")]
        [InlineData("287\t082", 6, "287082")]
        [InlineData("2870\u00A08211", 8, "28708211")]       // a no-break space is white space
        public void WhiteSpaceIsDropped(string typed, int digits, string code)
        {
            Assert.Equal(code, new string(TypedCode.Digits(typed, digits)));
        }

        [Theory]
        [InlineData(null, 6)]
        [InlineData("", 6)]
        [InlineData("28708", 6)]
        [InlineData("2870821", 6)]                  // one too many
        [InlineData("287082", 8)]
        [InlineData("287-082", 6)]                  // dashes are not dropped: the text is not a code
        [InlineData("２８７０８２", 6)]              // full-width digits
        [InlineData("٢٨٧٠٨٢", 6)]                   // Arabic-Indic digits
        [InlineData("28708a", 6)]
        [InlineData("287\u200B082", 6)]             // a zero-width space is not white space
        public void AnythingElseIsNotACode(string? typed, int digits)
        {
            Assert.Null(TypedCode.Digits(typed, digits));
        }

        [Theory]
        [InlineData("287082", "287082")]
        [InlineData("2870 8211", "28708211")]
        [InlineData("28708", null)]
        [InlineData("2870821", null)]               // 7 digits: no user has them
        [InlineData("287082112", null)]
        [InlineData("287-082", null)]
        [InlineData("２８７０８２", null)]
        [InlineData(null, null)]
        public void WithoutTheDigitCountSixOrEightDigitsAreACode(string? typed, string? code)
        {
            Assert.Equal(code, TypedCode.Normalize(typed));
        }

        [Fact]
        public void ACodeOfEitherRuleReadsAlike()
        {
            foreach (var typed in new[] { " 123 456", "12345678", "1234-5678", "１２３４５６" })
            {
                var any = TypedCode.Normalize(typed);
                Assert.Equal(any, TypedCode.Digits(typed, 6) is { } six ? new string(six) : TypedCode.Digits(typed, 8) is { } eight ? new string(eight) : null);
            }
        }
    }
}
