using System;
using System.Text;

namespace SecureMFA.WinOtp.CredentialProvider.Kerberos
{
    /// <summary>
    /// A UNICODE_STRING inside a packed (serialized) LSA structure: USHORT Length, USHORT MaximumLength, then Buffer —
    /// not a pointer but the string's byte offset from the start of the structure. x64: Buffer at +8 (8 bytes, after
    /// 4 bytes of padding), 16 bytes in all; a 32-bit caller's packing (CREDUIWIN_PACK_32_WOW): Buffer at +4, 8 in all.
    /// </summary>
    internal static class PackedUnicodeString
    {
        public static int Size(bool wow32) => wow32 ? 8 : 16;

        public static int Write(byte[] buffer, int field, byte[] text, int offset, bool wow32)
        {
            WriteUInt16(buffer, field, (ushort)text.Length);
            WriteUInt16(buffer, field + 2, (ushort)text.Length);
            if (wow32) WriteInt32(buffer, field + 4, offset);
            else for (var i = 0; i < 8; i++) buffer[field + 8 + i] = (byte)((long)offset >> (8 * i));
            Buffer.BlockCopy(text, 0, buffer, offset, text.Length);
            return offset + text.Length;
        }

        /// <summary>The string; null with <paramref name="problem"/> set when it is not a string inside the buffer after the header.</summary>
        public static string? Read(byte[] buffer, int field, int headerSize, string name, bool wow32, ref string? problem)
        {
            if (problem != null) return null;
            var length = ReadUInt16(buffer, field);
            var maximum = ReadUInt16(buffer, field + 2);
            long offset;
            if (wow32) offset = (uint)ReadInt32(buffer, field + 4);
            else
            {
                offset = 0;
                for (var i = 7; i >= 0; i--) offset = (offset << 8) | buffer[field + 8 + i];
            }
            if (length == 0) return "";
            if (length % 2 != 0 || maximum < length)
            {
                problem = $"{name} has a length of {length} bytes (maximum {maximum})";
                return null;
            }
            if (offset < headerSize || offset > buffer.Length || buffer.Length - offset < length)
            {
                problem = $"{name} lies outside the buffer";
                return null;
            }
            return Encoding.Unicode.GetString(buffer, (int)offset, length);
        }

        public static void WriteUInt16(byte[] b, int at, ushort v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }
        public static void WriteInt32(byte[] b, int at, int v) { for (var i = 0; i < 4; i++) b[at + i] = (byte)(v >> (8 * i)); }
        public static ushort ReadUInt16(byte[] b, int at) => (ushort)(b[at] | (b[at + 1] << 8));
        public static int ReadInt32(byte[] b, int at) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);

        public static byte[] Encode(string text, string what)
        {
            var bytes = Encoding.Unicode.GetBytes(text ?? "");
            if (bytes.Length > ushort.MaxValue - 1) throw new ArgumentException("A UNICODE_STRING holds at most 32767 characters.", what);
            return bytes;
        }
    }
}
