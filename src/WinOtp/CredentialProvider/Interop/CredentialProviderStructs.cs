using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    // The structs of credentialprovider.h the interfaces pass; their x64 layouts are checked against the header facts.

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

    /// <summary>
    /// CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION: ULONG ulAuthenticationPackage; GUID clsidCredentialProvider;
    /// ULONG cbSerialization; byte* rgbSerialization. On x64: 4 + 16 + 4 + 4 (padding) + 8 = 32 bytes. The buffer is
    /// CoTaskMemAlloc'd by whoever fills it and freed by whoever receives it (LogonUI for GetSerialization's).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CredentialSerialization
    {
        public uint AuthenticationPackage;
        public Guid CredentialProviderClsid;
        public uint SerializationSize;
        public IntPtr Serialization;
    }
}
