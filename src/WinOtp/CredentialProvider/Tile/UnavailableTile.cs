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

        /// <summary>What the tile says, in the session's language (the reason, from the shell, stays as it is: the event 5553 says it too).</summary>
        public static string Message(string reason, Logon.TileText? text = null) => (text ?? Logon.TileText.English).CannotStart(reason);
    }
}
