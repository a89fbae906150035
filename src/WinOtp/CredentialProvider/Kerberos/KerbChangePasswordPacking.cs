using System;

namespace SecureMFA.WinOtp.CredentialProvider.Kerberos
{
    /// <summary>
    /// The packed KERB_CHANGEPASSWORD_REQUEST (ntsecapi.h) the Password provider serializes to change a password — at
    /// Ctrl+Alt+Del "Change a password" (CPUS_CHANGE_PASSWORD) and for an expired or must-change password on the logon
    /// tile. x64:
    /// <code>
    /// offset  size  field
    ///   0      4    MessageType (KerbChangePasswordMessage = 7)
    ///   8     16    DomainName   (UNICODE_STRING, see <see cref="PackedUnicodeString"/>)
    ///  24     16    AccountName
    ///  40     16    OldPassword
    ///  56     16    NewPassword
    ///  72      1    Impersonating (BOOLEAN), then padding to 80
    ///  80      …    the strings
    /// </code>
    /// 32-bit packing: the strings' headers at 4, 12, 20, 28, Impersonating at 36, the strings from 40.
    /// Its message type, 7, is also KerbWorkstationUnlockLogon's: a change request is told from an unlock by its
    /// layout — its strings start after its longer header, and fill the buffer exactly.
    /// </summary>
    public static class KerbChangePasswordPacking
    {
        public const int MessageType = 7;
        public const int HeaderSize = 80;
        public const int HeaderSize32 = 40;

        public static byte[] Pack(ChangePasswordRequest request, bool wow32 = false)
        {
            _ = request ?? throw new ArgumentNullException(nameof(request));
            var parts = new[]
            {
                PackedUnicodeString.Encode(request.Domain, nameof(request)), PackedUnicodeString.Encode(request.AccountName, nameof(request)),
                PackedUnicodeString.Encode(request.OldPassword, nameof(request)), PackedUnicodeString.Encode(request.NewPassword, nameof(request)),
            };
            var header = wow32 ? HeaderSize32 : HeaderSize;
            var length = header;
            foreach (var part in parts) length += part.Length;
            var buffer = new byte[length];
            PackedUnicodeString.WriteInt32(buffer, 0, MessageType);
            var field = wow32 ? 4 : 8;
            var next = header;
            foreach (var part in parts)
            {
                next = PackedUnicodeString.Write(buffer, field, part, next, wow32);
                field += PackedUnicodeString.Size(wow32);
            }
            buffer[field] = request.Impersonating ? (byte)1 : (byte)0;
            return buffer;
        }

        /// <summary>The request, or null when the buffer is not a well-formed packed KERB_CHANGEPASSWORD_REQUEST.</summary>
        public static ChangePasswordRequest? TryUnpack(byte[] buffer, bool wow32 = false)
        {
            var header = wow32 ? HeaderSize32 : HeaderSize;
            if (buffer == null || buffer.Length < header || PackedUnicodeString.ReadInt32(buffer, 0) != MessageType) return null;
            string? problem = null;
            var field = wow32 ? 4 : 8;
            var size = PackedUnicodeString.Size(wow32);
            var strings = new string?[4];
            var total = header;
            for (var i = 0; i < 4; i++)
            {
                strings[i] = PackedUnicodeString.Read(buffer, field + i * size, header, $"string {i}", wow32, ref problem);
                if (strings[i] == null) return null;
                total += strings[i]!.Length * 2;
            }
            var impersonating = buffer[field + 4 * size];
            // An unlock logon read this way would have its strings inside this header, or bytes left over.
            if (total != buffer.Length || impersonating > 1 || strings[1]!.Length == 0) return null;
            return new ChangePasswordRequest(strings[0]!, strings[1]!, strings[2]!, strings[3]!, impersonating == 1);
        }
    }

    /// <summary>What a KERB_CHANGEPASSWORD_REQUEST asks: the passwords as serialized (possibly CredProtect-ed).</summary>
    public sealed class ChangePasswordRequest
    {
        public ChangePasswordRequest(string domain, string accountName, string oldPassword, string newPassword, bool impersonating = false)
        {
            Domain = domain ?? "";
            AccountName = accountName ?? "";
            OldPassword = oldPassword ?? "";
            NewPassword = newPassword ?? "";
            Impersonating = impersonating;
        }

        public string Domain { get; }
        public string AccountName { get; }
        public string OldPassword { get; }
        public string NewPassword { get; }
        public bool Impersonating { get; }

        /// <summary>As <see cref="InteractiveUnlockLogon.QualifiedUserName"/>.</summary>
        public string QualifiedUserName => Domain.Length == 0 || AccountName.IndexOf('@') >= 0 ? AccountName : $"{Domain}\\{AccountName}";
    }
}
