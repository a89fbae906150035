#if NETFRAMEWORK
using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>
    /// The logon screen's display language. LogonUI runs as SYSTEM, whose thread UI culture is the machine's install
    /// language, not the language the user picked for the logon screen; GetUserDefaultUILanguage in LogonUI's session
    /// answers the language LogonUI itself displays (the one set for the welcome screen and new accounts, copied there by
    /// "Copy settings"). Windows only; not run here.
    /// </summary>
    public static class WindowsUiLanguage
    {
        public static CultureInfo Current()
        {
            var langId = GetUserDefaultUILanguage();
            try { return langId == 0 ? CultureInfo.CurrentUICulture : CultureInfo.GetCultureInfo(langId); }
            catch (ArgumentException) { return CultureInfo.CurrentUICulture; }
        }

        [DllImport("kernel32.dll")]
        private static extern ushort GetUserDefaultUILanguage();
    }
}
#endif
