using System;
using System.Linq;
using SecureMFA.Core.Configuration;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Text pasted from web pages: typographic quotes, duplicates, and where the file breaks.</summary>
    public class ConfigurationSyntaxTests
    {
        private static string OriginalWithLine(int line, string replacement)
        {
            var lines = OriginalConfigurationTests.OriginalSample.Split('\n');
            lines[line - 1] = replacement;
            return string.Join("\n", lines);
        }

        private static string Single(string json) => Assert.Single(ConfigurationLoader.Parse(json).Errors).Message;

        [Fact]
        public void ATypographicQuoteIsNamedWithLineColumnAndCharacter()
        {
            var message = Single(OriginalWithLine(21, "\"totp_offline_qr_algorithm\": \u201CSHA1\u201D,"));
            Assert.Equal("The configuration is not valid JSON: line 21, column 30: \u201C (U+201C) is a typographic quote; JSON needs straight double quotes \"", message);
        }

        [Theory]
        // Closing quote typographic: the string runs to the end of the line.
        [InlineData("\"sqldbname\": \"SecureMfaOTP\u201D,", '\u201D')]
        // The original documentation's own line, as printed.
        [InlineData("\"totp_api_endpoint\": \"\u201D", '\u201D')]
        [InlineData("\"ui_allow_qr_display_from_networks\": \u201C;;;ee80:e1::/ee80:e1::ffff\u201D,", '\u201C')]
        // A key with typographic quotes.
        [InlineData("\u201Ccompany\u201D: \"MyCompany\",", '\u201C')]
        [InlineData("\"company\u201D: \"MyCompany\",", '\u201D')]
        // Single and low quotes, and a full-width one.
        [InlineData("\"sqldbname\": \u2018SecureMfaOTP\u2019,", '\u2018')]
        [InlineData("\"sqldbname\": \u201ESecureMfaOTP\u201C,", '\u201E')]
        [InlineData("\"sqldbname\": \uFF02SecureMfaOTP\uFF02,", '\uFF02')]
        public void WhereverATypographicQuoteBreaksTheFileItIsTheReportedCause(string line, char quote)
        {
            var json = OriginalWithLine(6, line);
            var column = line.IndexOf(quote) + 1;
            var message = Single(json);
            Assert.Contains($"line 6, column {column}: {quote} (U+{(int)quote:X4}) is a typographic quote", message);
        }

        [Fact]
        public void ATypographicQuoteInsideStraightQuotesIsAnErrorOutsideFreeText()
        {
            var json = OriginalWithLine(5, "\"sqlserver\": \"\u201Casqlaol1.adatum.labnet\u201D\",");
            var error = Assert.Single(ConfigurationLoader.Parse(json).Errors);
            Assert.Equal("sqlserver", error.Key);
            Assert.Equal("the value at line 5, column 15: \u201C (U+201C) is a typographic quote; JSON needs straight double quotes \"", error.Message);
        }

        [Fact]
        public void ATypographicQuoteInsideAStraightQuotedKeyIsAnErrorNamingTheKeyMeant()
        {
            var error = Assert.Single(ConfigurationLoader.Parse("{\n  \"company\u201D\": \"Adatum\"\n}").Errors);
            Assert.Equal("company", error.Key);
            Assert.Equal("the key at line 2, column 11: \u201D (U+201D) is a typographic quote; JSON needs straight double quotes \"", error.Message);
        }

        [Fact]
        public void FreeTextMayHoldTypographicQuotesAndApostrophes()
        {
            var result = ConfigurationLoader.Parse("{ \"ui_customization\": \"true\", \"ui_login_text\": \"Type the code from your authenticator\u2019s \u201Ccodes\u201D screen\", \"company\": \"O\u2019Brien & Co\" }");
            Assert.True(result.IsValid, string.Join("; ", result.Issues));
            Assert.Equal("Type the code from your authenticator\u2019s \u201Ccodes\u201D screen", result.Configuration!.UiLoginText);
        }

        [Fact]
        public void AnApostropheInAnUnterminatedTextIsNotBlamed()
        {
            // The missing closing quote is the cause; "it’s" is an ordinary apostrophe.
            var message = Single("{\n\"ui_login_text\": \"it\u2019s here,\n\"company\": \"x\"\n}");
            Assert.Contains("line 2", message);
            Assert.Contains("line break inside a string", message);
        }

        [Fact]
        public void AFileSavedInALegacyCodePageIsExplained()
        {
            var message = Single("{\n\"company\": \"x\",\n\"sqldbname\": \uFFFDSecureMfaOTP\uFFFD\n}");
            Assert.Contains("line 3, column 14: a character that is not valid UTF-8 (U+FFFD): save the file as UTF-8", message);
        }

        [Fact]
        public void AStraightSingleQuoteIsExplained()
        {
            Assert.Contains("line 1, column 14: ' is a single quote; JSON needs straight double quotes", Single("{ \"company\": 'a' }"));
        }

        [Fact]
        public void ADuplicateKeyInAnyLetterCaseIsAnErrorNamingBothLines()
        {
            var error = Assert.Single(ConfigurationLoader.Parse("{\n  \"Company\": \"Adatum\",\n  \"sqldbname\": \"x\",\n  \"company\": \"Contoso\"\n}").Errors);
            Assert.Equal("company", error.Key);
            Assert.Equal("is written twice, on line 2 (\"Company\") and line 4 (\"company\"); keep one", error.Message);
        }

        [Fact]
        public void AnExactDuplicateIsAnErrorToo()
        {
            var error = Assert.Single(ConfigurationLoader.Parse("{ \"verboselog\": \"false\",\n \"verboselog\": \"true\" }").Errors);
            Assert.Contains("line 1", error.Message);
            Assert.Contains("line 2", error.Message);
        }

        [Theory]
        [InlineData("{ \"company\": \"a\" \"auth_mode\": \"AD\" }", "expected ',' or '}' after the value of the key \"company\"")]
        [InlineData("{ \"company\" \"a\" }", "expected ':' after the key \"company\"")]
        [InlineData("{ \"company\": \"a\", }", "JSON allows no comma before '}'")]
        [InlineData("{ \"sqlserver\": \"host\\instance\" }", "a Windows path needs double backslashes")]
        [InlineData("{ \"sqlserver\": \"\\u12G4\" }", "four hexadecimal digits")]
        [InlineData("{ \"sqlserver\": host }", "the value of the key \"sqlserver\" is not in double quotes")]
        [InlineData("{ \"sqlserver\": [1] }", "must be a single value")]
        public void SyntaxErrorsSayWhatIsWrong(string json, string expected)
        {
            var message = Single(json);
            Assert.Contains("line 1, column", message);
            Assert.Contains(expected, message);
        }

        [Fact]
        public void AnUnknownKeyIsNotNamedInASyntaxError()
        {
            // An unknown "key" may be the tail of a broken secret: only known keys are ever named.
            var message = Single("{ \"Hunter2-tail\" \"x\" }");
            Assert.DoesNotContain("Hunter2", message);
            Assert.Contains("expected ':' after the key", message);
        }

        // The kernel reader's one policy, as the configuration states it (README, configuration reference).
        [Theory]
        [InlineData("{\n  \"ui_login_failures\": 07\n}", "line 2, column 24: the value of the key \"ui_login_failures\" is not a JSON number: a number may not start with 0")]
        [InlineData("{\n  \"ui_login_failures\": +5\n}", "line 2, column 24: the value of the key \"ui_login_failures\" is not a JSON number: a number may not start with '+'")]
        [InlineData("{\n  \"ui_login_failures\": 5.\n}", "line 2, column 24: the value of the key \"ui_login_failures\" is not a JSON number: '.' must be followed by a digit")]
        [InlineData("{\n  \"company\":\u00A0\"Adatum\"\n}", "line 2, column 13: U+00A0 is not JSON whitespace")]
        [InlineData("{\n  \"company\": \"Ada\ttum\"\n}", "line 2, column 18: a tab inside a string: write it as \\t")]
        public void TheStrictReadersRulesAreSyntaxErrorsWithLineAndColumn(string json, string expected)
        {
            Assert.StartsWith($"The configuration is not valid JSON: {expected}", Single(json));
        }

        [Fact]
        public void ASecretWithATabOrAnUnquotedSecretIsNeverRepeated()
        {
            Assert.DoesNotContain("Hunter2", Single("{ \"data_encryption_passphrase\": \"Hunter2\tSecret\" }"));
            Assert.DoesNotContain("Hunter2", Single("{ \"data_encryption_passphrase\": 0Hunter2 }"));
            Assert.DoesNotContain("Hunter2", Single("{ \"data_encryption_passphrase\": \"x\", \"data_encryption_passphrase\": \"Hunter2\" }"));
        }

        [Fact]
        public void AByteOrderMarkIsFine()
        {
            Assert.True(ConfigurationLoader.Parse("\uFEFF{ \"company\": \"Adatum\" }").IsValid);
        }

        [Fact]
        public void AnObjectOrArrayValueIsAnErrorOnItsKey()
        {
            var error = Assert.Single(ConfigurationLoader.Parse("{\n  \"sqlserver\": { \"host\": \"x\" }\n}").Errors);
            Assert.Equal("sqlserver", error.Key);
            Assert.Equal("line 2, column 16: must be a single value (a string, number, true or false), not an object", error.Message);
        }

        [Theory]
        [InlineData("sql_server", "sqlserver")]
        [InlineData("compnay", "company")]
        [InlineData("ui_login_failure", "ui_login_failures")]
        public void AnUnknownKeyNearOneOfOursNamesTheKeyMeant(string written, string meant)
        {
            var warning = Assert.Single(ConfigurationLoader.Parse($"{{ \"{written}\": \"x\" }}").Warnings);
            Assert.Equal(written, warning.Key);
            Assert.Equal($"unknown key, ignored: did you mean \"{meant}\"?", warning.Message);
        }

        [Fact]
        public void AnUnknownKeyFarFromOursSaysCheckTheSpelling()
        {
            var warning = Assert.Single(ConfigurationLoader.Parse("{ \"colour_scheme\": \"x\" }").Warnings);
            Assert.Equal("unknown key, ignored (check the spelling)", warning.Message);
        }
    }
}
