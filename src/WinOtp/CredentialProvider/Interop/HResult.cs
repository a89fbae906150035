namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>The HRESULTs the shell returns (winerror.h).</summary>
    public static class HResult
    {
        public const int S_OK = 0;
        public const int S_FALSE = 1;
        public const int E_NOTIMPL = unchecked((int)0x80004001);
        public const int E_POINTER = unchecked((int)0x80004003);
        public const int E_FAIL = unchecked((int)0x80004005);
        public const int E_UNEXPECTED = unchecked((int)0x8000FFFF);
        public const int E_INVALIDARG = unchecked((int)0x80070057);

        public static bool Succeeded(int hr) => hr >= 0;
    }
}
