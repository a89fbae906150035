using System.Collections.Generic;
using System.Globalization;

namespace SecureMFA.Otp.Text
{
    /// <summary>
    /// The five languages both halves speak (the AD FS pages and the Windows logon tile), and how any culture finds
    /// one: exactly, else by its language (fr-CA French, de-AT German, es-MX Spanish, nl-BE Dutch), else English.
    /// LCIDs because AD FS hands the adapter an LCID; cultures because the tile has the UI culture of LogonUI.
    /// </summary>
    public static class ShippedLanguage
    {
        public const int English = 1033, French = 1036, German = 1031, Spanish = 3082, Dutch = 1043;

        /// <summary>English first: the fallback.</summary>
        public static readonly IReadOnlyList<int> Lcids = new[] { English, French, German, Spanish, Dutch };

        /// <summary>An LCID's primary language id (its low 10 bits): also the LCID of its neutral culture, 1036 fr-FR -> 12 fr.</summary>
        public static int PrimaryLanguage(int lcid) => lcid & 0x3FF;

        /// <summary>The shipped LCID for an LCID: itself if shipped, else the shipped one of the same language, else English.</summary>
        public static int Of(int lcid)
        {
            foreach (var shipped in Lcids) if (shipped == lcid) return shipped;
            foreach (var shipped in Lcids) if (PrimaryLanguage(shipped) == PrimaryLanguage(lcid)) return shipped;
            return English;
        }

        /// <summary>
        /// The shipped LCID for a culture, by its two-letter language (so a custom or ICU-only culture whose LCID is
        /// LOCALE_CUSTOM_UNSPECIFIED still finds its language); null or the invariant culture: English.
        /// </summary>
        public static int Of(CultureInfo? culture)
        {
            switch (culture?.TwoLetterISOLanguageName)
            {
                case "fr": return French;
                case "de": return German;
                case "es": return Spanish;
                case "nl": return Dutch;
                default: return English;
            }
        }

        /// <summary>The shipped LCID for a culture name ("fr-CA", "nl"); an unknown or malformed name: English.</summary>
        public static int Of(string? cultureName)
        {
            if (string.IsNullOrWhiteSpace(cultureName)) return English;
            try { return Of(CultureInfo.GetCultureInfo(cultureName!.Trim())); }
            catch (CultureNotFoundException) { return English; }
        }

        /// <summary>The BCP 47 tag of a shipped LCID: en-US, fr-FR, de-DE, es-ES, nl-NL.</summary>
        public static string Tag(int lcid)
        {
            switch (Of(lcid))
            {
                case French: return "fr-FR";
                case German: return "de-DE";
                case Spanish: return "es-ES";
                case Dutch: return "nl-NL";
                default: return "en-US";
            }
        }
    }
}
