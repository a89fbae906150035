using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// The credential provider LogonUI creates by CLSID (registered by Install-SecureMFA_WIN_OTP_AuthenticationProvider).
    /// It creates Windows' Password provider, passes everything on to it, and wraps each of its credentials in a
    /// <see cref="WinOtpCredential"/> with a code field. Where WinOtp.Core says no code is required (RDPonly on the
    /// console), in Safe Mode and for generic CredUI prompts it declines the scenario (E_NOTIMPL) and Windows' own
    /// tiles work as always; where a code is required it always shows a tile (<see cref="SetUsageScenario"/>).
    /// A V2 provider: LogonUI's user array goes to the wrapped one.
    /// </summary>
    [ComVisible(true)]
    [Guid(ProviderIds.ProviderClsidText)]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class WinOtpCredentialProvider : ICredentialProvider, ICredentialProviderSetUserArray
    {
        /// <summary>This class's CLSID, as registered under Credential Providers.</summary>
        public const string Clsid = ProviderIds.ProviderClsidText;

        private readonly ShellServices _services;
        private readonly ComGuard _guard;
        private ICredentialProvider? _wrapped;
        private ITileLogon? _logon;
        private LogonScenario _scenario;
        private ICredentialProviderUserArray? _users;
        private FieldLayout? _layout;
        private uint _flags;
        private List<WinOtpCredential> _credentials = new List<WinOtpCredential>();
        /// <summary>The scenario to start again if LogonUI comes back after UnAdvise let go of the Password provider.</summary>
        private (CredentialProviderUsageScenario Cpus, uint Flags)? _unadvised;
        private (CredentialProviderUsageScenario Cpus, uint Flags)? _started;
        /// <summary>Set instead of the wrapped provider when it cannot be wrapped: the one tile shown.</summary>
        private UnavailableCredential? _unavailable;

        /// <summary>What COM calls: the real Windows seams.</summary>
        public WinOtpCredentialProvider() : this(Windows.WindowsShellServices.Create()) { }

        public WinOtpCredentialProvider(ShellServices services)
        {
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _guard = new ComGuard(services, nameof(WinOtpCredentialProvider));
        }

        /// <summary>
        /// Where <see cref="TileDuty"/> says our tile serves the scenario this never fails: LogonUI drops a provider whose
        /// SetUsageScenario fails, and the filter has switched the others off. When the Password provider cannot be
        /// created, does not answer as a credential provider (QueryInterface), declines the scenario, or anything in
        /// here throws, the provider shows one <see cref="UnavailableCredential"/> saying so (and event 5553).
        /// </summary>
        public int SetUsageScenario(CredentialProviderUsageScenario cpus, uint dwFlags)
        {
            Release();
            var duty = TileDuty.Decide(_services, cpus, dwFlags);
            if (!duty.Serves) return LetGoIfDeclined(HResult.E_NOTIMPL);
            var reason = duty.Problem;
            if (reason == null)
            {
                reason = "an unexpected error in the provider";
                var hr = _guard.Run(nameof(SetUsageScenario), () => Wrap(cpus, dwFlags, duty, ref reason));
                if (HResult.Succeeded(hr)) return HResult.S_OK;
                Release();
            }
            ShowUnavailable(cpus, reason);
            return HResult.S_OK;
        }

        /// <summary>
        /// Credentials handed over by LogonUI (an RDP/NLA connection retargeted to us by the filter, or CredUI's input):
        /// the wrapped provider gets them under its own CLSID, so it fills its tile as it always does. Its automatic
        /// logon with them is not passed on (<see cref="GetCredentialCount"/>): the user still types the code.
        /// </summary>
        public int SetSerialization(ref CredentialSerialization pcpcs)
        {
            var copy = pcpcs;
            return _guard.Run(nameof(SetSerialization), () =>
            {
                // The tile that cannot sign in takes nothing (the caller keeps and frees its buffer).
                if (_unavailable != null) return HResult.S_OK;
                var wrapped = Wrapped();
                if (copy.CredentialProviderClsid == ProviderIds.Provider) copy.CredentialProviderClsid = ProviderIds.PasswordProvider;
                return wrapped.SetSerialization(ref copy);
            });
        }

        public int Advise(ICredentialProviderEvents? pcpe, UIntPtr upAdviseContext) => _guard.Run(nameof(Advise), () =>
        {
            // Provider events carry no credential pointer, so LogonUI's own go to the wrapped provider (as Microsoft's
            // wrapping sample does), which keeps its own reference: ours is given back at once.
            try { return _unavailable != null ? HResult.S_OK : Wrapped().Advise(pcpe, upAdviseContext); }
            finally { ComReference.Release(pcpe); }
        });

        /// <summary>
        /// LogonUI's last call before it releases the provider: everything native we hold (the Password provider, its
        /// credentials, LogonUI's user array and the tiles' event sinks) is let go now, not at some later finalization
        /// (the runtime cannot tell us when LogonUI's last Release comes). Should LogonUI call again, the same scenario starts afresh.
        /// </summary>
        public int UnAdvise() => _guard.Run(nameof(UnAdvise), () =>
        {
            if (_unavailable != null)
            {
                ComReference.Release(_users);
                _users = null;
                return HResult.S_OK;
            }
            var wrapped = Wrapped();
            var scenario = _started;
            try { return wrapped.UnAdvise(); }
            finally
            {
                Release();
                ComReference.Release(_users);
                _users = null;
                _unadvised = scenario;
            }
        });

        public int GetFieldDescriptorCount(out uint pdwCount) =>
            _guard.Run(nameof(GetFieldDescriptorCount), out pdwCount, (out uint count) =>
            {
                count = 0u;
                count = (uint)Fields().Count;
                return HResult.S_OK;
            });

        public int GetFieldDescriptorAt(uint dwIndex, out IntPtr ppcpfd) =>
            _guard.Run(nameof(GetFieldDescriptorAt), out ppcpfd, (out IntPtr block) =>
            {
                block = IntPtr.Zero;
                var fields = Fields();
                if (dwIndex >= fields.Count) return HResult.E_INVALIDARG;
                block = FieldDescriptorMemory.Allocate(fields[(int)dwIndex]);
                return HResult.S_OK;
            });

        public int GetCredentialCount(out uint pdwCount, out uint pdwDefault, out int pbAutoLogonWithDefault)
        {
            pdwCount = 0;
            pdwDefault = NoDefault;
            pbAutoLogonWithDefault = 0;
            uint count = 0, preferred = NoDefault;
            var hr = _guard.Run(nameof(GetCredentialCount), () =>
            {
                if (_unavailable != null)
                {
                    count = 1;
                    preferred = NoDefault;
                    return HResult.S_OK;
                }
                var wrapped = Wrapped();
                var layout = Layout();
                var result = wrapped.GetCredentialCount(out count, out preferred, out _);
                if (!HResult.Succeeded(result)) return result;
                // The old tiles let go of their wrapped credentials first: the new ones may come back as the same objects.
                foreach (var old in _credentials) old.Detach();
                _credentials = new List<WinOtpCredential>();
                var credentials = new List<WinOtpCredential>((int)Math.Min(count, 64));
                for (var i = 0u; i < count; i++)
                {
                    var inner = wrapped.GetCredentialAt(i, out var credential);
                    if (!HResult.Succeeded(inner)) return inner;
                    if (credential == null) return HResult.E_UNEXPECTED;
                    credentials.Add(new WinOtpCredential(credential, layout, _logon!, _scenario, _services, _flags));
                }
                _credentials = credentials;
                if (preferred != NoDefault && preferred >= count) preferred = NoDefault;
                return result;
            });
            if (!HResult.Succeeded(hr) && _unavailable == null && _layout != null)
            {
                // The fields were already handed out: the floor tile uses them, showing only the status line.
                var reason = $"Windows' Password provider did not give its tiles (0x{hr:X8})";
                _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, UnavailableTile.Message(reason));
                _unavailable = new UnavailableCredential(_layout.Fields, _layout.Own(FieldOwner.Status).Id, null, UnavailableTile.Message(reason, TileTextOf(_logon)), _services);
                _credentials = new List<WinOtpCredential>();
                (count, preferred, hr) = (1, NoDefault, HResult.S_OK);
            }
            else if (!HResult.Succeeded(hr) && _unavailable != null) (count, preferred, hr) = (1, NoDefault, HResult.S_OK);
            if (HResult.Succeeded(hr)) { pdwCount = count; pdwDefault = preferred; }
            return hr;
        }

        public int GetCredentialAt(uint dwIndex, out ICredentialProviderCredential? ppcpc) =>
            _guard.Run(nameof(GetCredentialAt), out ppcpc, (out ICredentialProviderCredential? credential) =>
            {
                credential = null;
                if (_unavailable != null)
                {
                    if (dwIndex != 0) return HResult.E_INVALIDARG;
                    credential = _unavailable;
                    return HResult.S_OK;
                }
                if (dwIndex >= _credentials.Count) return HResult.E_INVALIDARG;
                credential = _credentials[(int)dwIndex];
                return HResult.S_OK;
            });

        public int SetUserArray(ICredentialProviderUserArray? users) => _guard.Run(nameof(SetUserArray), () =>
        {
            if (!ReferenceEquals(_users, users)) ComReference.Release(_users);
            _users = users;
            // A V1 Password provider (no user array) simply does not get one.
            return _wrapped is ICredentialProviderSetUserArray v2 ? v2.SetUserArray(users) : HResult.S_OK;
        });

        /// <summary>CREDENTIAL_PROVIDER_NO_DEFAULT.</summary>
        private const uint NoDefault = uint.MaxValue;

        private ICredentialProvider Wrapped()
        {
            if (_wrapped == null && _unadvised is { } scenario) SetUsageScenario(scenario.Cpus, scenario.Flags);
            return _wrapped ?? throw new InvalidOperationException("LogonUI called the provider before a usage scenario it supports was set.");
        }

        private IReadOnlyList<TileField> Fields() => _unavailable != null && _layout == null ? UnavailableTile.Fields : Layout().Fields;

        private FieldLayout Layout()
        {
            if (_layout != null) return _layout;
            var wrapped = Wrapped();
            var hr = wrapped.GetFieldDescriptorCount(out var count);
            if (!HResult.Succeeded(hr)) Marshal.ThrowExceptionForHR(hr);
            if (count > 256) throw new InvalidOperationException($"The Password provider reports {count} fields.");
            var fields = new List<TileField>((int)count);
            for (var i = 0u; i < count; i++)
            {
                hr = wrapped.GetFieldDescriptorAt(i, out var block);
                if (!HResult.Succeeded(hr)) Marshal.ThrowExceptionForHR(hr);
                fields.Add(FieldDescriptorMemory.ReadAndFree(block));
            }
            _layout = FieldLayout.Build(fields, TileTextOf(_logon), TileLabelOf(_logon));
            return _layout;
        }

        /// <summary>The coordinator's language; where WinOtp.Core failed or never started, the session's (never throws).</summary>
        private TileText TileTextOf(ITileLogon? logon)
        {
            try { if (logon != null) return logon.Text; }
            catch (Exception) { }
            try { return TileText.For(_services.UiLanguage()); }
            catch (Exception) { return TileText.English; }
        }

        private static string? TileLabelOf(ITileLogon? logon)
        {
            try { return logon?.TileLabel; }
            catch (Exception) { return null; }
        }

        /// <summary>LogonUI drops a provider whose SetUsageScenario fails, without UnAdvise: nothing native may stay held until finalization.</summary>
        private int LetGoIfDeclined(int hr)
        {
            if (HResult.Succeeded(hr)) return hr;
            Release();
            ComReference.Release(_users);
            _users = null;
            return hr;
        }

        private int Wrap(CredentialProviderUsageScenario cpus, uint dwFlags, TileDuty duty, ref string reason)
        {
            ICredentialProvider wrapped;
            try { wrapped = _services.PasswordProvider.Create(); }
            catch (InvalidCastException)
            {
                // What the CLR throws when the created object's QueryInterface for ICredentialProvider fails.
                reason = "Windows' Password provider does not answer as a credential provider (QueryInterface failed)";
                throw;
            }
            catch (Exception e)
            {
                reason = $"Windows' Password provider could not be created (0x{e.HResult:X8})";
                throw;
            }
            var hr = wrapped.SetUsageScenario(cpus, dwFlags);
            if (!HResult.Succeeded(hr))
            {
                reason = $"Windows' Password provider declined this sign-in (0x{hr:X8})";
                ComReference.FinalRelease(wrapped);
                return hr;
            }
            if (_users != null && wrapped is ICredentialProviderSetUserArray v2) v2.SetUserArray(_users);
            _wrapped = wrapped;
            _logon = duty.Logon;
            _scenario = duty.Scenario!.Value;
            _flags = dwFlags;
            _started = (cpus, dwFlags);
            reason = "the Password provider's fields could not be read";
            Layout();
            return HResult.S_OK;
        }

        /// <summary>The floor: one tile that says why nobody can sign in here, and the event that says it to the administrator.</summary>
        private void ShowUnavailable(CredentialProviderUsageScenario cpus, string reason)
        {
            // The event in English for the administrator; the tile in the session's language.
            _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"{UnavailableTile.Message(reason)} (usage scenario {cpus}; Windows' other providers are switched off by the filter here.)");
            _unavailable = new UnavailableCredential(UnavailableTile.Fields, UnavailableTile.MessageId, UnavailableTile.TitleId, UnavailableTile.Message(reason, TileTextOf(_logon)), _services);
        }

        private void Release()
        {
            foreach (var credential in _credentials) credential.Detach();
            ComReference.FinalRelease(_wrapped);
            _unavailable = null;
            _wrapped = null;
            _logon = null;
            _layout = null;
            _credentials = new List<WinOtpCredential>();
            _unadvised = null;
            _started = null;
        }
    }
}
