using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>ICredentialProviderCredentialWithFieldOptions: the code field is numbers-only, the wrapped fields keep the Password credential's options.</summary>
    public class FieldOptionsTests
    {
        [Fact]
        public void TheCodeFieldIsNumbersOnlyAndThePasswordKeepsItsRevealButton()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var options = (ICredentialProviderCredentialWithFieldOptions)credential;

            Assert.Equal(HResult.S_OK, options.GetFieldOptions(TileHarness.CodeField(provider), out var code));
            Assert.Equal(CredentialProviderCredentialFieldOptions.NumbersOnly, code);
            Assert.Equal(HResult.S_OK, options.GetFieldOptions(FakePasswordProvider.PasswordId, out var password));
            Assert.Equal(CredentialProviderCredentialFieldOptions.EnablePasswordReveal, password);
            Assert.Contains("GetFieldOptions " + FakePasswordProvider.PasswordId, tile.Password.Credentials[0].Calls);
            Assert.Equal(HResult.S_OK, options.GetFieldOptions(FakePasswordProvider.UserNameId, out var user));
            Assert.Equal(CredentialProviderCredentialFieldOptions.None, user);
            Assert.Equal(HResult.E_INVALIDARG, options.GetFieldOptions(999, out var unknown));
            Assert.Equal(CredentialProviderCredentialFieldOptions.None, unknown);
        }
    }
}
