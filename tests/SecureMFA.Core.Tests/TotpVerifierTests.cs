using System;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class TotpVerifierTests
    {
        private static readonly byte[] Key = SharedSecret.NewKey();
        private static readonly DateTime Now = new DateTime(2026, 11, 22, 10, 0, 15, DateTimeKind.Utc);

        private static string CodeAt(DateTime time, TotpParameters? p = null) => TotpGenerator.Compute(Key, p ?? TotpParameters.Default, time);

        [Theory]
        [InlineData(-30, -1)]
        [InlineData(0, 0)]
        [InlineData(30, 1)]
        public void AcceptsCodesWithinTheDefaultWindowAndReportsDrift(int offsetSeconds, int expectedDrift)
        {
            var match = new TotpVerifier().Verify(Key, CodeAt(Now.AddSeconds(offsetSeconds)), TotpParameters.Default, Now);
            Assert.NotNull(match);
            Assert.Equal(expectedDrift, match!.DriftSteps);
            Assert.Equal(TotpVerifier.TimeStepAt(Now, 30) + expectedDrift, match.TimeStep);
        }

        [Theory]
        [InlineData(-60)]
        [InlineData(60)]
        public void RefusesCodesOutsideTheWindow(int offsetSeconds)
        {
            Assert.Null(new TotpVerifier().Verify(Key, CodeAt(Now.AddSeconds(offsetSeconds)), TotpParameters.Default, Now));
        }

        [Fact]
        public void AWiderWindowAcceptsLargerDriftAndSaysHowLarge()
        {
            var match = new TotpVerifier(3).Verify(Key, CodeAt(Now.AddSeconds(-90)), TotpParameters.Default, Now);
            Assert.Equal(-3, match!.DriftSteps);
        }

        [Fact]
        public void SpacesAreIgnored()
        {
            var code = CodeAt(Now);
            Assert.NotNull(new TotpVerifier().Verify(Key, " " + code.Substring(0, 3) + " " + code.Substring(3) + "\t", TotpParameters.Default, Now));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("12345")]
        [InlineData("1234567")]
        [InlineData("12a456")]
        [InlineData("١٢٣٤٥٦")]
        [InlineData("-12345")]
        public void MalformedInputIsAFailure(string? input)
        {
            Assert.Null(new TotpVerifier().Verify(Key, input, TotpParameters.Default, Now));
        }

        [Fact]
        public void AWrongCodeIsRefused()
        {
            var code = CodeAt(Now);
            var wrong = ((int.Parse(code) + 1) % 1000000).ToString("D6");
            Assert.Null(new TotpVerifier(0).Verify(Key, wrong, TotpParameters.Default, Now));
        }

        [Theory]
        [InlineData(TotpAlgorithm.SHA256, 8, 60)]
        [InlineData(TotpAlgorithm.SHA512, 6, 15)]
        public void OtherParametersVerify(TotpAlgorithm algorithm, int digits, int period)
        {
            var p = new TotpParameters(algorithm, digits, period);
            var match = new TotpVerifier().Verify(Key, CodeAt(Now, p), p, Now);
            Assert.Equal(TotpVerifier.TimeStepAt(Now, period), match!.TimeStep);
        }

        [Fact]
        public void SecretsAre160RandomBitsInUnpaddedBase32()
        {
            var key = SharedSecret.NewKey();
            Assert.Equal(20, key.Length);
            var text = SharedSecret.ToBase32(key);
            Assert.Equal(32, text.Length);
            Assert.Matches("^[A-Z2-7]{32}$", text);
            Assert.Equal(key, SharedSecret.FromBase32(text.ToLowerInvariant().Insert(4, " ")));
            Assert.NotEqual(key, SharedSecret.NewKey());
        }

        [Fact]
        public void NonBase32SecretIsRefusedWithAMessage()
        {
            var ex = Assert.Throws<FormatException>(() => SharedSecret.FromBase32("ABC1"));
            Assert.Contains("Base32", ex.Message);
        }
    }
}
