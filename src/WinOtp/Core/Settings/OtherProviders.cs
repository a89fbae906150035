using System;
using System.Collections.Generic;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// Windows' own credential providers by CLSID (credentialprovider.h), for win_allowed_providers: the ones an
    /// administrator may leave visible beside the code tile, and the ones that may never be, because they sign in with
    /// the password alone (and would make the code optional for everyone).
    /// </summary>
    public static class OtherProviders
    {
        /// <summary>Providers that prove something the password does not (a card and its PIN, a TPM-bound key, a security key).</summary>
        public static readonly IReadOnlyList<(Guid Clsid, string Name)> Recommended = new[]
        {
            (new Guid("8fd7e19c-3bf7-489b-a72c-846ab3678c96"), "Smart card (CLSID_SmartcardCredentialProvider)"),
            (new Guid("94596c7e-3744-41ce-893e-bbf09122f76a"), "Smart card PIN (CLSID_SmartcardPinProvider)"),
            (new Guid("cb82ea12-9f71-446d-89e1-8d0924e1256e"), "Windows Hello PIN (CLSID_PINLogonCredentialProvider)"),
            (new Guid("bec09223-b018-416d-a0ac-523971b639f5"), "Windows Hello face and fingerprint (CLSID_WinBioCredentialProvider)"),
            (new Guid("f8a1793b-7873-4046-b2a7-1f318747f427"), "FIDO2 security key (FIDO credential provider)"),
        };

        /// <summary>Never allowed: each signs in with the password (or a picture password) and nothing else.</summary>
        public static readonly IReadOnlyList<(Guid Clsid, string Name)> Refused = new[]
        {
            (new Guid("60b78e88-ead8-445c-9cfd-0b87f74ea6cd"), "the Password provider (CLSID_PasswordCredentialProvider)"),
            (new Guid("6f45dc1e-5384-457a-bc13-2cd81b0d28ed"), "the V1 Password provider (CLSID_V1PasswordCredentialProvider)"),
            (new Guid("2135f72a-90b5-4ed3-a7f1-8bb705ac276a"), "the picture password provider"),
            (new Guid("a1495740-3c4b-4cd0-b4df-eb470152b4ef"), "SecureMFA WIN OTP itself (it is always shown)"),
        };

        public static string? RefusalOf(Guid clsid)
        {
            foreach (var (refused, name) in Refused) if (refused == clsid) return name;
            return null;
        }
    }
}
