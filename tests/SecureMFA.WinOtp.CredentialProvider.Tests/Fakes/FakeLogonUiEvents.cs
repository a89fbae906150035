using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>LogonUI's side of ICredentialProviderCredentialEvents2: records each call with the credential it named.</summary>
    public sealed class FakeLogonUiEvents : ICredentialProviderCredentialEvents2
    {
        public List<(string Call, ICredentialProviderCredential? Credential, uint FieldId, string? Text)> Calls { get; } = new List<(string, ICredentialProviderCredential?, uint, string?)>();
        public bool Throw { get; set; }

        private int Record(string call, ICredentialProviderCredential? credential, uint field, string? text = null)
        {
            if (Throw) throw new InvalidOperationException("LogonUI's events failed.");
            Calls.Add((call, credential, field, text));
            return 0;
        }

        public int SetFieldState(ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldState cpfs) => Record("SetFieldState", pcpc, dwFieldID, cpfs.ToString());
        public int SetFieldInteractiveState(ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldInteractiveState cpfis) => Record("SetFieldInteractiveState", pcpc, dwFieldID, cpfis.ToString());
        public int SetFieldString(ICredentialProviderCredential? pcpc, uint dwFieldID, string? psz) => Record("SetFieldString", pcpc, dwFieldID, psz);
        public int SetFieldCheckbox(ICredentialProviderCredential? pcpc, uint dwFieldID, int bChecked, string? pszLabel) => Record("SetFieldCheckbox", pcpc, dwFieldID, pszLabel);
        public int SetFieldBitmap(ICredentialProviderCredential? pcpc, uint dwFieldID, IntPtr hbmp) => Record("SetFieldBitmap", pcpc, dwFieldID);
        public int SetFieldComboBoxSelectedItem(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwSelectedItem) => Record("SetFieldComboBoxSelectedItem", pcpc, dwFieldID);
        public int DeleteFieldComboBoxItem(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwItem) => Record("DeleteFieldComboBoxItem", pcpc, dwFieldID);
        public int AppendFieldComboBoxItem(ICredentialProviderCredential? pcpc, uint dwFieldID, string? pszItem) => Record("AppendFieldComboBoxItem", pcpc, dwFieldID, pszItem);
        public int SetFieldSubmitButton(ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwAdjacentTo) => Record("SetFieldSubmitButton", pcpc, dwFieldID, dwAdjacentTo.ToString());

        public int OnCreatingWindow(out IntPtr phwndOwner)
        {
            phwndOwner = new IntPtr(42);
            return Record("OnCreatingWindow", null, 0);
        }

        public int BeginFieldUpdates() => Record("BeginFieldUpdates", null, 0);
        public int EndFieldUpdates() => Record("EndFieldUpdates", null, 0);
        public int SetFieldOptions(ICredentialProviderCredential? credential, uint fieldID, CredentialProviderCredentialFieldOptions options) => Record("SetFieldOptions", credential, fieldID);
    }
}
