using System;
using System.Text;

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
    /// Length and MaximumLength are the string's length in bytes.
    /// </summary>
    public static class KerbInteractiveUnlockLogonPacking
    {
        public const int HeaderSize = 64;
        private const int DomainOffset = 8, UserOffset = 24, PasswordOffset = 40, LogonIdOffset = 56;

        public static byte[] Pack(InteractiveUnlockLogon logon)
        {
            if (logon == null) throw new ArgumentNullException(nameof(logon));
            var domain = Encoding.Unicode.GetBytes(logon.Domain);
            var user = Encoding.Unicode.GetBytes(logon.UserName);
            var password = Encoding.Unicode.GetBytes(logon.Password);
            foreach (var part in new[] { domain, user, password })
                if (part.Length > ushort.MaxValue - 1) throw new ArgumentException("A UNICODE_STRING holds at most 32767 characters.", nameof(logon));

            var buffer = new byte[HeaderSize + domain.Length + user.Length + password.Length];
            WriteInt32(buffer, 0, (int)logon.MessageType);
            var next = HeaderSize;
            next = WriteString(buffer, DomainOffset, domain, next);
            next = WriteString(buffer, UserOffset, user, next);
            WriteString(buffer, PasswordOffset, password, next);
            WriteInt32(buffer, LogonIdOffset, unchecked((int)logon.LogonIdLow));
            WriteInt32(buffer, LogonIdOffset + 4, logon.LogonIdHigh);
            return buffer;
        }

        /// <summary>
        /// Reads a packed KERB_INTERACTIVE_UNLOCK_LOGON. Null, with <paramref name="problem"/>, for anything that is not
        /// one: too short, a string outside the buffer or of odd length, a message type other than logon, unlock or
        /// CredUI (for example a smart-card or change-password message, which the shell does not check).
        /// </summary>
        public static InteractiveUnlockLogon? TryUnpack(byte[] buffer, out string? problem)
        {
            problem = null;
            if (buffer == null || buffer.Length < HeaderSize)
            {
                problem = "shorter than a KERB_INTERACTIVE_UNLOCK_LOGON (" + HeaderSize + " bytes)";
                return null;
            }
            var type = ReadInt32(buffer, 0);
            if (type != (int)KerbLogonMessageType.InteractiveLogon && type != (int)KerbLogonMessageType.WorkstationUnlockLogon && type != (int)KerbLogonMessageType.NotApplicable)
            {
                problem = "message type " + type + " is not an interactive logon or unlock";
                return null;
            }
            var domain = ReadString(buffer, DomainOffset, "LogonDomainName", ref problem);
            var user = ReadString(buffer, UserOffset, "UserName", ref problem);
            var password = ReadString(buffer, PasswordOffset, "Password", ref problem);
            if (domain == null || user == null || password == null) return null;
            return new InteractiveUnlockLogon((KerbLogonMessageType)type, domain, user, password,
                unchecked((uint)ReadInt32(buffer, LogonIdOffset)), ReadInt32(buffer, LogonIdOffset + 4));
        }

        private static int WriteString(byte[] buffer, int field, byte[] text, int offset)
        {
            WriteUInt16(buffer, field, (ushort)text.Length);
            WriteUInt16(buffer, field + 2, (ushort)text.Length);
            WriteInt64(buffer, field + 8, offset);
            Buffer.BlockCopy(text, 0, buffer, offset, text.Length);
            return offset + text.Length;
        }

        private static string? ReadString(byte[] buffer, int field, string name, ref string? problem)
        {
            if (problem != null) return null;
            var length = ReadUInt16(buffer, field);
            var maximum = ReadUInt16(buffer, field + 2);
            var offset = ReadInt64(buffer, field + 8);
            if (length == 0) return "";
            if (length % 2 != 0 || maximum < length)
            {
                problem = name + " has a length of " + length + " bytes (maximum " + maximum + ")";
                return null;
            }
            if (offset < HeaderSize || offset > buffer.Length || buffer.Length - offset < length)
            {
                problem = name + " lies outside the buffer";
                return null;
            }
            return Encoding.Unicode.GetString(buffer, (int)offset, length);
        }

        private static void WriteUInt16(byte[] b, int at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
        private static void WriteInt32(byte[] b, int at, int v) { for (var i = 0; i < 4; i++) b[at + i] = (byte)(v >> (8 * i)); }
        private static void WriteInt64(byte[] b, int at, long v) { for (var i = 0; i < 8; i++) b[at + i] = (byte)(v >> (8 * i)); }
        private static ushort ReadUInt16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));
        private static int ReadInt32(byte[] b, int at) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        private static long ReadInt64(byte[] b, int at)
        {
            long v = 0;
            for (var i = 7; i >= 0; i--) v = (v << 8) | b[at + i];
            return v;
        }
    }
}
