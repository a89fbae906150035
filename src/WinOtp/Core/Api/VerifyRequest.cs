using SecureMFA.WinOtp.Decision;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>The body of POST /v1/otp/verify.</summary>
    public sealed class VerifyRequest
    {
        public VerifyRequest(string upn, string code, LogonScenario scenario, string machine)
        {
            Upn = upn;
            Code = code;
            Scenario = scenario;
            Machine = machine;
        }

        public string Upn { get; }
        public string Code { get; }
        public LogonScenario Scenario { get; }
        public string Machine { get; }
        public bool Offline { get; set; }
        /// <summary>Sent when Offline is true; the server caps it.</summary>
        public int OfflineDays { get; set; }
    }
}
