using System.ComponentModel;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// One new recovery code, returned once by New-xOTP_RecoveryCode: the store keeps only its hash, so this object is the
    /// only place the code exists. Hand it to the user and nobody else.
    /// </summary>
    [Description("One object per new recovery code: Upn, Number (1 to 10) and Code (XXXX-XXXX-XXXX-XXXX). The codes are shown this once: " +
        "the store keeps only their hashes. Hand them to the user and nobody else.")]
    public sealed class OtpRecoveryCode
    {
        public OtpRecoveryCode(string upn, int number, string code) => (Upn, Number, Code) = (upn, number, code);

        public string Upn { get; }
        public int Number { get; }
        public string Code { get; }

        public override string ToString() => Code;
    }
}
