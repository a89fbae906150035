using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>
    /// A stand-in for a credential of Windows' Password provider: it keeps what is typed, serializes a packed
    /// KERB_INTERACTIVE_UNLOCK_LOGON in CoTaskMem memory (as the real one, password "protected"), and records calls.
    /// </summary>
    public sealed class FakePasswordCredential : ICredentialProviderCredential2, ICredentialProviderCredentialWithFieldOptions
    {
        public const uint NegotiatePackage = 7;
        private readonly FakePasswordProvider _provider;

        public FakePasswordCredential(FakePasswordProvider provider, string? sid)
        {
            _provider = provider;
            Sid = sid;
        }

        public string? Sid { get; }
        public string Domain { get; set; } = "ADATUM";
        public Dictionary<uint, string> Strings { get; } = new Dictionary<uint, string>();
        public List<string> Calls { get; } = new List<string>();
        public ICredentialProviderCredentialEvents? Events { get; private set; }
        public IntPtr LastSerialization { get; private set; }
        public bool AutoLogon { get; set; }
        public CredentialProviderGetSerializationResponse Response { get; set; } = CredentialProviderGetSerializationResponse.ReturnCredentialFinished;
        public KerbLogonMessageType MessageType { get; set; } = KerbLogonMessageType.InteractiveLogon;
        /// <summary>Bytes to serialize instead of a KERB_INTERACTIVE_UNLOCK_LOGON.</summary>
        public byte[]? RawSerialization { get; set; }

        private void Call(string name)
        {
            Calls.Add(name);
            if (_provider.Throw) throw new COMException("The wrapped credential failed in " + name + ".", unchecked((int)0x80070005));
        }

        public int Advise(ICredentialProviderCredentialEvents? pcpce) { Call("Advise"); Events = pcpce; return 0; }
        public int UnAdvise() { Call("UnAdvise"); Events = null; return 0; }
        public int SetSelected(out int pbAutoLogon) { pbAutoLogon = AutoLogon ? 1 : 0; Call("SetSelected"); return 0; }
        public int SetDeselected() { Call("SetDeselected"); return 0; }

        public int GetFieldState(uint dwFieldID, out CredentialProviderFieldState pcpfs, out CredentialProviderFieldInteractiveState pcpfis)
        {
            pcpfs = CredentialProviderFieldState.DisplayInBoth;
            pcpfis = dwFieldID == FakePasswordProvider.PasswordId ? CredentialProviderFieldInteractiveState.Focused : CredentialProviderFieldInteractiveState.None;
            Call("GetFieldState " + dwFieldID);
            return 0;
        }

        public int GetStringValue(uint dwFieldID, out string? ppsz)
        {
            ppsz = Strings.TryGetValue(dwFieldID, out var value) ? value : "";
            Call("GetStringValue " + dwFieldID);
            return 0;
        }

        public int GetBitmapValue(uint dwFieldID, out IntPtr phbmp) { phbmp = new IntPtr(0x1234); Call("GetBitmapValue " + dwFieldID); return 0; }
        public int GetCheckboxValue(uint dwFieldID, out int pbChecked, out string? ppszLabel) { pbChecked = 1; ppszLabel = "check"; Call("GetCheckboxValue " + dwFieldID); return 0; }

        public int GetSubmitButtonValue(uint dwFieldID, out uint pdwAdjacentTo)
        {
            pdwAdjacentTo = FakePasswordProvider.PasswordId;
            Call("GetSubmitButtonValue " + dwFieldID);
            return 0;
        }

        public int GetComboBoxValueCount(uint dwFieldID, out uint pcItems, out uint pdwSelectedItem) { pcItems = 2; pdwSelectedItem = 1; Call("GetComboBoxValueCount " + dwFieldID); return 0; }
        public int GetComboBoxValueAt(uint dwFieldID, uint dwItem, out string? ppszItem) { ppszItem = "item" + dwItem; Call("GetComboBoxValueAt " + dwFieldID); return 0; }

        public int SetStringValue(uint dwFieldID, string? psz)
        {
            Call("SetStringValue " + dwFieldID);
            Strings[dwFieldID] = psz ?? "";
            return 0;
        }

        public int SetCheckboxValue(uint dwFieldID, int bChecked) { Call("SetCheckboxValue " + dwFieldID); return 0; }
        public int SetComboBoxSelectedValue(uint dwFieldID, uint dwSelectedItem) { Call("SetComboBoxSelectedValue " + dwFieldID); return 0; }
        public int CommandLinkClicked(uint dwFieldID) { Call("CommandLinkClicked " + dwFieldID); return 0; }

        public int GetSerialization(out CredentialProviderGetSerializationResponse pcpgsr, out CredentialSerialization pcpcs, out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            pcpgsr = Response;
            pcpcs = default;
            ppszOptionalStatusText = null;
            pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.None;
            Call("GetSerialization");
            if (Response != CredentialProviderGetSerializationResponse.ReturnCredentialFinished) return 0;
            var bytes = RawSerialization ?? KerbInteractiveUnlockLogonPacking.Pack(new InteractiveUnlockLogon(MessageType, Domain,
                Strings.TryGetValue(FakePasswordProvider.UserNameId, out var user) ? user : "",
                FakeUnprotector.Protect(Strings.TryGetValue(FakePasswordProvider.PasswordId, out var password) ? password : "")));
            var buffer = Marshal.AllocCoTaskMem(bytes.Length);
            Marshal.Copy(bytes, 0, buffer, bytes.Length);
            LastSerialization = buffer;
            pcpcs = new CredentialSerialization { AuthenticationPackage = NegotiatePackage, CredentialProviderClsid = FakePasswordProvider.Clsid, SerializationSize = (uint)bytes.Length, Serialization = buffer };
            return 0;
        }

        public List<int> ReportedStatuses { get; } = new List<int>();

        public int ReportResult(int ntsStatus, int ntsSubstatus, out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            ppszOptionalStatusText = ntsStatus == 0 ? null : "The password is incorrect.";
            pcpsiOptionalStatusIcon = ntsStatus == 0 ? CredentialProviderStatusIcon.None : CredentialProviderStatusIcon.Error;
            ReportedStatuses.Add(ntsStatus);
            Call("ReportResult");
            return 0;
        }

        public int GetUserSid(out string? sid)
        {
            sid = Sid;
            Call("GetUserSid");
            return Sid == null ? 1 : 0;
        }

        /// <summary>As Windows' Password credential: the reveal button on its password field (unless a policy hides it).</summary>
        public int GetFieldOptions(uint fieldID, out CredentialProviderCredentialFieldOptions options)
        {
            options = fieldID == FakePasswordProvider.PasswordId ? CredentialProviderCredentialFieldOptions.EnablePasswordReveal : CredentialProviderCredentialFieldOptions.None;
            Call("GetFieldOptions " + fieldID);
            return 0;
        }

        /// <summary>As the real credential does when its state changes: LogonUI's events, called with its own pointer.</summary>
        public void RaiseFieldString(uint fieldId, string text) => Events!.SetFieldString(this, fieldId, text);
    }
}
