using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// The tile shown where a code is required but the provider cannot wrap Windows' Password provider (or failed
    /// inside): it says so and cannot sign anyone in — no submit button, and GetSerialization never returns a credential.
    /// The floor under <see cref="TileDuty"/>: the filter has switched the other providers off, so this tile is what
    /// stands between the user and an empty logon screen. Shows the message field (and a title on its own layout);
    /// every other field of the layout it is given is hidden.
    /// </summary>
    [ComVisible(true)]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class UnavailableCredential : ICredentialProviderCredential2
    {
        private readonly IReadOnlyList<TileField> _fields;
        private readonly HashSet<uint> _shown;
        private readonly uint _messageId;
        private readonly ComGuard _guard;

        public UnavailableCredential(IReadOnlyList<TileField> fields, uint messageId, uint? titleId, string message, ShellServices services)
        {
            _fields = fields ?? throw new ArgumentNullException(nameof(fields));
            if (_fields.All(f => f.Id != messageId)) throw new ArgumentException("The message field is not in the layout.", nameof(messageId));
            _messageId = messageId;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            _shown = new HashSet<uint> { messageId };
            if (titleId.HasValue) _shown.Add(titleId.Value);
            _guard = new ComGuard(services, nameof(UnavailableCredential));
        }

        /// <summary>"SecureMFA WIN OTP cannot start: … — event 5553".</summary>
        public string Message { get; }

        // Nothing here changes after it is shown: LogonUI's events are not kept, and given back at once.
        public int Advise(ICredentialProviderCredentialEvents? pcpce) => _guard.Run(nameof(Advise), () => { ComReference.Release(pcpce); return HResult.S_OK; });
        public int UnAdvise() => _guard.Run(nameof(UnAdvise), () => HResult.S_OK);

        public int SetSelected(out int pbAutoLogon)
        {
            pbAutoLogon = 0;
            return _guard.Run(nameof(SetSelected), () => HResult.S_OK);
        }

        public int SetDeselected() => _guard.Run(nameof(SetDeselected), () => HResult.S_OK);

        public int GetFieldState(uint dwFieldID, out CredentialProviderFieldState pcpfs, out CredentialProviderFieldInteractiveState pcpfis)
        {
            pcpfs = CredentialProviderFieldState.Hidden;
            pcpfis = CredentialProviderFieldInteractiveState.None;
            var state = CredentialProviderFieldState.Hidden;
            var hr = _guard.Run(nameof(GetFieldState), () =>
            {
                if (!Has(dwFieldID)) return HResult.E_INVALIDARG;
                state = _shown.Contains(dwFieldID) ? CredentialProviderFieldState.DisplayInBoth : CredentialProviderFieldState.Hidden;
                return HResult.S_OK;
            });
            if (HResult.Succeeded(hr)) pcpfs = state;
            return hr;
        }

        public int GetStringValue(uint dwFieldID, out string? ppsz) =>
            _guard.Run(nameof(GetStringValue), out ppsz, (out string? value) =>
            {
                value = null;
                var field = _fields.FirstOrDefault(f => f.Id == dwFieldID);
                if (field == null) return HResult.E_INVALIDARG;
                value = dwFieldID == _messageId ? Message : _shown.Contains(dwFieldID) ? field.Label : "";
                return HResult.S_OK;
            });

        public int GetBitmapValue(uint dwFieldID, out IntPtr phbmp)
        {
            phbmp = IntPtr.Zero;
            return _guard.Run(nameof(GetBitmapValue), () => HResult.E_NOTIMPL);
        }

        public int GetCheckboxValue(uint dwFieldID, out int pbChecked, out string? ppszLabel)
        {
            pbChecked = 0;
            ppszLabel = null;
            return _guard.Run(nameof(GetCheckboxValue), () => HResult.E_NOTIMPL);
        }

        public int GetSubmitButtonValue(uint dwFieldID, out uint pdwAdjacentTo)
        {
            pdwAdjacentTo = 0;
            return _guard.Run(nameof(GetSubmitButtonValue), () => HResult.E_NOTIMPL);
        }

        public int GetComboBoxValueCount(uint dwFieldID, out uint pcItems, out uint pdwSelectedItem)
        {
            pcItems = 0;
            pdwSelectedItem = 0;
            return _guard.Run(nameof(GetComboBoxValueCount), () => HResult.E_NOTIMPL);
        }

        public int GetComboBoxValueAt(uint dwFieldID, uint dwItem, out string? ppszItem)
        {
            ppszItem = null;
            return _guard.Run(nameof(GetComboBoxValueAt), () => HResult.E_NOTIMPL);
        }

        public int SetStringValue(uint dwFieldID, string? psz) => _guard.Run(nameof(SetStringValue), () => HResult.E_NOTIMPL);
        public int SetCheckboxValue(uint dwFieldID, int bChecked) => _guard.Run(nameof(SetCheckboxValue), () => HResult.E_NOTIMPL);
        public int SetComboBoxSelectedValue(uint dwFieldID, uint dwSelectedItem) => _guard.Run(nameof(SetComboBoxSelectedValue), () => HResult.E_NOTIMPL);
        public int CommandLinkClicked(uint dwFieldID) => _guard.Run(nameof(CommandLinkClicked), () => HResult.E_NOTIMPL);

        /// <summary>Never a credential: the message again, with the error icon (Enter on the tile lands here).</summary>
        public int GetSerialization(out CredentialProviderGetSerializationResponse pcpgsr, out CredentialSerialization pcpcs,
            out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            pcpgsr = CredentialProviderGetSerializationResponse.NoCredentialNotFinished;
            pcpcs = default;
            ppszOptionalStatusText = null;
            pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.None;
            var hr = _guard.Run(nameof(GetSerialization), () => HResult.S_OK);
            if (HResult.Succeeded(hr))
            {
                ppszOptionalStatusText = Message;
                pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.Error;
            }
            return hr;
        }

        public int ReportResult(int ntsStatus, int ntsSubstatus, out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            ppszOptionalStatusText = null;
            pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.None;
            return _guard.Run(nameof(ReportResult), () => HResult.S_OK);
        }

        public int GetUserSid(out string? sid)
        {
            sid = null;
            // No user: the "Other user" tile, which is there on every logon screen.
            return _guard.Run(nameof(GetUserSid), () => HResult.S_FALSE);
        }

        private bool Has(uint id) => _fields.Any(f => f.Id == id);
    }
}
