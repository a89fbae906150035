using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    public sealed class FakeBootMode : IBootMode
    {
        public bool IsSafeMode { get; set; }
    }

    /// <summary>Records the URLs it was asked to open; the real one starts Edge as the session's user.</summary>
    public sealed class FakeLauncher : IChangePasswordLauncher
    {
        public List<string> Started { get; } = new List<string>();
        public bool Succeeds { get; set; } = true;

        public bool TryStartAsSessionUser(string url, out string reason)
        {
            Started.Add(url);
            reason = Succeeds ? "" : "no user is signed in to this session";
            return Succeeds;
        }
    }
}

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>LogonUI's user array: opaque to the shell, which only hands it on.</summary>
    public sealed class FakeUserArray : Interop.ICredentialProviderUserArray
    {
    }
}
