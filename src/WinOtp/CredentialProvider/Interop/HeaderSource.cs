namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// Where the interface declarations of this folder come from, so they can be checked again: the Windows SDK's
    /// credentialprovider.h (MIDL output of credentialprovider.idl, "File created by MIDL compiler version
    /// 7.00.0555"), for the Vista-era interfaces, and mingw-w64's mingw-w64-headers/include/credentialprovider.h
    /// (WIDL output of the same IDL) for the Windows 8 additions (ICredentialProviderCredential2,
    /// ICredentialProviderCredentialEvents2, ICredentialProviderSetUserArray, ICredentialProviderUserArray).
    /// COM lays a vtable out as IUnknown's three methods, then each method in the order the IDL declares it; a
    /// .NET [ComImport] interface is laid out from its own declared methods only, so an interface that extends
    /// another repeats the base's methods first, in the base's order. contracts/credentialprovider/credentialprovider.txt
    /// lists the facts of mingw-w64's credentialprovider.idl that these declarations use (IIDs, vtable slots, parameter
    /// types, enum values, struct layouts); HeaderContractTests compares every declaration here with it.
    /// </summary>
    public static class HeaderSource
    {
        public const string Sdk = "Windows SDK credentialprovider.h (MIDL 7.00.0555 output of credentialprovider.idl)";
        public const string MingwW64 = "mingw-w64-headers/include/credentialprovider.h (WIDL output of credentialprovider.idl)";
    }
}
