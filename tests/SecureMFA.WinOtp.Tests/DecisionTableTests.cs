using System.Linq;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>Every scenario × session × RDPonly combination, written out by hand rather than computed.</summary>
    public class DecisionTableTests
    {
        [Theory]
        // RDPonly off (win_rdponly = 0): a code everywhere.
        [InlineData(LogonScenario.Logon, SessionKind.Console, false, true)]
        [InlineData(LogonScenario.Logon, SessionKind.Remote, false, true)]
        [InlineData(LogonScenario.Logon, SessionKind.Unknown, false, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Console, false, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Remote, false, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Unknown, false, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Console, false, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Remote, false, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Unknown, false, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Console, false, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Remote, false, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Unknown, false, true)]
        // RDPonly on: the console is left alone; RDP and anything remote (or unknown) asks a code.
        [InlineData(LogonScenario.Logon, SessionKind.Console, true, false)]
        [InlineData(LogonScenario.Logon, SessionKind.Remote, true, true)]
        [InlineData(LogonScenario.Logon, SessionKind.Unknown, true, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Console, true, false)]
        [InlineData(LogonScenario.Unlock, SessionKind.Remote, true, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Unknown, true, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Console, true, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Remote, true, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Unknown, true, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Console, true, false)]
        [InlineData(LogonScenario.CredUI, SessionKind.Remote, true, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Unknown, true, true)]
        public void CodeRequirementTable(LogonScenario scenario, SessionKind session, bool rdpOnly, bool required)
        {
            Assert.Equal(required, CodeRequirement.IsRequired(scenario, session, rdpOnly));
        }

        [Fact]
        public void TheTableCoversEveryCombination()
        {
            var rows = typeof(DecisionTableTests).GetMethod(nameof(CodeRequirementTable))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
                .Select(a => a.GetData(null!).Single()).Select(r => (r[0], r[1], r[2])).ToList();
            Assert.Equal(rows.Count, rows.Distinct().Count());
            Assert.Equal(System.Enum.GetValues(typeof(LogonScenario)).Length * System.Enum.GetValues(typeof(SessionKind)).Length * 2, rows.Count);
        }

        [Fact]
        public void AnUndefinedScenarioAsksACode()
        {
            Assert.True(CodeRequirement.IsRequired((LogonScenario)42, SessionKind.Console, true));
        }

        [Theory]
        [InlineData(LogonScenario.Logon, "logon")]
        [InlineData(LogonScenario.Unlock, "unlock")]
        [InlineData(LogonScenario.Rdp, "rdp")]
        [InlineData(LogonScenario.CredUI, "credui")]
        public void ScenariosHaveTheProtocolNames(LogonScenario scenario, string wire)
        {
            Assert.Equal(wire, scenario.WireName());
            Assert.True(LogonScenarioNames.TryParse(wire.ToUpperInvariant(), out var parsed));
            Assert.Equal(scenario, parsed);
            Assert.False(LogonScenarioNames.TryParse("console", out _));
        }
    }
}
