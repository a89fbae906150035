using System;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// Expired and must-change passwords: the Password provider's own change flow works through our tile (its
    /// KERB_CHANGEPASSWORD_REQUEST goes to Windows), and a code is still required — once for the whole flow.
    /// Ctrl+Alt+Del "Change a password" (CPUS_CHANGE_PASSWORD) asks a code too.
    /// </summary>
    public class ExpiredPasswordTests
    {
        private const int StatusPasswordMustChange = unchecked((int)0xC0000224);
        private const int StatusPasswordExpired = unchecked((int)0xC0000071);
        private const string NewPassword = "Spring2027!new";

        private static CredentialProviderGetSerializationResponse Submit(Com.WinOtpCredential credential, out byte[] bytes, out string? text)
        {
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out var serialization, out text, out _));
            bytes = new byte[serialization.SerializationSize];
            if (serialization.Serialization != IntPtr.Zero)
            {
                Assert.Equal(new Guid(Com.WinOtpCredentialProvider.Clsid), serialization.CredentialProviderClsid);
                Marshal.Copy(serialization.Serialization, bytes, 0, bytes.Length);
                Marshal.FreeCoTaskMem(serialization.Serialization);
            }
            return response;
        }

        private static byte[] ChangeRequest(string account = "alice", string oldPassword = WinOtpHarness.Password) =>
            KerbChangePasswordPacking.Pack(new ChangePasswordRequest("ADATUM", account, FakeUnprotector.Protect(oldPassword), FakeUnprotector.Protect(NewPassword)));

        private static byte[] LogonWith(string password) =>
            KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(KerbLogonMessageType.InteractiveLogon, "ADATUM", "alice", FakeUnprotector.Protect(password)));

        private static int Verifies(TileHarness tile) => tile.Computer.Api.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));

        [Theory]
        [InlineData(StatusPasswordMustChange, 0)]
        [InlineData(StatusPasswordExpired, 0)]
        [InlineData(unchecked((int)0xC000006E), StatusPasswordExpired)]
        public void AnExpiredPasswordIsChangedOnTheTileWithOneCode(int status, int substatus)
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var wrapped = tile.Password.Credentials[0];
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out _, out _));
            Assert.Equal(1, Verifies(tile));
            // Windows: the password is right, and must be changed. The wrapped tile now asks for the new one.
            Assert.Equal(HResult.S_OK, credential.ReportResult(status, substatus, out _, out _));

            wrapped.RawSerialization = ChangeRequest();
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var change, out _));
            var request = KerbChangePasswordPacking.TryUnpack(change)!;
            Assert.Equal(("alice", FakeUnprotector.Protect(NewPassword)), (request.AccountName, request.NewPassword));
            Assert.Equal(HResult.S_OK, credential.ReportResult(0, 0, out _, out _));

            // Windows signs in with the new password: no second code, no second API call.
            wrapped.RawSerialization = LogonWith(NewPassword);
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var logon, out _));
            Assert.Equal("alice", KerbInteractiveUnlockLogonPacking.TryUnpack(logon, out _)!.UserName);
            Assert.Equal(1, Verifies(tile));

            // That was once: the next logon on this tile needs a code again.
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out var text));
            Assert.Equal(TileText.English.TypeCode, text);
        }

        [Fact]
        public void WithoutAnAcceptedCodeAChangeNeedsOne()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Password.Credentials[0].RawSerialization = ChangeRequest();
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out var text));
            Assert.Equal(TileText.English.TypeCode, text);

            Assert.Equal(HResult.S_OK, credential.SetStringValue(TileHarness.CodeField(provider), tile.Computer.Code()));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var change, out _));
            Assert.NotNull(KerbChangePasswordPacking.TryUnpack(change));
            // Checked for the account inside the request, with its old password.
            var verify = Assert.Single(tile.Computer.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/otp/verify"));
            Assert.Contains("\"upn\":\"alice@adatum.labnet\"", verify.BodyText);
            Assert.Equal(FakeUnprotector.Protect(WinOtpHarness.Password), tile.Unprotector.Seen.Last());
        }

        [Fact]
        public void TheCodeOfOneAccountDoesNotChangeAnothersPassword()
        {
            var tile = new TileHarness();
            tile.Computer.Api.AddUser("bob@adatum.labnet", WinOtpHarness.Secret);
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Submit(credential, out _, out _);
            credential.ReportResult(StatusPasswordMustChange, 0, out _, out _);
            tile.Password.Credentials[0].RawSerialization = ChangeRequest("bob");
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out var text));
            Assert.Equal(TileText.English.TypeCode, text);
        }

        [Fact]
        public void AWrongPasswordIsNotAMustChange()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Submit(credential, out _, out _);
            credential.ReportResult(unchecked((int)0xC000006D), 0, out _, out _);
            tile.Password.Credentials[0].RawSerialization = ChangeRequest();
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out _));
        }

        [Fact]
        public void ChangeAPasswordFromCtrlAltDelAsksACode()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show(CredentialProviderUsageScenario.ChangePassword);
            Assert.Equal("SetUsageScenario ChangePassword", tile.Password.Calls.First());
            tile.Password.Credentials[0].RawSerialization = ChangeRequest();
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, Submit(credential, out _, out _));
            Assert.Equal(HResult.S_OK, credential.SetStringValue(TileHarness.CodeField(provider), tile.Computer.Code()));
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, Submit(credential, out var change, out _));
            Assert.NotNull(KerbChangePasswordPacking.TryUnpack(change));
            // A change stores nothing offline under the old password.
            Assert.Equal(HResult.S_OK, credential.ReportResult(0, 0, out _, out _));
            var vault = tile.Computer.OfflineVault().Describe(WinOtpHarness.Upn, tile.Computer.Device());
            Assert.NotEqual(Offline.VaultForm.Password, vault.Form);
        }
    }
}
