using System;
using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>One field of the tile as LogonUI sees it (its descriptor), and who answers for it.</summary>
    public sealed class TileField
    {
        public TileField(uint id, CredentialProviderFieldType type, string label, Guid guidFieldType, FieldOwner owner)
        {
            Id = id;
            Type = type;
            Label = label ?? "";
            GuidFieldType = guidFieldType;
            Owner = owner;
        }

        public uint Id { get; }
        public CredentialProviderFieldType Type { get; }
        public string Label { get; }
        public Guid GuidFieldType { get; }
        public FieldOwner Owner { get; }

        public override string ToString() => $"{Id} {Type} {Owner} '{Label}'";
    }

    /// <summary>Who answers for a field of the tile: the wrapped Password credential, or the shell (one value per own field).</summary>
    public enum FieldOwner
    {
        Wrapped,
        /// <summary>The one-time code (edit text), right after the password.</summary>
        Code,
        /// <summary>How to get a code: the tile never enrols (small text).</summary>
        EnrolHint,
        /// <summary>Results of the shell's own actions (small text, hidden while empty).</summary>
        Status,
        /// <summary>"Change password": the SSPR portal (command link).</summary>
        ChangePassword,
        /// <summary>"Sync this account for offline sign-in" (command link, shown when offline sign-in is on).</summary>
        SyncOffline,
        /// <summary>"No phone?": offline, the help-desk challenge (command link, shown when offline sign-in is on).</summary>
        NoPhone,
        /// <summary>The title of the tile that says why the provider cannot start (large text).</summary>
        Title,
    }
}
