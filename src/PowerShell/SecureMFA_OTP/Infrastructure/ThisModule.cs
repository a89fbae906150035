namespace SecureMFA.PowerShell
{
    /// <summary>What the shared PowerShell layer (src/PowerShell/Common) says and calls in SecureMFA_OTP.</summary>
    internal static class ThisModule
    {
        public const string Name = "SecureMFA_OTP";

        /// <summary>The module function that reports the host's facts (<see cref="HostFacts"/>).</summary>
        public const string HostCommand = "Get-SecureMfaOtpHost";

        /// <summary>Where a platform command (an AD FS cmdlet, or one of the module's functions) is found.</summary>
        public const string MissingCommandAdvice =
            "run this on an AD FS server, in an elevated Windows PowerShell where the ADFS module is installed, with the SecureMFA_OTP module imported (Import-Module SecureMFA_OTP).";
    }
}
