using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// The tile's fields: the wrapped Password provider's, unchanged and in its order, with the code field inserted
    /// right after the logon password and the shell's other fields after the last wrapped one. Wrapped fields keep
    /// their ids (the wrapped credential and its events speak in them); the shell's take the ids after the highest
    /// wrapped one, so the two never meet. LogonUI addresses descriptors by index and fields by id.
    /// </summary>
    public sealed class FieldLayout
    {
        private readonly List<TileField> _fields;
        private readonly Dictionary<uint, TileField> _byId;

        private FieldLayout(List<TileField> fields)
        {
            _fields = fields;
            _byId = fields.ToDictionary(f => f.Id);
        }

        public IReadOnlyList<TileField> Fields => _fields;

        /// <summary>The wrapped logon password field (CPFG_LOGON_PASSWORD, else the first password field), if any.</summary>
        public TileField? Password { get; private set; }

        /// <summary>The wrapped user name edit field (CPFG_LOGON_USERNAME, else the first edit field), if any.</summary>
        public TileField? UserName { get; private set; }

        public TileField? ById(uint id) => _byId.TryGetValue(id, out var field) ? field : null;

        public TileField Own(FieldOwner owner) => _fields.First(f => f.Owner == owner);

        /// <param name="text">The tile's language (<see cref="LogonCoordinator.Text"/>); English when null.</param>
        /// <param name="tileLabel">win_tile_label: the code field's label as the administrator gave it; null or blank for the language's own.</param>
        public static FieldLayout Build(IReadOnlyList<TileField> wrapped, TileText? text = null, string? tileLabel = null)
        {
            text ??= TileText.English;
            _ = wrapped ?? throw new ArgumentNullException(nameof(wrapped));
            if (wrapped.Any(f => f.Owner != FieldOwner.Wrapped)) throw new ArgumentException("Only the wrapped provider's fields are passed in.", nameof(wrapped));
            var duplicate = wrapped.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new ArgumentException($"The wrapped provider reports field id {duplicate.Key} twice.", nameof(wrapped));

            var password = wrapped.FirstOrDefault(f => f.Type == CredentialProviderFieldType.PasswordText && f.GuidFieldType == ProviderIds.LogonPasswordField)
                ?? wrapped.FirstOrDefault(f => f.Type == CredentialProviderFieldType.PasswordText);
            var userName = wrapped.FirstOrDefault(f => f.Type == CredentialProviderFieldType.EditText && f.GuidFieldType == ProviderIds.LogonUserNameField)
                ?? wrapped.FirstOrDefault(f => f.Type == CredentialProviderFieldType.EditText);

            var next = wrapped.Count == 0 ? 0u : wrapped.Max(f => f.Id) + 1;
            if (next > uint.MaxValue - 8) throw new ArgumentException("The wrapped provider's field ids leave no room for the shell's.", nameof(wrapped));
            TileField Own(CredentialProviderFieldType type, string label, FieldOwner owner) => new TileField(next++, type, label, Guid.Empty, owner);
            var code = Own(CredentialProviderFieldType.EditText, TileText.CodeLabelOf(text, tileLabel), FieldOwner.Code);
            var trailing = new[]
            {
                Own(CredentialProviderFieldType.SmallText, text.EnrolHint, FieldOwner.EnrolHint),
                Own(CredentialProviderFieldType.SmallText, "", FieldOwner.Status),
                Own(CredentialProviderFieldType.CommandLink, text.ChangePasswordLabel, FieldOwner.ChangePassword),
                Own(CredentialProviderFieldType.CommandLink, text.SyncOfflineLabel, FieldOwner.SyncOffline),
                Own(CredentialProviderFieldType.CommandLink, text.NoPhoneLabel, FieldOwner.NoPhone),
            };

            var fields = new List<TileField>(wrapped.Count + 6);
            foreach (var field in wrapped)
            {
                fields.Add(field);
                if (field == password) fields.Add(code);
            }
            if (password == null) fields.Add(code);
            fields.AddRange(trailing);
            return new FieldLayout(fields) { Password = password, UserName = userName };
        }
    }
}
