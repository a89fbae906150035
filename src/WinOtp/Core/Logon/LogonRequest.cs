using SecureMFA.WinOtp.Decision;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>What the tile collected. The password is used only to lock or open the offline vault; Windows checks it.</summary>
    public sealed class LogonRequest
    {
        public LogonRequest(LogonScenario scenario, string userName, string password, string code)
        {
            Scenario = scenario;
            UserName = userName;
            Password = password;
            Code = code;
        }

        public LogonScenario Scenario { get; }
        public string UserName { get; }
        public string Password { get; }
        public string Code { get; }
    }
}
