using System;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// The class ids involved. Ours are fixed for the product's life: the installer registers them (HKCR\CLSID and
    /// the Credential Providers / Credential Provider Filters keys) and LogonUI finds the classes by them.
    /// This file is compiled into the SecureMFA_WIN_OTP module as well, so the installer's registry layout and the
    /// classes' [Guid] attributes come from one source.
    /// </summary>
    internal static class ProviderIds
    {
        public const string ProviderClsidText = "a1495740-3c4b-4cd0-b4df-eb470152b4ef";
        public const string FilterClsidText = "e9f156f9-07dd-48fa-a3cd-48595381d707";
        public const string ProviderClassName = "SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProvider";
        public const string FilterClassName = "SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProviderFilter";
        public const string AssemblyFileName = "SecureMFA.WinOtp.CredentialProvider.dll";

        public static readonly Guid Provider = new Guid(ProviderClsidText);
        public static readonly Guid Filter = new Guid(FilterClsidText);

        /// <summary>CLSID_PasswordCredentialProvider (credentialprovider.h): Windows' password tile, the one we wrap.</summary>
        public static readonly Guid PasswordProvider = new Guid("60b78e88-ead8-445c-9cfd-0b87f74ea6cd");

        /// <summary>CPFG_LOGON_USERNAME and CPFG_LOGON_PASSWORD (shlguid.h): how the Password provider marks those fields.</summary>
        public static readonly Guid LogonUserNameField = new Guid("da15bbe8-954d-4fd3-b0f4-1fb5b90b174b");
        public static readonly Guid LogonPasswordField = new Guid("60624cfa-a477-47b1-8a8e-3a4a19981827");
    }
}
