using System;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Decision
{
    /// <summary>
    /// "Is a code required here?" One rule, a pure function:
    /// <list type="bullet">
    /// <item>RDPonly off (win_rdponly = 0): every scenario, console or remote, asks a code.</item>
    /// <item>RDPonly on: a code is asked for the Rdp scenario and for anything in a remote (or unknown) session:
    /// a logon, an unlock (reconnecting to a disconnected RDP session is an unlock in a remote session) or a
    /// credential prompt there. On the console nothing changes: that is what win_rdponly = 1 restores.</item>
    /// </list>
    /// An unknown session counts as remote: when in doubt, ask.
    /// </summary>
    public static class CodeRequirement
    {
        public static bool IsRequired(LogonScenario scenario, SessionKind session, bool rdpOnly)
        {
            if (!Enum.IsDefined(typeof(LogonScenario), scenario)) return true;
            if (!rdpOnly) return true;
            if (scenario == LogonScenario.Rdp) return true;
            return session != SessionKind.Console;
        }
    }
}
