namespace SecureMFA.PowerShell
{
    /// <summary>What the shared PowerShell layer (src/PowerShell/Common) says and calls in SecureMFA_WIN_OTP.</summary>
    internal static class ThisModule
    {
        public const string Name = "SecureMFA_WIN_OTP";

        /// <summary>The module function that reports the computer's facts (<see cref="HostFacts"/>).</summary>
        public const string HostCommand = "Get-SecureMfaWinOtpHost";

        /// <summary>Every platform command is one of the module's own functions: they come with the module, not with its assembly alone.</summary>
        public const string MissingCommandAdvice =
            "import the SecureMFA_WIN_OTP module (Import-Module SecureMFA_WIN_OTP), whose functions make every change to Windows, in an elevated Windows PowerShell.";
    }
}
