using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The page checks catch what they look for: each broken page here must be reported, and a sound one not.</summary>
    [Collection(BrowserCollection.Name)]
    public class PageChecksTests
    {
        private const string Head = "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>t</title></head>";
        private readonly BrowserFixture _browser;

        public PageChecksTests(BrowserFixture browser) => _browser = browser;

        [Theory]
        [InlineData("<input id=\"code\" type=\"text\"/>", "axe label")]
        [InlineData("<button id=\"go\"></button>", "axe button-name")]
        [InlineData("<p style=\"color:#bbb\">Pale text</p>", "axe color-contrast")]
        [InlineData("<div id=\"wide\" style=\"width:500px\">Wide</div>", "div#wide sticks out of the 360px viewport")]
        [InlineData("<div id=\"box\" style=\"width:100px;white-space:nowrap\">A sentence far wider than its box</div>", "div#box: its text overflows its box")]
        [InlineData("<div id=\"cut\" style=\"width:100px;white-space:nowrap;overflow:hidden\">A sentence far wider than its box</div>", "div#cut cuts off its content sideways")]
        [InlineData("<div id=\"low\" style=\"overflow:hidden;font-size:20px;line-height:14px\">gjpqy</div>", "div#low: line height 14px for 20px text cuts descenders")]
        [InlineData("<label for=\"f\">Code</label><input id=\"f\" value=\"gjpqy\" style=\"font-size:20px;height:18px;padding:0;box-sizing:border-box\"/>", "input#f: ")]
        public async Task ABrokenPageIsReported(string body, string expected)
        {
            var problems = await ProblemsOf(body);
            Assert.Contains(problems, p => p.StartsWith(expected) || p.Contains(expected));
        }

        [Fact]
        public async Task ASoundPageHasNoProblems()
        {
            var problems = await ProblemsOf("<label for=\"f\">Code</label><input id=\"f\" style=\"font-size:16px;line-height:1.5;width:100%;box-sizing:border-box\"/><button>Verify</button>");
            Assert.Empty(problems);
        }

        private async Task<string[]> ProblemsOf(string body)
        {
            await using var context = await _browser.NewContext(bypassCsp: true, width: 360, height: 740);
            var page = await context.NewPageAsync();
            await page.SetContentAsync(Head + "<body><main><h1>Checks</h1>" + body + "</main></body></html>");
            return (await PageChecks.All(page)).ToArray();
        }
    }
}
