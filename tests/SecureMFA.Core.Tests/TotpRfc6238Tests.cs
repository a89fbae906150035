using System;
using System.Text;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>RFC 6238 Appendix B: every test vector, for our HOTP core, Otp.NET and the verifier.</summary>
    public class TotpRfc6238Tests
    {
        private static byte[] KeyFor(TotpAlgorithm algorithm) => Encoding.ASCII.GetBytes(algorithm switch
        {
            TotpAlgorithm.SHA1 => "12345678901234567890",
            TotpAlgorithm.SHA256 => "12345678901234567890123456789012",
            _ => "1234567890123456789012345678901234567890123456789012345678901234",
        });

        public static TheoryData<long, TotpAlgorithm, string> Vectors => new TheoryData<long, TotpAlgorithm, string>
        {
            { 59, TotpAlgorithm.SHA1, "94287082" }, { 59, TotpAlgorithm.SHA256, "46119246" }, { 59, TotpAlgorithm.SHA512, "90693936" },
            { 1111111109, TotpAlgorithm.SHA1, "07081804" }, { 1111111109, TotpAlgorithm.SHA256, "68084774" }, { 1111111109, TotpAlgorithm.SHA512, "25091201" },
            { 1111111111, TotpAlgorithm.SHA1, "14050471" }, { 1111111111, TotpAlgorithm.SHA256, "67062674" }, { 1111111111, TotpAlgorithm.SHA512, "99943326" },
            { 1234567890, TotpAlgorithm.SHA1, "89005924" }, { 1234567890, TotpAlgorithm.SHA256, "91819424" }, { 1234567890, TotpAlgorithm.SHA512, "93441116" },
            { 2000000000, TotpAlgorithm.SHA1, "69279037" }, { 2000000000, TotpAlgorithm.SHA256, "90698825" }, { 2000000000, TotpAlgorithm.SHA512, "38618901" },
            { 20000000000, TotpAlgorithm.SHA1, "65353130" }, { 20000000000, TotpAlgorithm.SHA256, "77737706" }, { 20000000000, TotpAlgorithm.SHA512, "47863826" },
        };

        private static DateTime At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;

        [Theory, MemberData(nameof(Vectors))]
        public void HotpCoreProducesTheVector(long unix, TotpAlgorithm algorithm, string expected)
        {
            var code = HotpCode.Compute(KeyFor(algorithm), unix / 30, algorithm, 8);
            Assert.Equal(expected, code.ToString("D8"));
        }

        [Theory, MemberData(nameof(Vectors))]
        public void OtpNetGeneratorProducesTheVector(long unix, TotpAlgorithm algorithm, string expected)
        {
            var parameters = new TotpParameters(algorithm, 8, 30);
            Assert.Equal(expected, TotpGenerator.Compute(KeyFor(algorithm), parameters, At(unix)));
        }

        [Theory, MemberData(nameof(Vectors))]
        public void VerifierAcceptsTheVectorAtItsStepWithoutDrift(long unix, TotpAlgorithm algorithm, string expected)
        {
            var match = new TotpVerifier(0).Verify(KeyFor(algorithm), expected, new TotpParameters(algorithm, 8, 30), At(unix));
            Assert.NotNull(match);
            Assert.Equal(unix / 30, match!.TimeStep);
            Assert.Equal(0, match.DriftSteps);
        }

        [Theory, MemberData(nameof(Vectors))]
        public void SixDigitCodeIsTheLastSixDigitsOfTheVector(long unix, TotpAlgorithm algorithm, string expected)
        {
            var match = new TotpVerifier(0).Verify(KeyFor(algorithm), expected.Substring(2), new TotpParameters(algorithm, 6, 30), At(unix));
            Assert.NotNull(match);
        }
    }
}
