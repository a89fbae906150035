using System;
using System.Linq;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;
using Xunit;

namespace SecureMFA.Otp.Tests.Protocol
{
    /// <summary>The offline help-desk challenge and answer: bound to the device key, device, user, generation and minute.</summary>
    public class OfflineUnlockTests
    {
        private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        private static readonly byte[] OtherKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        private const string DeviceId = "3f2a9c0e5b7d41e8a6c4f0b2d9e8a7c1";
        private const string Upn = "alice@adatum.labnet";
        private const long Now = 1764500000;

        private static OfflineUnlock Challenge(long at = Now, long generation = 7, int nonce = 0xBEEF) => OfflineUnlock.Issue(Key, DeviceId, Upn, at, generation, nonce);

        [Fact]
        public void TheChallengeIsTenCharactersTheServerReadsBackWithItsFields()
        {
            var challenge = Challenge();
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", challenge.Display);
            var read = OfflineUnlock.Read(Key, DeviceId, Upn, challenge.Display.ToLowerInvariant(), Now + 600)!;
            Assert.Equal((Now / 60, 7, 0xBEEF, challenge.Text), (read.Minute, read.Generation, read.Nonce, read.Text));
            Assert.Equal(challenge.Answer(Key, DeviceId, Upn), read.Answer(Key, DeviceId, Upn));
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", read.Answer(Key, DeviceId, Upn));
            // The minute's 16 bits wrap every 45 days: the server takes the one nearest its clock.
            Assert.Equal(Now / 60, OfflineUnlock.Read(Key, DeviceId, Upn, challenge.Text, Now - 3600)!.Minute);
        }

        [Fact]
        public void AChallengeOfAnotherComputerOrUserOrAMisheardOneIsRefusedMostly()
        {
            var challenge = Challenge();
            Assert.Null(OfflineUnlock.Read(OtherKey, DeviceId, Upn, challenge.Text, Now));
            Assert.Null(OfflineUnlock.Read(Key, DeviceId, "bob@adatum.labnet", challenge.Text, Now));
            Assert.Null(OfflineUnlock.Read(Key, "0123456789abcdef0123456789abcdef", Upn, challenge.Text, Now));
            // Every one-character change: the 10-bit check lets about 1 in 1024 through.
            var passed = 0;
            var tried = 0;
            for (var i = 0; i < OfflineUnlock.Length; i++)
                foreach (var c in RecoveryCodeText.Alphabet.Where(c => c != challenge.Text[i]))
                {
                    tried++;
                    if (OfflineUnlock.Read(Key, DeviceId, Upn, challenge.Text.Substring(0, i) + c + challenge.Text.Substring(i + 1), Now) != null) passed++;
                }
            Assert.Equal(310, tried);
            Assert.True(passed <= 3, $"{passed} of {tried} altered challenges passed the check");
            Assert.Null(OfflineUnlock.Read(Key, DeviceId, Upn, "UUUUU-UUUUU", Now));
            Assert.Null(OfflineUnlock.Read(Key, DeviceId, Upn, challenge.Text.Substring(1), Now));
        }

        [Fact]
        public void TheAnswerDiffersForEveryDeviceUserGenerationMinuteAndNonce()
        {
            var answer = Challenge().Answer(Key, DeviceId, Upn);
            Assert.True(Challenge().IsAnswer(Key, DeviceId, Upn, OfflineUnlock.Group(answer).ToLowerInvariant()));
            Assert.False(Challenge().IsAnswer(Key, DeviceId, Upn, answer.Substring(1) + (answer[0] == '0' ? "1" : "0")));
            var others = new[]
            {
                Challenge().Answer(OtherKey, DeviceId, Upn),
                Challenge().Answer(Key, DeviceId, "bob@adatum.labnet"),
                Challenge(generation: 8).Answer(Key, DeviceId, Upn),
                Challenge(at: Now + 60).Answer(Key, DeviceId, Upn),
                Challenge(nonce: 0xBEEE).Answer(Key, DeviceId, Upn),
            };
            Assert.All(others, other => Assert.NotEqual(answer, other));
            Assert.Equal(others.Length, others.Distinct().Count());
        }

        [Theory]
        [InlineData("7kq2m-9xh4d", "7KQ2M9XH4D")]
        [InlineData("7KQ2M 9XH4D", "7KQ2M9XH4D")]
        [InlineData("OIL00-00000", "0110000000")]
        [InlineData("7KQ2M-9XH4", null)]
        [InlineData("7KQ2M-9XH4U", null)]
        [InlineData("7KQ2M-9XH4DD", null)]
        public void TypedTextIsReadTheOneWay(string typed, string? expected)
        {
            Assert.Equal(expected, OfflineUnlock.Normalize(typed));
        }
    }
}
