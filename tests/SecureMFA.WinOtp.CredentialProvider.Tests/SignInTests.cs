using System;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Tests.Fakes;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// GetSerialization gates the wrapped Password credential: its serialization reaches LogonUI only after WinOtp.Core
    /// accepted the code for the account inside it; otherwise LogonUI gets CPGSR_NO_CREDENTIAL_NOT_FINISHED and the
    /// coordinator's message. WinOtp.Core runs for real against the fake WEB API.
    /// </summary>
    public class SignInTests
    {
        private static CredentialProviderGetSerializationResponse Submit(Com.WinOtpCredential credential, out CredentialSerialization serialization, out string? text, out CredentialProviderStatusIcon icon)
        {
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out serialization, out text, out icon));
            return response;
        }

        [Fact]
        public void AnAcceptedCodeLetsTheWrappedSerializationThroughUnderOurClsid()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));

            var response = Submit(credential, out var serialization, out var text, out _);

            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, response);
            Assert.Null(text);
            var wrapped = tile.Password.Credentials[0];
            Assert.Equal(wrapped.LastSerialization, serialization.Serialization);
            Assert.Equal(new Guid(Com.WinOtpCredentialProvider.Clsid), serialization.CredentialProviderClsid);
            Assert.Equal(FakePasswordCredential.NegotiatePackage, serialization.AuthenticationPackage);
            var bytes = new byte[serialization.SerializationSize];
            Marshal.Copy(serialization.Serialization, bytes, 0, bytes.Length);
            var logon = KerbInteractiveUnlockLogonPacking.TryUnpack(bytes, out _)!;
            Assert.Equal(("ADATUM", "alice", FakeUnprotector.Protect(WinOtpHarness.Password)), (logon.Domain, logon.UserName, logon.Password));
            Marshal.FreeCoTaskMem(serialization.Serialization);

            // The API checked the account inside the serialization (ADATUM\alice -> alice@adatum.labnet), once.
            var verify = Assert.Single(tile.Computer.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));
            Assert.Contains("\"upn\":\"alice@adatum.labnet\"", verify.BodyText);
            Assert.Contains("\"scenario\":\"rdp\"", verify.BodyText);
            // The protected password was opened before it reached WinOtp.Core.
            Assert.Equal(FakeUnprotector.Protect(WinOtpHarness.Password), Assert.Single(tile.Unprotector.Seen));
        }

        [Fact]
        public void AnExcludedAccountSignsInOnTheTileWithTheCodeFieldLeftEmptyAndTheApiIsNotAsked()
        {
            var tile = new TileHarness();
            tile.Computer.Accounts.User("breakglass", FakeAccounts.BreakGlassSid);
            tile.Computer.Accounts.User("alice", FakeAccounts.AliceSid);
            tile.Computer.Configure(Settings.SettingNames.ExcludedAccounts, new[] { FakeAccounts.BreakGlassSid });
            var (provider, credential) = tile.Show();
            tile.Type(credential, "breakglass", WinOtpHarness.Password, "", TileHarness.CodeField(provider));

            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var serialization, out var text, out _));
            Assert.Null(text);
            Marshal.FreeCoTaskMem(serialization.Serialization);
            Assert.DoesNotContain(tile.Computer.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));
            Assert.Contains(tile.Computer.Events.Messages(Events.WinOtpEventId.CodeNotRequired), m => m.StartsWith(@"No code asked of ADATUM\breakglass (" + FakeAccounts.BreakGlassSid + ")"));

            // The same empty code for anyone else is refused.
            tile.Type(credential, "alice", WinOtpHarness.Password, "", TileHarness.CodeField(provider));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out _, out _));
        }

        [Fact]
        public void AWrongCodeKeepsTheSerializationAndShowsTheCoordinatorsMessage()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var wrong = ((int.Parse(tile.Computer.Code()) + 1) % 1000000).ToString("000000");
            tile.Type(credential, "alice", WinOtpHarness.Password, wrong, TileHarness.CodeField(provider));

            var response = Submit(credential, out var serialization, out var text, out var icon);

            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
            Assert.Equal(IntPtr.Zero, serialization.Serialization);
            Assert.Equal(0u, serialization.SerializationSize);
            Assert.Equal(CredentialProviderStatusIcon.Error, icon);
            Assert.StartsWith(Logon.TileText.English.WrongCode, text);
            Assert.Contains("Attempts left before a lockout: 4", text);
        }

        [Theory]
        [InlineData("")]
        [InlineData("12ab56")]
        public void NoCodeOrNotACodeNeverReachesTheApi(string code)
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, code, TileHarness.CodeField(provider));
            var before = tile.Computer.Api.Requests.Count;

            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out var serialization, out var text, out _));
            Assert.Equal(IntPtr.Zero, serialization.Serialization);
            Assert.Equal(Logon.TileText.English.TypeCode, text);
            Assert.Equal(before, tile.Computer.Api.Requests.Count);
        }

        [Fact]
        public void TheCodeFieldIsEmptiedAfterEachAttemptAndACodeIsGoodOnce()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var codeField = TileHarness.CodeField(provider);
            var code = tile.Computer.Code();
            tile.Type(credential, "alice", WinOtpHarness.Password, code, codeField);
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var first, out _, out _));
            Marshal.FreeCoTaskMem(first.Serialization);

            Assert.Contains(tile.LogonUi.Calls, c => c.Call == "SetFieldString" && c.FieldId == codeField && c.Text == "" && ReferenceEquals(c.Credential, credential));
            Assert.Equal(HResult.S_OK, credential.GetStringValue(codeField, out var shown));
            Assert.Equal("", shown);

            Assert.Equal(HResult.S_OK, credential.SetStringValue(codeField, code));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out var second, out var text, out _));
            Assert.Equal(IntPtr.Zero, second.Serialization);
            Assert.Equal(Logon.TileText.English.Replay, text);
        }

        [Fact]
        public void ReportResultPassesWindowsVerdictOnSoOnlyAnAcceptedPasswordLocksTheOfflineVault()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", "a password Windows refuses", tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var refused, out _, out _));
            Marshal.FreeCoTaskMem(refused.Serialization);
            const int StatusLogonFailure = unchecked((int)0xC000006D);
            Assert.Equal(HResult.S_OK, credential.ReportResult(StatusLogonFailure, 0, out var text, out var icon));
            Assert.Equal("The password is incorrect.", text);
            Assert.Equal(CredentialProviderStatusIcon.Error, icon);
            Assert.Equal(StatusLogonFailure, Assert.Single(tile.Password.Credentials[0].ReportedStatuses));
            // Armed at the accept in the device wrap, which needs no password: the refused one was never used.
            var armed = tile.Computer.OfflineVault().Describe(WinOtpHarness.Upn, tile.Computer.Device());
            Assert.Equal((OfflineOutcome.Accepted, VaultForm.Device), (armed.State, armed.Form));

            tile.Computer.NextStep();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var accepted, out _, out _));
            Marshal.FreeCoTaskMem(accepted.Serialization);
            Assert.Equal(HResult.S_OK, credential.ReportResult(0, 0, out _, out _));
            var stored = tile.Computer.OfflineVault().Describe(WinOtpHarness.Upn, tile.Computer.Device());
            Assert.Equal((OfflineOutcome.Accepted, VaultForm.Password), (stored.State, stored.Form));
        }

        [Fact]
        public void OfflineSignInUsesThePasswordFromTheSerialization()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Submit(credential, out var online, out _, out _);
            Marshal.FreeCoTaskMem(online.Serialization);
            credential.ReportResult(0, 0, out _, out _);

            tile.Computer.Api.Mode = FakeApiMode.Down;
            tile.Computer.NextStep();
            var (provider2, credential2) = tile.Show();
            tile.Type(credential2, "alice", "not the password", tile.Computer.OfflineCode(), TileHarness.CodeField(provider2));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential2, out _, out var text, out _));
            Assert.Equal(Logon.TileText.English.PasswordMismatch, text);

            tile.Computer.NextStep();
            tile.Type(credential2, "alice", WinOtpHarness.Password, tile.Computer.OfflineCode(), TileHarness.CodeField(provider2));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential2, out var offline, out _, out _));
            Marshal.FreeCoTaskMem(offline.Serialization);
        }

        [Fact]
        public void ASerializationThatIsNotAnInteractiveLogonIsRefused()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            tile.Password.Credentials[0].RawSerialization = new byte[] { 13, 0, 0, 0, 1, 2, 3 };

            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out var serialization, out var text, out _));
            Assert.Equal(IntPtr.Zero, serialization.Serialization);
            Assert.Equal(SecureMFA.WinOtp.Logon.TileText.English.CodeRejectedCredential, text);
            Assert.Contains(tile.Events.Messages(Events.WinOtpEventId.ProviderFailed), m => m.Contains("shorter than a KERB_INTERACTIVE_UNLOCK_LOGON"));
            Assert.DoesNotContain(tile.Computer.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));
        }

        [Fact]
        public void WhatTheWrappedCredentialDoesNotFinishGoesToLogonUiUnchecked()
        {
            // e.g. the Password provider's own change-password step: it signs nobody in.
            var tile = new TileHarness();
            var (_, credential) = tile.Show();
            tile.Password.Credentials[0].Response = CredentialProviderGetSerializationResponse.NoCredentialFinished;
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialFinished, Submit(credential, out _, out _, out _));
            Assert.DoesNotContain(tile.Computer.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));
        }

        [Fact]
        public void TheWrappedCredentialsEventsReachLogonUiWithOurCredential()
        {
            var tile = new TileHarness();
            var (_, credential) = tile.Show();
            var wrapped = tile.Password.Credentials[0];
            Assert.NotNull(wrapped.Events);
            Assert.NotSame(tile.LogonUi, wrapped.Events);

            wrapped.RaiseFieldString(FakePasswordProvider.UserNameId, "ADATUM\\alice");

            var call = tile.LogonUi.Calls.Last();
            Assert.Equal(("SetFieldString", FakePasswordProvider.UserNameId, "ADATUM\\alice"), (call.Call, call.FieldId, call.Text));
            Assert.Same(credential, call.Credential);
        }

        [Fact]
        public void NeverAnAutomaticLogonEvenWithCredentialsFromRemoteDesktop()
        {
            var tile = new TileHarness();
            var provider = tile.Provider();
            Assert.Equal(HResult.S_OK, provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
            var incoming = new CredentialSerialization { CredentialProviderClsid = new Guid(Com.WinOtpCredentialProvider.Clsid), AuthenticationPackage = 7, SerializationSize = 0 };
            Assert.Equal(HResult.S_OK, provider.SetSerialization(ref incoming));
            // The wrapped provider got them under its own CLSID, so it accepts them.
            Assert.Equal(FakePasswordProvider.Clsid, tile.Password.Received!.Value.CredentialProviderClsid);
            Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out _, out _, out var autoLogon));
            Assert.Equal(0, autoLogon);
            Assert.Equal(HResult.S_OK, provider.GetCredentialAt(0, out var credential));
            tile.Password.Credentials[0].AutoLogon = true;
            Assert.Equal(HResult.S_OK, credential!.SetSelected(out var selectedAutoLogon));
            Assert.Equal(0, selectedAutoLogon);
        }

        [Fact]
        public void PerUserTilesKeepTheirUserAndTheUserArrayReachesThePasswordProvider()
        {
            var tile = new TileHarness(credentials: 2);
            var provider = tile.Provider();
            var users = new FakeUserArray();
            // LogonUI may hand the array over before or after the scenario: either way it reaches the Password provider.
            Assert.Equal(HResult.S_OK, provider.SetUserArray(users));
            Assert.Equal(HResult.S_OK, provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
            Assert.Same(users, tile.Password.Users);
            Assert.Equal(HResult.S_OK, provider.SetUserArray(users));
            Assert.Equal(2, tile.Password.Calls.Count(c => c == "SetUserArray"));
            Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out var count, out _, out _));
            Assert.Equal(2u, count);
            provider.GetCredentialAt(0, out var other);
            provider.GetCredentialAt(1, out var user);
            Assert.Equal(HResult.S_FALSE, ((ICredentialProviderCredential2)other!).GetUserSid(out var none));
            Assert.Null(none);
            Assert.Equal(HResult.S_OK, ((ICredentialProviderCredential2)user!).GetUserSid(out var sid));
            Assert.Equal("S-1-5-21-1-2-3-1001", sid);
        }
    }
}
