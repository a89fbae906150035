using System.Globalization;
using SecureMFA.Adapter;
using SecureMFA.DemoHost;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>AD FS's rule for a provider page's language, as the demo host models it, against our AvailableLcids.</summary>
    public class AdfsLanguageTests
    {
        /// <summary>What AvailableLcids said before the neutral cultures were added.</summary>
        private static readonly int[] SpecificOnly = { 1033, 1036, 1031, 3082, 1043 };

        private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");
        private static readonly CultureInfo EnglishUs = CultureInfo.GetCultureInfo("en-US");

        [Theory]
        [InlineData("en-GB", 2057)]
        [InlineData("de-AT", 3079)]
        [InlineData("fr-CA", 3084)]
        [InlineData("es-MX", 2058)]
        [InlineData("nl-BE", 2067)]
        public void ACultureIsAcceptedThroughItsNeutralParent(string culture, int lcid)
        {
            Assert.Equal(lcid, AdfsLanguage.Choose(new[] { culture }, EnglishUk, new AdapterMetadata().AvailableLcids));
            // With the specific LCIDs only, an en-GB server has nothing to fall back to: AD FS's theme error.
            Assert.Null(AdfsLanguage.Choose(new[] { culture }, EnglishUk, SpecificOnly));
        }

        [Fact]
        public void TheBrowsersOrderIsFollowedAndTheServerCultureIsTheLastResort()
        {
            var available = new AdapterMetadata().AvailableLcids;
            Assert.Equal(1036, AdfsLanguage.Choose(new[] { "ja-JP", "fr-FR", "de-DE" }, EnglishUs, available));
            Assert.Equal(1033, AdfsLanguage.Choose(new[] { "ja-JP", "zz-not-a-culture" }, EnglishUs, available));
            Assert.Equal(2057, AdfsLanguage.Choose(new string[0], EnglishUk, available));
            Assert.Null(AdfsLanguage.Choose(new[] { "ja-JP" }, CultureInfo.GetCultureInfo("ja-JP"), available));
        }

        [Fact]
        public void AcceptLanguageIsReadInOrderWithoutWeights()
        {
            Assert.Equal(new[] { "en-GB", "en" }, AdfsLanguage.FromAcceptLanguage(new[] { "en-GB", "en;q=0.9", "*;q=0.1" }));
        }

        [Theory]
        [InlineData(2057, "en")]
        [InlineData(3079, "de")]
        [InlineData(3084, "fr")]
        [InlineData(2058, "es")]
        [InlineData(2067, "nl")]
        [InlineData(9, "en")]
        [InlineData(7, "de")]
        public void EveryAcceptedLcidGetsItsLanguagesTexts(int lcid, string language)
        {
            Assert.Equal(language, PageText.For(lcid).LanguageTag);
        }
    }
}
