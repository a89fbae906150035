using System;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// The one answer the filter and the provider both ask for a usage scenario: does our tile serve it? Where it does,
    /// the filter switches the other providers off and the provider always shows a tile — the code tile, or, when it
    /// cannot wrap the Password provider, one that says why (<see cref="Com.UnavailableCredential"/>). Asking the same
    /// question in both places is what keeps a logon screen from being left with no tile at all.
    /// Never throws: a decision that cannot be made serves (a code is required where it might be), with the problem.
    /// </summary>
    public sealed class TileDuty
    {
        private TileDuty(LogonScenario? scenario, ITileLogon? logon, string? problem)
        {
            Scenario = scenario;
            Logon = logon;
            Problem = problem;
        }

        /// <summary>The scenario our tile serves; null where the shell stands aside and Windows' tiles work as always.</summary>
        public LogonScenario? Scenario { get; }
        /// <summary>WinOtp.Core for this screen; null when it could not be made (then <see cref="Problem"/> says why).</summary>
        public ITileLogon? Logon { get; }
        public string? Problem { get; }
        public bool Serves => Scenario.HasValue;

        public static TileDuty Decide(ShellServices services, CredentialProviderUsageScenario cpus, uint flags)
        {
            _ = services ?? throw new ArgumentNullException(nameof(services));
            bool safeMode;
            // Unknown boot mode: not known to be Safe Mode, so the code stays required.
            try { safeMode = services.Boot.IsSafeMode; }
            catch (Exception) { safeMode = false; }
            if (safeMode) return new TileDuty(null, null, null);

            SessionKind session;
            try { session = services.Session.Current; }
            catch (Exception) { session = SessionKind.Unknown; }
            var scenario = ScenarioMap.From(cpus, flags, session);
            if (scenario == null) return new TileDuty(null, null, null);

            try
            {
                var logon = services.Logon();
                return logon.IsCodeRequired(scenario.Value) ? new TileDuty(scenario, logon, null) : new TileDuty(null, null, null);
            }
            catch (Exception e)
            {
                services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error,
                    $"SecureMFA WIN OTP could not decide whether {cpus} needs a code ({e.GetType().Name}: {e.Message}); a code is required.");
                // Its settings, WinOtp.Core itself (a missing assembly), or the session check: the event has the details.
                return new TileDuty(scenario, null, $"it could not decide whether a code is required ({e.GetType().Name})");
            }
        }
    }
}
