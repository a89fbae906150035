using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Decision;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// The credential provider LogonUI creates by CLSID (registered by Install-SecureMFA_WIN_OTP_AuthenticationProvider).
    /// It creates Windows' Password provider, passes everything on to it, and wraps each of its credentials in a
    /// <see cref="WinOtpCredential"/> with a code field. Where WinOtp.Core says no code is required (RDPonly on the
    /// console), in Safe Mode, for password changes and for generic CredUI prompts it declines the scenario
    /// (E_NOTIMPL) and Windows' own tiles work as always. A V2 provider: LogonUI's user array goes to the wrapped one.
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
        private List<WinOtpCredential> _credentials = new List<WinOtpCredential>();
        /// <summary>The scenario to start again if LogonUI comes back after UnAdvise let go of the Password provider.</summary>
        private (CredentialProviderUsageScenario Cpus, uint Flags)? _unadvised;
        private (CredentialProviderUsageScenario Cpus, uint Flags)? _started;

        /// <summary>What COM calls: the real Windows seams.</summary>
        public WinOtpCredentialProvider() : this(Windows.WindowsShellServices.Create()) { }

        public WinOtpCredentialProvider(ShellServices services)
        {
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _guard = new ComGuard(services, nameof(WinOtpCredentialProvider));
        }

        public int SetUsageScenario(CredentialProviderUsageScenario cpus, uint dwFlags) => LetGoIfDeclined(_guard.Run(nameof(SetUsageScenario), () =>
        {
            Release();
            if (_services.Boot.IsSafeMode) return HResult.E_NOTIMPL;
            var scenario = ScenarioMap.From(cpus, dwFlags, _services.Session.Current);
            if (scenario == null) return HResult.E_NOTIMPL;
            var logon = _services.Logon();
            if (!logon.IsCodeRequired(scenario.Value)) return HResult.E_NOTIMPL;

            var wrapped = _services.PasswordProvider.Create();
            var hr = wrapped.SetUsageScenario(cpus, dwFlags);
            if (!HResult.Succeeded(hr))
            {
                ComReference.FinalRelease(wrapped);
                return hr;
            }
            if (_users != null && wrapped is ICredentialProviderSetUserArray v2) v2.SetUserArray(_users);
            _wrapped = wrapped;
            _logon = logon;
            _scenario = scenario.Value;
            _started = (cpus, dwFlags);
            return hr;
        }));

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
                var wrapped = Wrapped();
                if (copy.CredentialProviderClsid == ProviderIds.Provider) copy.CredentialProviderClsid = ProviderIds.PasswordProvider;
                return wrapped.SetSerialization(ref copy);
            });
        }

        public int Advise(ICredentialProviderEvents? pcpe, UIntPtr upAdviseContext) => _guard.Run(nameof(Advise), () =>
        {
            // Provider events carry no credential pointer, so LogonUI's own go to the wrapped provider (as Microsoft's
            // wrapping sample does), which keeps its own reference: ours is given back at once.
            try { return Wrapped().Advise(pcpe, upAdviseContext); }
            finally { ComReference.Release(pcpe); }
        });

        /// <summary>
        /// LogonUI's last call before it releases the provider: everything native we hold (the Password provider, its
        /// credentials, LogonUI's user array and the tiles' event sinks) is let go now, not at some later finalization
        /// (the runtime cannot tell us when LogonUI's last Release comes). Should LogonUI call again, the same scenario starts afresh.
        /// </summary>
        public int UnAdvise() => _guard.Run(nameof(UnAdvise), () =>
        {
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

        public int GetFieldDescriptorCount(out uint pdwCount)
        {
            pdwCount = 0;
            var count = 0u;
            var hr = _guard.Run(nameof(GetFieldDescriptorCount), () =>
            {
                count = (uint)Layout().Fields.Count;
                return HResult.S_OK;
            });
            if (HResult.Succeeded(hr)) pdwCount = count;
            return hr;
        }

        public int GetFieldDescriptorAt(uint dwIndex, out IntPtr ppcpfd)
        {
            ppcpfd = IntPtr.Zero;
            var block = IntPtr.Zero;
            var hr = _guard.Run(nameof(GetFieldDescriptorAt), () =>
            {
                var fields = Layout().Fields;
                if (dwIndex >= fields.Count) return HResult.E_INVALIDARG;
                block = FieldDescriptorMemory.Allocate(fields[(int)dwIndex]);
                return HResult.S_OK;
            });
            if (HResult.Succeeded(hr)) ppcpfd = block;
            return hr;
        }

        public int GetCredentialCount(out uint pdwCount, out uint pdwDefault, out int pbAutoLogonWithDefault)
        {
            pdwCount = 0;
            pdwDefault = NoDefault;
            pbAutoLogonWithDefault = 0;
            uint count = 0, preferred = NoDefault;
            var hr = _guard.Run(nameof(GetCredentialCount), () =>
            {
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
                    credentials.Add(new WinOtpCredential(credential, layout, _logon!, _scenario, _services));
                }
                _credentials = credentials;
                if (preferred != NoDefault && preferred >= count) preferred = NoDefault;
                return result;
            });
            if (HResult.Succeeded(hr)) { pdwCount = count; pdwDefault = preferred; }
            return hr;
        }

        public int GetCredentialAt(uint dwIndex, out ICredentialProviderCredential? ppcpc)
        {
            ppcpc = null;
            WinOtpCredential? credential = null;
            var hr = _guard.Run(nameof(GetCredentialAt), () =>
            {
                if (dwIndex >= _credentials.Count) return HResult.E_INVALIDARG;
                credential = _credentials[(int)dwIndex];
                return HResult.S_OK;
            });
            if (HResult.Succeeded(hr)) ppcpc = credential;
            return hr;
        }

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

        private FieldLayout Layout()
        {
            if (_layout != null) return _layout;
            var wrapped = Wrapped();
            var hr = wrapped.GetFieldDescriptorCount(out var count);
            if (!HResult.Succeeded(hr)) Marshal.ThrowExceptionForHR(hr);
            if (count > 256) throw new InvalidOperationException("The Password provider reports " + count + " fields.");
            var fields = new List<TileField>((int)count);
            for (var i = 0u; i < count; i++)
            {
                hr = wrapped.GetFieldDescriptorAt(i, out var block);
                if (!HResult.Succeeded(hr)) Marshal.ThrowExceptionForHR(hr);
                fields.Add(FieldDescriptorMemory.ReadAndFree(block));
            }
            _layout = FieldLayout.Build(fields);
            return _layout;
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

        private void Release()
        {
            foreach (var credential in _credentials) credential.Detach();
            ComReference.FinalRelease(_wrapped);
            _wrapped = null;
            _logon = null;
            _layout = null;
            _credentials = new List<WinOtpCredential>();
            _unadvised = null;
            _started = null;
        }
    }
}
