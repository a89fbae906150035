using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR: DWORD dwFieldID; CREDENTIAL_PROVIDER_FIELD_TYPE cpft; LPWSTR pszLabel;
    /// GUID guidFieldType. On x64: 4 + 4 + 8 + 16 = 32 bytes. Handed to LogonUI as one CoTaskMemAlloc block with the
    /// label in its own CoTaskMemAlloc string (see <see cref="Tile.FieldDescriptorMemory"/>).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FieldDescriptor
    {
        public uint FieldId;
        public CredentialProviderFieldType FieldType;
        public IntPtr Label;
        public Guid GuidFieldType;
    }
}
