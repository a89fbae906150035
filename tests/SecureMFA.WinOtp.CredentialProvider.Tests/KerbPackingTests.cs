using System;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// The packed KERB_INTERACTIVE_UNLOCK_LOGON, byte for byte against a layout computed by hand (x64; see
    /// <see cref="KerbInteractiveUnlockLogonPacking"/>): header of 64 bytes, UNICODE_STRING buffers as offsets from the
    /// start of the structure, strings in the order domain, user, password, without terminators.
    /// </summary>
    public class KerbPackingTests
    {
        [Fact]
        public void PackProducesTheHandComputedLayout()
        {
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.WorkstationUnlockLogon, "AD", "bob", "pw!", 0x11223344, 0x55667788));
            var expected = new byte[]
            {
                // 0: MessageType = KerbWorkstationUnlockLogon (7), then 4 bytes of padding
                0x07, 0x00, 0x00, 0x00,  0x00, 0x00, 0x00, 0x00,
                // 8: LogonDomainName: Length 4, MaximumLength 4, padding, Buffer = offset 64
                0x04, 0x00, 0x04, 0x00,  0x00, 0x00, 0x00, 0x00,  0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                // 24: UserName: Length 6, MaximumLength 6, padding, Buffer = offset 68
                0x06, 0x00, 0x06, 0x00,  0x00, 0x00, 0x00, 0x00,  0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                // 40: Password: Length 6, MaximumLength 6, padding, Buffer = offset 74
                0x06, 0x00, 0x06, 0x00,  0x00, 0x00, 0x00, 0x00,  0x4A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                // 56: LogonId.LowPart 0x11223344, LogonId.HighPart 0x55667788 (little-endian)
                0x44, 0x33, 0x22, 0x11,  0x88, 0x77, 0x66, 0x55,
                // 64: "AD"
                (byte)'A', 0, (byte)'D', 0,
                // 68: "bob"
                (byte)'b', 0, (byte)'o', 0, (byte)'b', 0,
                // 74: "pw!"
                (byte)'p', 0, (byte)'w', 0, (byte)'!', 0,
            };
            Assert.Equal(80, expected.Length);
            Assert.Equal(expected, packed);
        }

        [Fact]
        public void EmptyStringsTakeNoBytesAndPointAtTheCurrentEnd()
        {
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "", "alice@adatum.labnet", ""));
            Assert.Equal(64 + 38, packed.Length);
            Assert.Equal(2, packed[0]);
            Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0 }, packed.Skip(8).Take(16));
            Assert.Equal(new byte[] { 38, 0, 38, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0 }, packed.Skip(24).Take(16));
            Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 102, 0, 0, 0, 0, 0, 0, 0 }, packed.Skip(40).Take(16));
        }

        [Fact]
        public void UnpackReadsWhatPackWroteAndTheQualifiedName()
        {
            var original = new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "ADATUM", "alice", "Winter2026!é€", 5, -1);
            var read = KerbInteractiveUnlockLogonPacking.TryUnpack(KerbInteractiveUnlockLogonPacking.Pack(original), out var problem);
            Assert.Null(problem);
            Assert.NotNull(read);
            Assert.Equal(("ADATUM", "alice", "Winter2026!é€", 5u, -1, KerbLogonMessageType.InteractiveLogon), (read!.Domain, read.UserName, read.Password, read.LogonIdLow, read.LogonIdHigh, read.MessageType));
            Assert.Equal(@"ADATUM\alice", read.QualifiedUserName);
            Assert.Equal("alice@adatum.labnet", new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "ADATUM", "alice@adatum.labnet", "").QualifiedUserName);
            Assert.Equal("alice", new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "", "alice", "").QualifiedUserName);
        }

        [Fact]
        public void UnpackReadsStringsWhereverTheOffsetsPoint()
        {
            // Another packer may put the strings in another order: only the offsets count.
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "D", "u", "p"));
            var swapped = (byte[])packed.Clone();
            Array.Copy(packed, 8 + 8, swapped, 40 + 8, 8);   // password's Buffer := domain's offset
            Array.Copy(packed, 40 + 8, swapped, 8 + 8, 8);   // domain's Buffer := password's offset
            var read = KerbInteractiveUnlockLogonPacking.TryUnpack(swapped, out _);
            Assert.Equal(("p", "u", "D"), (read!.Domain, read.UserName, read.Password));
        }

        [Theory]
        [InlineData("short", "shorter than")]
        [InlineData("type6", "message type 6")]
        [InlineData("odd", "UserName has a length of 5 bytes")]
        [InlineData("outside", "Password lies outside the buffer")]
        [InlineData("intoHeader", "UserName lies outside the buffer")]
        [InlineData("maximum", "UserName has a length of 10 bytes (maximum 2)")]
        public void UnpackRefusesWhatIsNotAnInteractiveLogon(string damage, string message)
        {
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "ADATUM", "alice", "pw"));
            switch (damage)
            {
                case "short": packed = packed.Take(63).ToArray(); break;
                case "type6": packed[0] = 6; break;
                case "odd": packed[24] = 5; break;
                case "outside": packed[48] = 250; break;
                case "intoHeader": packed[32] = 16; break;
                case "maximum": packed[26] = 2; break;
            }
            Assert.Null(KerbInteractiveUnlockLogonPacking.TryUnpack(packed, out var problem));
            Assert.Contains(message, problem);
        }
    
        [Fact]
        public void ThirtyTwoBitPackingProducesTheHandComputedLayout()
        {
            var packed = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.NotApplicable, "AD", "bob", "pw!", 0x11223344, 0x55667788), wow32: true);
            var expected = new byte[]
            {
                // 0: MessageType 0 (CredUI)
                0x00, 0x00, 0x00, 0x00,
                // 4: LogonDomainName: Length 4, MaximumLength 4, Buffer = offset 36 (4 bytes)
                0x04, 0x00, 0x04, 0x00,  0x24, 0x00, 0x00, 0x00,
                // 12: UserName: 6, 6, offset 40
                0x06, 0x00, 0x06, 0x00,  0x28, 0x00, 0x00, 0x00,
                // 20: Password: 6, 6, offset 46
                0x06, 0x00, 0x06, 0x00,  0x2E, 0x00, 0x00, 0x00,
                // 28: LogonId
                0x44, 0x33, 0x22, 0x11,  0x88, 0x77, 0x66, 0x55,
                // 36: "AD", 40: "bob", 46: "pw!"
                (byte)'A', 0, (byte)'D', 0,  (byte)'b', 0, (byte)'o', 0, (byte)'b', 0,  (byte)'p', 0, (byte)'w', 0, (byte)'!', 0,
            };
            Assert.Equal(expected, packed);
            var back = KerbInteractiveUnlockLogonPacking.TryUnpack(packed, out _, wow32: true)!;
            Assert.Equal(("AD", "bob", "pw!", 0x11223344u, 0x55667788), (back.Domain, back.UserName, back.Password, back.LogonIdLow, back.LogonIdHigh));
        }

        [Fact]
        public void ChangePasswordRequestProducesTheHandComputedLayout()
        {
            var packed = KerbChangePasswordPacking.Pack(new ChangePasswordRequest("AD", "bob", "o", "n!"));
            var expected = new byte[]
            {
                // 0: MessageType = KerbChangePasswordMessage (7), padding
                0x07, 0x00, 0x00, 0x00,  0x00, 0x00, 0x00, 0x00,
                // 8: DomainName 4/4 at 80
                0x04, 0x00, 0x04, 0x00,  0x00, 0x00, 0x00, 0x00,  0x50, 0, 0, 0, 0, 0, 0, 0,
                // 24: AccountName 6/6 at 84
                0x06, 0x00, 0x06, 0x00,  0x00, 0x00, 0x00, 0x00,  0x54, 0, 0, 0, 0, 0, 0, 0,
                // 40: OldPassword 2/2 at 90
                0x02, 0x00, 0x02, 0x00,  0x00, 0x00, 0x00, 0x00,  0x5A, 0, 0, 0, 0, 0, 0, 0,
                // 56: NewPassword 4/4 at 92
                0x04, 0x00, 0x04, 0x00,  0x00, 0x00, 0x00, 0x00,  0x5C, 0, 0, 0, 0, 0, 0, 0,
                // 72: Impersonating FALSE, padding to 80
                0x00, 0, 0, 0, 0, 0, 0, 0,
                // 80: "AD", "bob", "o", "n!"
                (byte)'A', 0, (byte)'D', 0,  (byte)'b', 0, (byte)'o', 0, (byte)'b', 0,  (byte)'o', 0,  (byte)'n', 0, (byte)'!', 0,
            };
            Assert.Equal(expected, packed);
            var back = KerbChangePasswordPacking.TryUnpack(packed)!;
            Assert.Equal(("AD", "bob", "o", "n!", "AD\\bob"), (back.Domain, back.AccountName, back.OldPassword, back.NewPassword, back.QualifiedUserName));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void AnUnlockIsNeverTakenForAChangeRequest(bool wow32)
        {
            // Both carry message type 7; the layouts tell them apart.
            foreach (var (domain, user) in new[] { ("ADATUM", "alice"), ("", "alice@adatum.labnet"), ("", "") })
            {
                var unlock = KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.WorkstationUnlockLogon, domain, user, "secret-password"), wow32);
                Assert.Null(KerbChangePasswordPacking.TryUnpack(unlock, wow32));
            }
            var change = KerbChangePasswordPacking.Pack(new ChangePasswordRequest("ADATUM", "alice", "old", "new"), wow32);
            Assert.Equal("alice", KerbChangePasswordPacking.TryUnpack(change, wow32)!.AccountName);
            Assert.Null(KerbChangePasswordPacking.TryUnpack(change, !wow32));
        }
    }
}
