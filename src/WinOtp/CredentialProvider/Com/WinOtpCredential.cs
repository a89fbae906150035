using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// One tile: a credential of the wrapped Password provider plus the code field. Everything about the wrapped
    /// fields goes to the wrapped credential unchanged, so Windows' own handling of the password stays (expired and
    /// must-change passwords, NLA, the per-user tiles). The one change: <see cref="GetSerialization"/> asks
    /// WinOtp.Core to check the code before the wrapped credential's serialization may go to Windows.
    /// </summary>
    [ComVisible(true)]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class WinOtpCredential : ICredentialProviderCredential2, ICredentialProviderCredentialWithFieldOptions
    {
        private const int StatusSuccess = 0;
        private readonly ICredentialProviderCredential _wrapped;
        private readonly FieldLayout _layout;
        private readonly ITileLogon _logon;
        private readonly LogonScenario _scenario;
        private readonly ShellServices _services;
        private readonly ComGuard _guard;
        private ICredentialProviderCredentialEvents? _events;
        private string _code = "";
        private string _status = "";
        private string? _typedUserName;
        private LogonResult? _letThrough;
        /// <summary>The account of the serialization that went to Windows last, and whether it was a password change.</summary>
        private string? _sentAccount;
        private bool _sentChange;
        /// <summary>An accepted code met "the password must be changed": the change of this account needs no second code.</summary>
        private string? _mayChangeWithoutCode;
        /// <summary>A change let through: the logon that follows with the new password needs no second code.</summary>
        private string? _mayLogonWithoutCode;
        /// <summary>CREDUIWIN_PACK_32_WOW: the wrapped provider packs for a 32-bit CredUI caller.</summary>
        private readonly bool _wow32;

        /// <summary>CREDUIWIN_PACK_32_WOW (wincred.h).</summary>
        public const uint CredUIWinPack32Wow = 0x10000000;
        private const int StatusPasswordExpired = unchecked((int)0xC0000071);
        private const int StatusPasswordMustChange = unchecked((int)0xC0000224);

        public WinOtpCredential(ICredentialProviderCredential wrapped, FieldLayout layout, ITileLogon logon, LogonScenario scenario, ShellServices services, uint flags = 0)
        {
            _wow32 = scenario == LogonScenario.CredUI && (flags & CredUIWinPack32Wow) != 0;
            _wrapped = wrapped ?? throw new ArgumentNullException(nameof(wrapped));
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
            _logon = logon ?? throw new ArgumentNullException(nameof(logon));
            _scenario = scenario;
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _guard = new ComGuard(services, nameof(WinOtpCredential));
        }

        public int Advise(ICredentialProviderCredentialEvents? pcpce) => _guard.Run(nameof(Advise), () =>
        {
            if (!ReferenceEquals(_events, pcpce)) ComReference.Release(_events);
            _events = pcpce;
            return _wrapped.Advise(pcpce == null ? null : new WrappedCredentialEvents(this, pcpce, _services));
        });

        /// <summary>LogonUI's events are given back here (the wrapped credential drops the events object it was given), not at a later finalization.</summary>
        public int UnAdvise() => _guard.Run(nameof(UnAdvise), () =>
        {
            var events = _events;
            _events = null;
            _mayChangeWithoutCode = _mayLogonWithoutCode = null;
            try { return _wrapped.UnAdvise(); }
            finally
            {
                ComReference.Release(events);
                ReportAbandoned();
            }
        });

        /// <summary>
        /// The provider is done with this tile (UnAdvise, a new scenario, new credentials): LogonUI's events and the
        /// wrapped credential are let go now. A later call fails with an HRESULT (through the guard), as for a closed tile.
        /// </summary>
        internal void Detach()
        {
            var events = _events;
            _events = null;
            ComReference.Release(events);
            // Every use of the wrapped credential's pointer (GetCredentialAt, its own pointer in its event calls) is on
            // this one wrapper, and only this tile holds it: all are given back.
            ComReference.FinalRelease(_wrapped);
        }

        public int SetSelected(out int pbAutoLogon)
        {
            pbAutoLogon = 0;
            // Never an automatic logon (the wrapped tile may offer one for credentials from SetSerialization): a code must be typed.
            return _guard.Run(nameof(SetSelected), () => _wrapped.SetSelected(out _));
        }

        public int SetDeselected() => _guard.Run(nameof(SetDeselected), () =>
        {
            ClearCode();
            _mayChangeWithoutCode = _mayLogonWithoutCode = null;
            _status = "";
            return _wrapped.SetDeselected();
        });

        public int GetFieldState(uint dwFieldID, out CredentialProviderFieldState pcpfs, out CredentialProviderFieldInteractiveState pcpfis)
        {
            pcpfs = CredentialProviderFieldState.Hidden;
            pcpfis = CredentialProviderFieldInteractiveState.None;
            var state = CredentialProviderFieldState.Hidden;
            var interactive = CredentialProviderFieldInteractiveState.None;
            var hr = _guard.Run(nameof(GetFieldState), () =>
            {
                var field = _layout.ById(dwFieldID);
                if (field == null) return HResult.E_INVALIDARG;
                if (field.Owner == FieldOwner.Wrapped) return _wrapped.GetFieldState(dwFieldID, out state, out interactive);
                state = OwnFieldStates.For(field.Owner, _logon.OfflineEnabled, _status.Length > 0, _logon.AsksForCode);
                return HResult.S_OK;
            });
            if (HResult.Succeeded(hr)) { pcpfs = state; pcpfis = interactive; }
            return hr;
        }

        public int GetStringValue(uint dwFieldID, out string? ppsz) =>
            _guard.Run(nameof(GetStringValue), out ppsz, (out string? value) =>
            {
                value = null;
                var field = _layout.ById(dwFieldID);
                if (field == null) return HResult.E_INVALIDARG;
                switch (field.Owner)
                {
                    case FieldOwner.Wrapped: return _wrapped.GetStringValue(dwFieldID, out value);
                    case FieldOwner.Code: value = _code; return HResult.S_OK;
                    case FieldOwner.Status: value = _status; return HResult.S_OK;
                    // win_unenrolled_policy Allow or Grace: who has no code yet may leave the field empty.
                    case FieldOwner.EnrolHint: value = TileText.WithHelpdesk(_logon.LetsUnenrolledWithoutCode ? _logon.Text.EnrolHintWithoutCode : field.Label, _logon.HelpdeskText); return HResult.S_OK;
                    default: value = field.Label; return HResult.S_OK;
                }
            });

        public int GetBitmapValue(uint dwFieldID, out IntPtr phbmp) =>
            _guard.Run(nameof(GetBitmapValue), out phbmp, (out IntPtr bitmap) =>
            {
                bitmap = IntPtr.Zero;
                return IsWrapped(dwFieldID) ? _wrapped.GetBitmapValue(dwFieldID, out bitmap) : HResult.E_INVALIDARG;
            });

        public int GetCheckboxValue(uint dwFieldID, out int pbChecked, out string? ppszLabel)
        {
            pbChecked = 0;
            ppszLabel = null;
            var isChecked = 0;
            string? label = null;
            var hr = _guard.Run(nameof(GetCheckboxValue), () => IsWrapped(dwFieldID) ? _wrapped.GetCheckboxValue(dwFieldID, out isChecked, out label) : HResult.E_INVALIDARG);
            if (HResult.Succeeded(hr)) { pbChecked = isChecked; ppszLabel = label; }
            return hr;
        }

        public int GetSubmitButtonValue(uint dwFieldID, out uint pdwAdjacentTo) =>
            _guard.Run(nameof(GetSubmitButtonValue), out pdwAdjacentTo, (out uint adjacent) =>
            {
                adjacent = 0u;
                if (!IsWrapped(dwFieldID)) return HResult.E_INVALIDARG;
                var result = _wrapped.GetSubmitButtonValue(dwFieldID, out adjacent);
                // The arrow sits next to the last thing typed: the code, which follows the password.
                if (HResult.Succeeded(result) && _layout.Password != null && adjacent == _layout.Password.Id) adjacent = _layout.Own(FieldOwner.Code).Id;
                return result;
            });

        public int GetComboBoxValueCount(uint dwFieldID, out uint pcItems, out uint pdwSelectedItem)
        {
            pcItems = 0;
            pdwSelectedItem = 0;
            uint items = 0, selected = 0;
            var hr = _guard.Run(nameof(GetComboBoxValueCount), () => IsWrapped(dwFieldID) ? _wrapped.GetComboBoxValueCount(dwFieldID, out items, out selected) : HResult.E_INVALIDARG);
            if (HResult.Succeeded(hr)) { pcItems = items; pdwSelectedItem = selected; }
            return hr;
        }

        public int GetComboBoxValueAt(uint dwFieldID, uint dwItem, out string? ppszItem) =>
            _guard.Run(nameof(GetComboBoxValueAt), out ppszItem, (out string? item) =>
            {
                item = null;
                return IsWrapped(dwFieldID) ? _wrapped.GetComboBoxValueAt(dwFieldID, dwItem, out item) : HResult.E_INVALIDARG;
            });

        public int SetStringValue(uint dwFieldID, string? psz) => _guard.Run(nameof(SetStringValue), () =>
        {
            var field = _layout.ById(dwFieldID);
            if (field == null) return HResult.E_INVALIDARG;
            if (field.Owner == FieldOwner.Code)
            {
                _code = psz ?? "";
                return HResult.S_OK;
            }
            if (field.Owner != FieldOwner.Wrapped) return HResult.E_INVALIDARG;
            if (field == _layout.UserName) _typedUserName = psz;
            return _wrapped.SetStringValue(dwFieldID, psz);
        });

        public int SetCheckboxValue(uint dwFieldID, int bChecked) =>
            _guard.Run(nameof(SetCheckboxValue), () => IsWrapped(dwFieldID) ? _wrapped.SetCheckboxValue(dwFieldID, bChecked) : HResult.E_INVALIDARG);

        public int SetComboBoxSelectedValue(uint dwFieldID, uint dwSelectedItem) =>
            _guard.Run(nameof(SetComboBoxSelectedValue), () => IsWrapped(dwFieldID) ? _wrapped.SetComboBoxSelectedValue(dwFieldID, dwSelectedItem) : HResult.E_INVALIDARG);

        public int CommandLinkClicked(uint dwFieldID) => _guard.Run(nameof(CommandLinkClicked), () =>
        {
            var field = _layout.ById(dwFieldID);
            if (field == null) return HResult.E_INVALIDARG;
            switch (field.Owner)
            {
                case FieldOwner.Wrapped: return _wrapped.CommandLinkClicked(dwFieldID);
                case FieldOwner.ChangePassword: OpenPasswordPortal(); return HResult.S_OK;
                case FieldOwner.SyncOffline: SyncForOffline(); return HResult.S_OK;
                case FieldOwner.NoPhone: ShowUnlockChallenge(); return HResult.S_OK;
                default: return HResult.E_INVALIDARG;
            }
        });

        /// <summary>
        /// The wrapped credential serializes first; its KERB_INTERACTIVE_UNLOCK_LOGON says exactly which account Windows
        /// will sign in (also on per-user tiles, which have no user name field) and with which password. WinOtp.Core
        /// checks the code for that account; only when it lets the sign-in through does the serialization go to LogonUI.
        /// Otherwise the serialization is wiped and freed, and LogonUI shows the coordinator's message on the tile.
        /// </summary>
        public int GetSerialization(out CredentialProviderGetSerializationResponse pcpgsr, out CredentialSerialization pcpcs,
            out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            pcpgsr = CredentialProviderGetSerializationResponse.NoCredentialNotFinished;
            pcpcs = default;
            ppszOptionalStatusText = null;
            pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.None;
            var response = CredentialProviderGetSerializationResponse.NoCredentialNotFinished;
            var serialization = default(CredentialSerialization);
            string? text = null;
            var icon = CredentialProviderStatusIcon.None;
            var hr = _guard.Run(nameof(GetSerialization), () => Serialize(out response, out serialization, out text, out icon));
            if (HResult.Succeeded(hr))
            {
                pcpgsr = response;
                pcpcs = serialization;
                ppszOptionalStatusText = text;
                pcpsiOptionalStatusIcon = icon;
            }
            return hr;
        }

        public int ReportResult(int ntsStatus, int ntsSubstatus, out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon)
        {
            ppszOptionalStatusText = null;
            pcpsiOptionalStatusIcon = CredentialProviderStatusIcon.None;
            string? text = null;
            var icon = CredentialProviderStatusIcon.None;
            var hr = _guard.Run(nameof(ReportResult), () =>
            {
                var letThrough = _letThrough;
                var account = _sentAccount;
                var change = _sentChange;
                _letThrough = null;
                _sentAccount = null;
                try { return _wrapped.ReportResult(ntsStatus, ntsSubstatus, out text, out icon); }
                finally
                {
                    // An accepted code, a right password, and Windows wants it changed: the wrapped tile now asks for the new one.
                    if (!change && account != null && (IsMustChange(ntsStatus) || IsMustChange(ntsSubstatus))) _mayChangeWithoutCode = account;
                    if (change && ntsStatus != StatusSuccess) _mayLogonWithoutCode = null;
                    // Windows' verdict on the password: only a password Windows accepted may lock the offline vault.
                    if (letThrough != null) _logon.ReportWindowsResult(letThrough, ntsStatus == StatusSuccess);
                }
            });
            if (HResult.Succeeded(hr)) { ppszOptionalStatusText = text; pcpsiOptionalStatusIcon = icon; }
            return hr;
        }

        public int GetUserSid(out string? sid) =>
            _guard.Run(nameof(GetUserSid), out sid, (out string? value) =>
            {
                value = null;
                // A wrapped credential without a user ("Other user", or a V1 Password provider) belongs to the Other user tile.
                return _wrapped is ICredentialProviderCredential2 wrapped2 ? wrapped2.GetUserSid(out value) : HResult.S_FALSE;
            });

        /// <summary>
        /// The code field takes digits only (LogonUI shows a numbers keyboard). The wrapped fields keep the Password
        /// provider's own options (its password reveal button, which it leaves out where the policy hides it); a
        /// wrapped credential without the interface gets none, as LogonUI would give it.
        /// </summary>
        public int GetFieldOptions(uint fieldID, out CredentialProviderCredentialFieldOptions options) =>
            _guard.Run(nameof(GetFieldOptions), out options, (out CredentialProviderCredentialFieldOptions answer) =>
            {
                answer = CredentialProviderCredentialFieldOptions.None;
                var field = _layout.ById(fieldID);
                if (field == null) return HResult.E_INVALIDARG;
                if (field.Owner == FieldOwner.Code) answer = CredentialProviderCredentialFieldOptions.NumbersOnly;
                else if (field.Owner == FieldOwner.Wrapped && _wrapped is ICredentialProviderCredentialWithFieldOptions wrapped) return wrapped.GetFieldOptions(fieldID, out answer);
                return HResult.S_OK;
            });

        private int Serialize(out CredentialProviderGetSerializationResponse response, out CredentialSerialization serialization, out string? text, out CredentialProviderStatusIcon icon)
        {
            ReportAbandoned();
            var hr = _wrapped.GetSerialization(out response, out serialization, out text, out icon);
            if (!HResult.Succeeded(hr) || response != CredentialProviderGetSerializationResponse.ReturnCredentialFinished) return hr;

            var wrapped = serialization;
            serialization = default;
            try
            {
                var verdict = Check(wrapped, out var account, out var change);
                ClearCode();
                if (verdict == null || !verdict.MayProceed)
                {
                    Discard(wrapped);
                    response = CredentialProviderGetSerializationResponse.NoCredentialNotFinished;
                    text = TileText.WithHelpdesk(verdict?.Message ?? _logon.Text.CodeRejectedCredential, _logon.HelpdeskText);
                    icon = CredentialProviderStatusIcon.Error;
                    return HResult.S_OK;
                }
                _sentAccount = account;
                _sentChange = change;
                if (change)
                {
                    // A password change signs nobody in: nothing to store offline under the old password.
                    _logon.ReportWindowsResult(verdict, false);
                    _mayLogonWithoutCode = account;
                }
                else _letThrough = verdict;
                wrapped.CredentialProviderClsid = ProviderIds.Provider;
                serialization = wrapped;
                return hr;
            }
            catch
            {
                Discard(wrapped);
                throw;
            }
        }

        /// <summary>
        /// The coordinator's verdict for the account and password inside the wrapped serialization; null when it cannot be
        /// read. A password change (KERB_CHANGEPASSWORD_REQUEST) needs a code like a logon, checked with the old password;
        /// one code per tile covers the whole expired-password flow (logon refused as must-change, the change, the logon
        /// with the new password) for the same account, in that order.
        /// </summary>
        private LogonResult? Check(CredentialSerialization wrapped, out string? account, out bool change)
        {
            account = null;
            change = false;
            var bytes = Copy(wrapped);
            try
            {
                string password;
                var request = KerbChangePasswordPacking.TryUnpack(bytes, _wow32);
                if (request != null)
                {
                    change = true;
                    account = request.QualifiedUserName;
                    _mayLogonWithoutCode = null;
                    if (Same(_mayChangeWithoutCode, account))
                    {
                        _mayChangeWithoutCode = null;
                        return LogonResult.AlreadyChecked();
                    }
                    password = request.OldPassword;
                }
                else
                {
                    var logon = KerbInteractiveUnlockLogonPacking.TryUnpack(bytes, out var problem, _wow32);
                    if (logon == null)
                    {
                        _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"SecureMFA WIN OTP refused a sign-in: the Password provider's credential could not be read ({problem}).");
                        return null;
                    }
                    account = logon.QualifiedUserName;
                    _mayChangeWithoutCode = null;
                    if (Same(_mayLogonWithoutCode, account))
                    {
                        _mayLogonWithoutCode = null;
                        return LogonResult.AlreadyChecked();
                    }
                    _mayLogonWithoutCode = null;
                    password = logon.Password;
                }
                var plain = _services.Passwords.Unprotect(password);
                // LogonUI's thread waits for the answer (at most win_api_timeout, see docs/win-otp.md): say so on the tile first.
                SetStatus(_logon.Text.CheckingCode);
                try { return _logon.SignIn(new LogonRequest(_scenario, account, plain, _code)); }
                finally { SetStatus(""); }
            }
            finally { Array.Clear(bytes, 0, bytes.Length); }
        }

        private static bool Same(string? expected, string account) => expected != null && string.Equals(expected, account, StringComparison.OrdinalIgnoreCase);

        private static bool IsMustChange(int status) => status == StatusPasswordExpired || status == StatusPasswordMustChange;

        private void OpenPasswordPortal()
        {
            var url = _logon.SsprUrl;
            if (url == null) SetStatus(_logon.Text.SsprNotConfigured);
            else if (!ChangePasswordLink.MayStartBrowser(_scenario)) SetStatus(_logon.Text.OpenPortalElsewhere(url));
            else if (_services.ChangePassword.TryStartAsSessionUser(url, out var reason)) SetStatus(_logon.Text.PortalOpened(url));
            else SetStatus(_logon.Text.PortalNotOpened(url, reason));
        }

        private void SyncForOffline()
        {
            var user = _typedUserName;
            if (string.IsNullOrWhiteSpace(user) && _layout.UserName != null && HResult.Succeeded(_wrapped.GetStringValue(_layout.UserName.Id, out var shown))) user = shown;
            if (string.IsNullOrWhiteSpace(user) || _code.Trim().Length == 0)
            {
                SetStatus(_logon.Text.SyncNeedsNameAndCode);
                return;
            }
            var result = _logon.SyncForOffline(user!, _code);
            ClearCode();
            // A sync that did not work, like a refused sign-in, is followed by the administrator's help-desk line.
            SetStatus(result.Outcome == LogonOutcome.Synced ? result.Message : TileText.WithHelpdesk(result.Message, _logon.HelpdeskText));
        }

        /// <summary>
        /// "No phone?": offline, the help-desk challenge on the status line; the answer is then typed in the code field and
        /// submitted as any code (the coordinator tells it by its form).
        /// </summary>
        private void ShowUnlockChallenge()
        {
            var user = _typedUserName;
            if (string.IsNullOrWhiteSpace(user) && _layout.UserName != null && HResult.Succeeded(_wrapped.GetStringValue(_layout.UserName.Id, out var shown))) user = shown;
            if (string.IsNullOrWhiteSpace(user))
            {
                SetStatus(_logon.Text.NoPhoneNeedsName);
                return;
            }
            // The challenge says to call the help desk: the administrator's line says how.
            SetStatus(TileText.WithHelpdesk(_logon.RequestUnlockChallenge(user!).Message, _logon.HelpdeskText));
        }

        /// <summary>A sign-in let through whose verdict never came (the tile went away, or a new attempt began): the password is forgotten unused.</summary>
        private void ReportAbandoned()
        {
            var letThrough = _letThrough;
            _letThrough = null;
            if (letThrough != null) _logon.ReportWindowsResult(letThrough, false);
        }

        private void ClearCode()
        {
            // A code is good once: after any attempt the field is emptied for the next one.
            _code = "";
            _events?.SetFieldString(this, _layout.Own(FieldOwner.Code).Id, "");
        }

        private void SetStatus(string text)
        {
            _status = text ?? "";
            var status = _layout.Own(FieldOwner.Status).Id;
            _events?.SetFieldString(this, status, _status);
            _events?.SetFieldState(this, status, _status.Length > 0 ? CredentialProviderFieldState.DisplayInSelectedTile : CredentialProviderFieldState.Hidden);
        }

        private bool IsWrapped(uint fieldId) => _layout.ById(fieldId)?.Owner == FieldOwner.Wrapped;

        private static byte[] Copy(CredentialSerialization serialization)
        {
            if (serialization.Serialization == IntPtr.Zero || serialization.SerializationSize == 0) return new byte[0];
            var bytes = new byte[serialization.SerializationSize];
            Marshal.Copy(serialization.Serialization, bytes, 0, bytes.Length);
            return bytes;
        }

        /// <summary>Wipes and frees a serialization that will not go to Windows (it holds the password).</summary>
        internal static void Discard(CredentialSerialization serialization)
        {
            if (serialization.Serialization == IntPtr.Zero) return;
            if (serialization.SerializationSize > 0) Marshal.Copy(new byte[serialization.SerializationSize], 0, serialization.Serialization, (int)serialization.SerializationSize);
            Marshal.FreeCoTaskMem(serialization.Serialization);
        }
    }
}
