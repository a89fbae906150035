using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// The events object the wrapped Password credential is given. It calls back with its own pointer, which LogonUI
    /// does not know (LogonUI only knows our credential): each call goes on to LogonUI's events with our credential
    /// instead, and the field ids unchanged (the wrapped fields keep their ids in our layout).
    /// </summary>
    [ComVisible(true)]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class WrappedCredentialEvents : ICredentialProviderCredentialEvents2
    {
        private readonly ICredentialProviderCredential _wrapper;
        private readonly ICredentialProviderCredentialEvents _logonUi;
        private readonly ComGuard _guard;

        public WrappedCredentialEvents(ICredentialProviderCredential wrapper, ICredentialProviderCredentialEvents logonUi, ShellServices services)
        {
            _wrapper = wrapper ?? throw new ArgumentNullException(nameof(wrapper));
            _logonUi = logonUi ?? throw new ArgumentNullException(nameof(logonUi));
            _guard = new ComGuard(services, nameof(WrappedCredentialEvents));
        }

        public int SetFieldState(ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldState cpfs) =>
            _guard.Run(nameof(SetFieldState), () => _logonUi.SetFieldState(_wrapper, dwFieldID, cpfs));

        public int SetFieldInteractiveState(ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldInteractiveState cpfis) =>
            _guard.Run(nameof(SetFieldInteractiveState), () => _logonUi.SetFieldInteractiveState(_wrapper, dwFieldID, cpfis));

        public int SetFieldString(ICredentialProviderCredential? pcpc, uint dwFieldID, string? psz) =>
            _guard.Run(nameof(SetFieldString), () => _logonUi.SetFieldString(_wrapper, dwFieldID, psz));

        public int SetFieldCheckbox(ICredentialProviderCredential? pcpc, uint dwFieldID, int bChecked, string? pszLabel) =>
            _guard.Run(nameof(SetFieldCheckbox), () => _logonUi.SetFieldCheckbox(_wrapper, dwFieldID, bChecked, pszLabel));

        public int SetFieldBitmap(ICredentialProviderCredential? pcpc, uint dwFieldID, IntPtr hbmp) =>
            _guard.Run(nameof(SetFieldBitmap), () => _logonUi.SetFieldBitmap(_wrapper, dwFieldID, hbmp));

        public int SetFieldComboBoxSelectedItem(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwSelectedItem) =>
            _guard.Run(nameof(SetFieldComboBoxSelectedItem), () => _logonUi.SetFieldComboBoxSelectedItem(_wrapper, dwFieldID, dwSelectedItem));

        public int DeleteFieldComboBoxItem(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwItem) =>
            _guard.Run(nameof(DeleteFieldComboBoxItem), () => _logonUi.DeleteFieldComboBoxItem(_wrapper, dwFieldID, dwItem));

        public int AppendFieldComboBoxItem(ICredentialProviderCredential? pcpc, uint dwFieldID, string? pszItem) =>
            _guard.Run(nameof(AppendFieldComboBoxItem), () => _logonUi.AppendFieldComboBoxItem(_wrapper, dwFieldID, pszItem));

        public int SetFieldSubmitButton(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwAdjacentTo) =>
            _guard.Run(nameof(SetFieldSubmitButton), () => _logonUi.SetFieldSubmitButton(_wrapper, dwFieldID, dwAdjacentTo));

        public int OnCreatingWindow(out IntPtr phwndOwner) =>
            _guard.Run(nameof(OnCreatingWindow), out phwndOwner, (out IntPtr owner) =>
            {
                owner = IntPtr.Zero;
                return _logonUi.OnCreatingWindow(out owner);
            });

        // ICredentialProviderCredentialEvents2: passed on when LogonUI's events have it (Windows 8 and later).
        public int BeginFieldUpdates() =>
            _guard.Run(nameof(BeginFieldUpdates), () => _logonUi is ICredentialProviderCredentialEvents2 events2 ? events2.BeginFieldUpdates() : HResult.S_OK);

        public int EndFieldUpdates() =>
            _guard.Run(nameof(EndFieldUpdates), () => _logonUi is ICredentialProviderCredentialEvents2 events2 ? events2.EndFieldUpdates() : HResult.S_OK);

        public int SetFieldOptions(ICredentialProviderCredential? credential, uint fieldID, CredentialProviderCredentialFieldOptions options) =>
            _guard.Run(nameof(SetFieldOptions), () => _logonUi is ICredentialProviderCredentialEvents2 events2 ? events2.SetFieldOptions(_wrapper, fieldID, options) : HResult.E_NOTIMPL);
    }
}
