using System;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// The credential provider filter (registered under Credential Provider Filters). Where a code is required it
    /// switches every other provider off (Password, PIN, picture password, smart card, …): otherwise their tiles
    /// would sign in without a code. Microsoft advises third parties against filtering the system's providers; it is
    /// done here because an MFA that any other tile bypasses is no MFA. Uninstalling removes the filter, and
    /// Windows' providers are in charge again. It also retargets credentials that come with a Remote Desktop
    /// connection (NLA) to our provider (<see cref="UpdateRemoteCredential"/>), so the user types only the code.
    /// It filters exactly where <see cref="TileDuty"/> says our provider serves the scenario, the question the provider
    /// itself asks: there the provider always shows a tile, if only one saying why nobody can sign in. It changes
    /// nothing in Safe Mode, for generic CredUI prompts, where no code is required, or when our provider is missing
    /// from the list (a broken installation must not leave a computer with no tile). The providers named in
    /// win_allowed_providers (smart card, Windows Hello, FIDO) are left as Windows had them, beside ours.
    /// </summary>
    [ComVisible(true)]
    [Guid(ProviderIds.FilterClsidText)]
    [ClassInterface(ClassInterfaceType.None)]
    public sealed class WinOtpCredentialProviderFilter : ICredentialProviderFilter
    {
        /// <summary>This class's CLSID, as registered under Credential Provider Filters.</summary>
        public const string Clsid = ProviderIds.FilterClsidText;

        private readonly ShellServices _services;
        private readonly ComGuard _guard;

        public WinOtpCredentialProviderFilter() : this(Windows.WindowsShellServices.Create()) { }

        public WinOtpCredentialProviderFilter(ShellServices services)
        {
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _guard = new ComGuard(services, nameof(WinOtpCredentialProviderFilter));
        }

        public int Filter(CredentialProviderUsageScenario cpus, uint dwFlags, Guid[] rgclsidProviders, int[] rgbAllow, uint cProviders) =>
            _guard.Run(nameof(Filter), () =>
            {
                if (rgclsidProviders == null || rgbAllow == null || rgclsidProviders.Length < cProviders || rgbAllow.Length < cProviders) return HResult.E_INVALIDARG;
                // The provider asks the same question in SetUsageScenario, and where it serves it always shows a tile.
                var duty = TileDuty.Decide(_services, cpus, dwFlags);
                if (!duty.Serves) return HResult.S_OK;
                // Report-only (win_enforce ReportOnly) changes nothing users can do: only the Password provider, which our
                // tile wraps, goes off (so every password sign-in is reported); smart cards, Windows Hello and the rest stay.
                bool reportOnly;
                try { reportOnly = duty.Logon != null && !duty.Logon.AsksForCode; }
                catch (Exception) { reportOnly = false; }

                var ours = -1;
                for (var i = 0; i < cProviders; i++) if (rgclsidProviders[i] == ProviderIds.Provider) ours = i;
                if (ours < 0)
                {
                    _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error,
                        $"SecureMFA WIN OTP filter: a code is required ({cpus}), but the SecureMFA WIN OTP provider is not among the registered providers; Windows' providers were left on. Run Install-SecureMFA_WIN_OTP_AuthenticationProvider again.");
                    return HResult.S_OK;
                }
                // Otherwise win_allowed_providers stay as Windows had them (a smart card, Windows Hello, a security key): never
                // the Password provider, which the settings refuse. Ours stays whatever the list says, so a tile is always there.
                var allowed = AllowedProviders(duty);
                for (var i = 0; i < cProviders; i++)
                    if (i != ours && (reportOnly ? rgclsidProviders[i] == ProviderIds.PasswordProvider : !allowed.Contains(rgclsidProviders[i]))) rgbAllow[i] = 0;
                return HResult.S_OK;
            });

        /// <summary>The allowed providers of this screen's settings; none when they cannot be read (then only our tile stays).</summary>
        private System.Collections.Generic.IReadOnlyCollection<Guid> AllowedProviders(TileDuty duty)
        {
            try { return duty.Logon?.AllowedProviders ?? (System.Collections.Generic.IReadOnlyCollection<Guid>)new Guid[0]; }
            catch (Exception e)
            {
                _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"SecureMFA WIN OTP filter: the allowed providers could not be read ({e.GetType().Name}); only the code tile is shown.");
                return new Guid[0];
            }
        }

        /// <summary>
        /// A Remote Desktop client's credentials (KERB_INTERACTIVE_UNLOCK_LOGON, packed) go to our provider instead of
        /// the Password provider: copied into a new buffer of ours (the caller keeps and frees its own) with our CLSID.
        /// Anything else (a smart-card logon, an unreadable buffer) is not retargeted: E_NOTIMPL leaves it as it is,
        /// and since the filter has switched the other providers off, the user signs in on our tile from scratch.
        /// </summary>
        public int UpdateRemoteCredential(ref CredentialSerialization pcpcsIn, out CredentialSerialization pcpcsOut)
        {
            pcpcsOut = default;
            var input = pcpcsIn;
            var output = default(CredentialSerialization);
            var hr = _guard.Run(nameof(UpdateRemoteCredential), () =>
            {
                if (_services.Boot.IsSafeMode || input.Serialization == IntPtr.Zero || input.SerializationSize == 0) return HResult.E_NOTIMPL;
                var bytes = new byte[input.SerializationSize];
                Marshal.Copy(input.Serialization, bytes, 0, bytes.Length);
                try
                {
                    var logon = KerbInteractiveUnlockLogonPacking.TryUnpack(bytes, out _);
                    if (logon == null) return HResult.E_NOTIMPL;
                    output = RemoteCredential.Retarget(input.AuthenticationPackage, logon);
                    return HResult.S_OK;
                }
                finally { Array.Clear(bytes, 0, bytes.Length); }
            });
            if (HResult.Succeeded(hr)) pcpcsOut = output;
            return hr;
        }
    }
}
