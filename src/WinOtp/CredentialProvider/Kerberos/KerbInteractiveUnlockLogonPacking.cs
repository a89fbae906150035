using System;

namespace SecureMFA.WinOtp.CredentialProvider.Kerberos
{
    /// <summary>
    /// The packed (serialized) KERB_INTERACTIVE_UNLOCK_LOGON that Winlogon and LSA take, as the Password provider
    /// produces it and as Microsoft's credential provider samples document it (KerbInteractiveUnlockLogonPack), x64:
    /// <code>
    /// offset  size  field
    ///   0      4    Logon.MessageType (KERB_LOGON_SUBMIT_TYPE)
    ///   4      4    (padding: UNICODE_STRING is 8-aligned)
    ///   8     16    Logon.LogonDomainName  USHORT Length, USHORT MaximumLength, 4 padding, PWSTR Buffer
    ///  24     16    Logon.UserName         (same)
    ///  40     16    Logon.Password         (same)
    ///  56      8    LogonId                DWORD LowPart, LONG HighPart
    ///  64      …    the strings, UTF-16LE, no terminators: domain, then user name, then password
    /// </code>
    /// In the packed form each Buffer is not a pointer but the string's byte offset from the start of the structure;
    /// Length and MaximumLength are the string's length in bytes. For a 32-bit CredUI caller (CREDUIWIN_PACK_32_WOW) the
    /// same structure is packed as a 32-bit process lays it out: MessageType at 0, the three UNICODE_STRINGs (8 bytes
    /// each, Buffer a 4-byte offset) at 4, 12 and 20, LogonId at 28, the strings from 36.
    /// </summary>
    public static class KerbInteractiveUnlockLogonPacking
    {
        public const int HeaderSize = 64;
        public const int HeaderSize32 = 36;

        public static byte[] Pack(InteractiveUnlockLogon logon, bool wow32 = false)
        {
            _ = logon ?? throw new ArgumentNullException(nameof(logon));
            var domain = PackedUnicodeString.Encode(logon.Domain, nameof(logon));
            var user = PackedUnicodeString.Encode(logon.UserName, nameof(logon));
            var password = PackedUnicodeString.Encode(logon.Password, nameof(logon));
            var header = wow32 ? HeaderSize32 : HeaderSize;
            var size = PackedUnicodeString.Size(wow32);

            var buffer = new byte[header + domain.Length + user.Length + password.Length];
            PackedUnicodeString.WriteInt32(buffer, 0, (int)logon.MessageType);
            var field = wow32 ? 4 : 8;
            var next = header;
            next = PackedUnicodeString.Write(buffer, field, domain, next, wow32);
            next = PackedUnicodeString.Write(buffer, field + size, user, next, wow32);
            PackedUnicodeString.Write(buffer, field + 2 * size, password, next, wow32);
            var logonId = field + 3 * size;
            PackedUnicodeString.WriteInt32(buffer, logonId, unchecked((int)logon.LogonIdLow));
            PackedUnicodeString.WriteInt32(buffer, logonId + 4, logon.LogonIdHigh);
            return buffer;
        }

        /// <summary>
        /// Reads a packed KERB_INTERACTIVE_UNLOCK_LOGON (x64, or a 32-bit caller's with <paramref name="wow32"/>). Null,
        /// with <paramref name="problem"/>, for anything that is not one: too short, a string outside the buffer or of
        /// odd length, a message type other than logon, unlock or CredUI (for example a smart-card message, which the
        /// shell does not check). A change-password request is told apart by <see cref="KerbChangePasswordPacking"/>.
        /// </summary>
        public static InteractiveUnlockLogon? TryUnpack(byte[] buffer, out string? problem, bool wow32 = false)
        {
            problem = null;
            var header = wow32 ? HeaderSize32 : HeaderSize;
            if (buffer == null || buffer.Length < header)
            {
                problem = $"shorter than a {(wow32 ? "32-bit " : "")}KERB_INTERACTIVE_UNLOCK_LOGON ({header} bytes)";
                return null;
            }
            var type = PackedUnicodeString.ReadInt32(buffer, 0);
            if (type != (int)KerbLogonMessageType.InteractiveLogon && type != (int)KerbLogonMessageType.WorkstationUnlockLogon && type != (int)KerbLogonMessageType.NotApplicable)
            {
                problem = $"message type {type} is not an interactive logon or unlock";
                return null;
            }
            var field = wow32 ? 4 : 8;
            var size = PackedUnicodeString.Size(wow32);
            var domain = PackedUnicodeString.Read(buffer, field, header, "LogonDomainName", wow32, ref problem);
            var user = PackedUnicodeString.Read(buffer, field + size, header, "UserName", wow32, ref problem);
            var password = PackedUnicodeString.Read(buffer, field + 2 * size, header, "Password", wow32, ref problem);
            if (domain == null || user == null || password == null) return null;
            var logonId = field + 3 * size;
            return new InteractiveUnlockLogon((KerbLogonMessageType)type, domain, user, password,
                unchecked((uint)PackedUnicodeString.ReadInt32(buffer, logonId)), PackedUnicodeString.ReadInt32(buffer, logonId + 4));
        }
    }
}
