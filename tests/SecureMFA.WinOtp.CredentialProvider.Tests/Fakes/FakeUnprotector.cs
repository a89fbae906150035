using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>CredProtect's stand-in: a protected password is marked, so a test sees that the shell opened it before use.</summary>
    public sealed class FakeUnprotector : IPasswordUnprotector
    {
        private const string Marker = "@@CREDPROTECTED@@";

        public static string Protect(string password) => password.Length == 0 ? "" : Marker + Reverse(password);

        public List<string> Seen { get; } = new List<string>();
        public bool Throw { get; set; }

        public string Unprotect(string serializedPassword)
        {
            if (Throw) throw new InvalidOperationException("CredUnprotect failed.");
            Seen.Add(serializedPassword);
            return serializedPassword.StartsWith(Marker, StringComparison.Ordinal) ? Reverse(serializedPassword.Substring(Marker.Length)) : serializedPassword;
        }

        private static string Reverse(string text)
        {
            var chars = text.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }
    }
}
