#if NETFRAMEWORK
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>CredIsProtected, then CredUnprotect (not as self: the Password provider protects that way). Windows only.</summary>
    public sealed class CredUnprotector : IPasswordUnprotector
    {
        private const int CredUnprotected = 0;

        public string Unprotect(string serializedPassword)
        {
            if (string.IsNullOrEmpty(serializedPassword)) return serializedPassword ?? "";
            var input = ($"{serializedPassword}\0").ToCharArray();
            try
            {
                if (!NativeMethods.CredIsProtectedW(input, out var protection) || protection == CredUnprotected) return serializedPassword;
                var size = 0;
                NativeMethods.CredUnprotectW(false, input, input.Length, null, ref size);
                if (size <= 0) throw new Win32Exception(Marshal.GetLastWin32Error(), "CredUnprotect did not report a size.");
                var output = new char[size];
                try
                {
                    if (!NativeMethods.CredUnprotectW(false, input, input.Length, output, ref size)) throw new Win32Exception(Marshal.GetLastWin32Error(), "CredUnprotect failed.");
                    var length = Array.IndexOf(output, '\0');
                    return new string(output, 0, length < 0 ? Math.Min(size, output.Length) : length);
                }
                finally { Array.Clear(output, 0, output.Length); }
            }
            finally { Array.Clear(input, 0, input.Length); }
        }
    }
}
#endif
