using System;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>The tile's fields as LogonUI receives them: the Password provider's, the code after the password, ours after the rest.</summary>
    public class FieldLayoutTests
    {
        [Fact]
        public void TheCodeFollowsThePasswordAndOurFieldsTakeIdsAfterTheHighestWrappedOne()
        {
            var tile = new TileHarness();
            var provider = tile.Provider();
            Assert.Equal(HResult.S_OK, provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
            var fields = TileHarness.Descriptors(provider);

            Assert.Equal(new uint[] { 0, 2, 3, 8, 4, 7, 9, 10, 11, 12, 13 }, fields.Select(f => f.Id));
            Assert.Equal(new[] { "Image", "User name", "Password", TileText.English.CodeLabel, "Submit", "Sign-in options", TileText.English.EnrolHint, "", TileText.English.ChangePasswordLabel, TileText.English.SyncOfflineLabel, TileText.English.NoPhoneLabel },
                fields.Select(f => f.Label));
            Assert.Equal(new[] { CredentialProviderFieldType.TileImage, CredentialProviderFieldType.EditText, CredentialProviderFieldType.PasswordText, CredentialProviderFieldType.EditText,
                CredentialProviderFieldType.SubmitButton, CredentialProviderFieldType.CommandLink, CredentialProviderFieldType.SmallText, CredentialProviderFieldType.SmallText,
                CredentialProviderFieldType.CommandLink, CredentialProviderFieldType.CommandLink, CredentialProviderFieldType.CommandLink }, fields.Select(f => f.Type));
            // The wrapped descriptors' field-type GUIDs go to LogonUI unchanged (it uses them, e.g. for the password box).
            Assert.Equal(ProviderGuids.LogonPassword, fields[2].GuidFieldType);
            Assert.Equal(Guid.Empty, fields[3].GuidFieldType);
            // Every wrapped descriptor was read once and freed by the shell; nothing is asked twice.
            Assert.Equal(5, tile.Password.Calls.Count(c => c.StartsWith("GetFieldDescriptorAt ")));
        }

        [Fact]
        public void WithoutAPasswordFieldTheCodeComesAfterTheWrappedFields()
        {
            var layout = FieldLayout.Build(new[] { new TileField(5, CredentialProviderFieldType.LargeText, "x", Guid.Empty, FieldOwner.Wrapped) });
            Assert.Equal(new[] { FieldOwner.Wrapped, FieldOwner.Code, FieldOwner.EnrolHint, FieldOwner.Status, FieldOwner.ChangePassword, FieldOwner.SyncOffline, FieldOwner.NoPhone }, layout.Fields.Select(f => f.Owner));
            Assert.Equal(6u, layout.Own(FieldOwner.Code).Id);
            Assert.Null(layout.Password);
        }

        [Fact]
        public void TheLogonPasswordIsFoundByItsGuidBeforeAnyOtherPasswordField()
        {
            var layout = FieldLayout.Build(new[]
            {
                new TileField(1, CredentialProviderFieldType.PasswordText, "old", Guid.Empty, FieldOwner.Wrapped),
                new TileField(2, CredentialProviderFieldType.PasswordText, "logon", ProviderGuids.LogonPassword, FieldOwner.Wrapped),
            });
            Assert.Equal(2u, layout.Password!.Id);
            Assert.Equal(new uint[] { 1, 2, 3 }, layout.Fields.Take(3).Select(f => f.Id));
        }

        [Fact]
        public void DuplicateWrappedIdsAreRefused()
        {
            var error = Assert.Throws<ArgumentException>(() => FieldLayout.Build(new[]
            {
                new TileField(1, CredentialProviderFieldType.EditText, "a", Guid.Empty, FieldOwner.Wrapped),
                new TileField(1, CredentialProviderFieldType.PasswordText, "b", Guid.Empty, FieldOwner.Wrapped),
            }));
            Assert.Contains("field id 1 twice", error.Message);
        }

        [Fact]
        public void TheSubmitButtonMovesNextToTheCodeAndWrappedStatesPassThrough()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var code = TileHarness.CodeField(provider);
            Assert.Equal(HResult.S_OK, credential.GetSubmitButtonValue(FakePasswordProvider.SubmitId, out var adjacent));
            Assert.Equal(code, adjacent);
            Assert.Equal(HResult.S_OK, credential.GetFieldState(FakePasswordProvider.PasswordId, out var state, out var interactive));
            Assert.Equal((CredentialProviderFieldState.DisplayInBoth, CredentialProviderFieldInteractiveState.Focused), (state, interactive));
            Assert.Equal(HResult.S_OK, credential.GetFieldState(code, out state, out interactive));
            Assert.Equal((CredentialProviderFieldState.DisplayInSelectedTile, CredentialProviderFieldInteractiveState.None), (state, interactive));
            Assert.Equal(HResult.E_INVALIDARG, credential.GetFieldState(99, out _, out _));
            Assert.Equal(HResult.E_INVALIDARG, credential.GetBitmapValue(code, out _));
            Assert.Equal(HResult.S_OK, credential.GetBitmapValue(FakePasswordProvider.ImageId, out var bitmap));
            Assert.Equal(new IntPtr(0x1234), bitmap);
        }
    }

    internal static class ProviderGuids
    {
        public static readonly Guid LogonPassword = new Guid("60624cfa-a477-47b1-8a8e-3a4a19981827");
    }
}
