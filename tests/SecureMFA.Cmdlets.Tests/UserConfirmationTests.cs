using System;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Reset-xOTP_User and Remove-xOTP_User end a working enrolment: they ask first (ConfirmImpact High, so PowerShell asks
    /// at the default $ConfirmPreference), and -PassThru shows the user (Remove: as it was).
    /// </summary>
    public sealed class UserConfirmationTests : IDisposable
    {
        private readonly AnsweringHost _console = new AnsweringHost();
        private readonly PowerShellSession _ps;
        private readonly SupportStore _store = new SupportStore();

        public UserConfirmationTests()
        {
            _ps = new PowerShellSession(host: _console);
            _ps.Run(_store.SessionDefaults);
            var store = _store.Open();
            foreach (var upn in new[] { "alice@adatum.com", "bob@adatum.com" })
            {
                store.Create(new NewOtpUser(upn, "v1:JBSWY3DPEHPK3PXP", TotpParameters.Default));
                Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess(upn, 1000, new LogonAttempt(DateTime.UtcNow, "10.0.0.1", "test")));
            }
        }

        [Theory]
        [InlineData("Reset-xOTP_User")]
        [InlineData("Remove-xOTP_User")]
        public void DeclaresConfirmImpactHigh(string cmdlet)
        {
            var attribute = (CmdletAttribute)_ps.Run($"(Get-Command {cmdlet}).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)")
                .Output.Single().BaseObject;
            Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        }

        [Fact]
        public void ResetAsksAndNoChangesNothing()
        {
            var before = _store.Open().Find("alice@adatum.com")!;
            _console.Answers.Enqueue("No");
            var result = _ps.Run("Reset-xOTP_User alice@adatum.com");
            Assert.Empty(result.Errors);
            Assert.Contains(_console.Prompts, p => p.Contains("alice@adatum.com") && p.Contains("Reset"));
            var after = _store.Open().Find("alice@adatum.com")!;
            Assert.Equal(before.ProtectedSecret, after.ProtectedSecret);
            Assert.True(after.Enrolled);
        }

        [Fact]
        public void ResetAskedYesResetsAndPassThruShowsTheUserAfter()
        {
            _console.Answers.Enqueue("Yes");
            var result = _ps.Run("Reset-xOTP_User alice@adatum.com -PassThru");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var user = Assert.Single(result.Output);
            Assert.Equal("alice@adatum.com", user.Properties["Upn"].Value);
            Assert.Equal("Pending", user.Properties["Status"].Value.ToString());
            Assert.False((bool)user.Properties["Enrolled"].Value);
            Assert.False(_store.Open().Find("alice@adatum.com")!.Enrolled);
        }

        [Fact]
        public void RemoveAsksForEachUserAndPassThruReturnsTheUserAsItWas()
        {
            _console.Answers.Enqueue("Yes");
            _console.Answers.Enqueue("No");
            var result = _ps.Run("'alice@adatum.com', 'bob@adatum.com' | Remove-xOTP_User -PassThru");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(2, _console.Prompts.Count);
            Assert.Contains("alice@adatum.com", _console.Prompts[0]);
            Assert.Contains("bob@adatum.com", _console.Prompts[1]);

            var removed = Assert.Single(result.Output);
            Assert.Equal("alice@adatum.com", removed.Properties["Upn"].Value);
            Assert.Equal("Enrolled", removed.Properties["Status"].Value.ToString());
            Assert.Equal(1, removed.Properties["LogonCount"].Value);
            Assert.Equal("10.0.0.1", removed.Properties["LogonIp"].Value);
            Assert.Null(_store.Open().Find("alice@adatum.com"));
            Assert.NotNull(_store.Open().Find("bob@adatum.com"));
        }

        [Fact]
        public void ConfirmFalseDoesNotAskAndAnUnknownUserIsAnErrorThatDoesNotStopThePipeline()
        {
            var result = _ps.Run("'ghost@adatum.com', 'bob@adatum.com' | Remove-xOTP_User -Confirm:$false -PassThru");
            Assert.Empty(_console.Prompts);
            Assert.Equal("No OTP user \"ghost@adatum.com\" exists.", Assert.Single(result.Errors).Exception.Message);
            Assert.Equal("bob@adatum.com", Assert.Single(result.Output).Properties["Upn"].Value);
            Assert.Null(_store.Open().Find("bob@adatum.com"));
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
        }
    }
}
