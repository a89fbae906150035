using System;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>The clock seam: offline sign-in decisions depend on it, so tests move it by hand.</summary>
    public interface IClock
    {
        DateTime UtcNow { get; }
    }
}
