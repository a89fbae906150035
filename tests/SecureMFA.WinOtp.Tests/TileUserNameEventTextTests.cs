using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// A user name typed on the logon tile reaches the WIN OTP event log through the same escaping rule as the AD FS
    /// side's: no character in it can start a second event line, reorder the text, or hide.
    /// </summary>
    public sealed class TileUserNameEventTextTests : IDisposable
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-eventtext-tests", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        [Theory]
        [InlineData("evil\u2028forged", "evil\\u2028forged")]
        [InlineData("evil\u2029forged", "evil\\u2029forged")]
        [InlineData("admin\u202Egnp.exe", "admin\\u202egnp.exe")]
        [InlineData("a\u2066b\u2069c\u200Fd", "a\\u2066b\\u2069c\\u200fd")]
        [InlineData("a\u200Bb\u200Dc\uFEFFd", "a\\u200bb\\u200dc\\ufeffd")]
        public void EveryLineBreakBidiAndZeroWidthCharacterInTheTilesUserNameIsEscapedInTheEvent(string typed, string escaped)
        {
            _h.Register();
            _h.SignIn(_h.Code(), user: typed);

            var events = _h.Events.Events.Select(e => e.Message).ToList();
            Assert.Contains(events, m => m.Contains(escaped));
            Assert.All(events, OneLineOfVisibleText);
        }

        /// <summary>CR, LF and NEL are control characters: the tile refuses such a name before any event names it.</summary>
        [Theory]
        [InlineData("evil\r\n5556 Information OTP ok for admin")]
        [InlineData("evil\u0085forged")]
        public void AUserNameWithAControlCharacterIsRefusedAndNoEventCarriesIt(string typed)
        {
            _h.Register();
            Assert.Equal(LogonOutcome.InvalidInput, _h.SignIn(_h.Code(), user: typed).Outcome);
            Assert.All(_h.Events.Events.Select(e => e.Message), OneLineOfVisibleText);
            Assert.DoesNotContain(_h.Events.Events, e => e.Message.Contains("forged") || e.Message.Contains("admin"));
        }

        /// <summary>Whatever a caller passes (an API reason, an exception message), the sink writes it escaped.</summary>
        [Fact]
        public void TheGuardedEventLogEscapesControlCharactersToo()
        {
            var recorded = new RecordingEventLog();
            new GuardedEventLog(recorded, true).Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, "a\r\nb\u0085c\u2028d\u202Ee\u200Bf");
            Assert.Equal("a\\u000d\\u000ab\\u0085c\\u2028d\\u202ee\\u200bf", Assert.Single(recorded.Events).Message);
        }

        /// <summary>At the cap, an escape is dropped whole rather than left as "\u20".</summary>
        [Fact]
        public void TheCapNeverCutsAnEscapeInTwo()
        {
            var recorded = new RecordingEventLog();
            new GuardedEventLog(recorded, true).Write(WinOtpEventId.OtpFailed, WinOtpEventLevel.Warning, new string('x', 1997) + "\u2028tail");
            Assert.Equal(new string('x', 1997), Assert.Single(recorded.Events).Message);
        }

        /// <summary>The simulator's log escapes whoever writes to it, not only what comes through GuardedEventLog.</summary>
        [Fact]
        public void TheSimulatorsFileLogEscapesADirectWrite()
        {
            Directory.CreateDirectory(_state);
            var path = Path.Combine(_state, "direct.log");
            var error = new StringWriter();
            new FileEventLog(path, error).Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, "evil\r\n5556 Information forged\u2028\u202Ex");
            var line = Assert.Single(File.ReadAllText(path).Split(new[] { Environment.NewLine }, StringSplitOptions.RemoveEmptyEntries));
            Assert.EndsWith("evil\\u000d\\u000a5556 Information forged\\u2028\\u202ex", line);
            Assert.Single(error.ToString().Split(new[] { Environment.NewLine }, StringSplitOptions.RemoveEmptyEntries));
            OneLineOfVisibleText(error.ToString().TrimEnd());
        }

        private static void OneLineOfVisibleText(string message) =>
            Assert.DoesNotContain(message, c => char.IsControl(c) || c == '\u2028' || c == '\u2029'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

        [Fact]
        public async Task TheSimulatorsEventLogKeepsOneLinePerEvent()
        {
            var typed = "evil\u2028\u2029\u202E\u200Bforged";
            var output = new StringWriter();
            var error = new StringWriter();
            var args = new[] { "--state", _state, "--machine", "PC1", "--api", FakeWebApi.Endpoint, "--register", _h.Api.Bootstrap };
            await SimulatorApp.RunAsync(args, new StringReader(typed + "\n" + WinOtpHarness.Password + "\n123456\n"), output, error, false, _ => _h.Api, _h.Clock);

            var lines = File.ReadAllText(Path.Combine(_state, "events.log")).Split(new[] { Environment.NewLine }, StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.Contains("evil\\u2028\\u2029\\u202e\\u200bforged"));
            // Every line is one event: it starts with its time stamp, and no separator of any kind is left inside.
            Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \d{4} ", l));
            Assert.All(lines, l => Assert.DoesNotContain(l, c => c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u202E' || c == '\u200B'));
        }
    }
}
