using System;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WinOtp.Decision
{
    /// <summary>
    /// Why credentials are asked: a logon on the welcome screen, unlocking a locked session, a Remote Desktop
    /// logon (credentials arriving from an RDP client), or a credential prompt inside a session (CredUI: UAC,
    /// runas). The credential provider maps CREDENTIAL_PROVIDER_USAGE_SCENARIO and the session onto these.
    /// </summary>
    public enum LogonScenario { Logon, Unlock, Rdp, CredUI }

    public static class LogonScenarioNames
    {
        /// <summary>The protocol's <c>scenario</c> value.</summary>
        public static string WireName(this LogonScenario scenario)
        {
            switch (scenario)
            {
                case LogonScenario.Logon: return ApiWords.Scenarios.Logon;
                case LogonScenario.Unlock: return ApiWords.Scenarios.Unlock;
                case LogonScenario.Rdp: return ApiWords.Scenarios.Rdp;
                case LogonScenario.CredUI: return ApiWords.Scenarios.CredUi;
                default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown logon scenario.");
            }
        }

        public static bool TryParse(string? text, out LogonScenario scenario)
        {
            foreach (LogonScenario candidate in Enum.GetValues(typeof(LogonScenario)))
            {
                if (string.Equals(candidate.WireName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    scenario = candidate;
                    return true;
                }
            }
            scenario = LogonScenario.Logon;
            return false;
        }
    }
}
