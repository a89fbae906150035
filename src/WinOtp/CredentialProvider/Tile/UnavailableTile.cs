using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// The fields of the tile shown when the Password provider cannot be wrapped (<see cref="Com.UnavailableCredential"/>):
    /// a title and the message. No edit field, no submit button: it signs nobody in.
    /// </summary>
    public static class UnavailableTile
    {
        public const uint TitleId = 0, MessageId = 1;
        public const string Title = "SecureMFA WIN OTP";

        public static IReadOnlyList<TileField> Fields { get; } = new[]
        {
            new TileField(TitleId, CredentialProviderFieldType.LargeText, Title, Guid.Empty, FieldOwner.Title),
            new TileField(MessageId, CredentialProviderFieldType.SmallText, "", Guid.Empty, FieldOwner.Status),
        };

        public static string Message(string reason) => $"SecureMFA WIN OTP cannot start: {reason} — event 5553. Contact your support desk; an administrator can sign in in Safe Mode.";
    }
}
