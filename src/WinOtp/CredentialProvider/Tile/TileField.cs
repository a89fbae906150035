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
}
