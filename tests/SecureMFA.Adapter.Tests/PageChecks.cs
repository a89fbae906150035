using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>
    /// What every page must pass in the browser: no sideways scrolling, nothing sticking out of the viewport, no
    /// element cutting off its text (descenders included), and axe-core's WCAG 2.x A/AA and best-practice rules
    /// (labels, names, contrast, lang, landmarks, ARIA).
    /// </summary>
    public static class PageChecks
    {
        public const string AxeVersion = "4.14.1";

        public static string RepositoryFolder()
        {
            // tests/SecureMFA.Adapter.Tests/bin/<configuration>/<framework>/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        }

        public static string AxeScript()
        {
            var path = Path.Combine(RepositoryFolder(), "artifacts", "node", "node_modules", "axe-core", "axe.min.js");
            Assert.True(File.Exists(path), $"axe-core {AxeVersion} is missing at {path}: run scripts/install-test-deps.sh.");
            return path;
        }

        public static string ScreenshotFolder(string name)
        {
            var folder = Path.Combine(RepositoryFolder(), "artifacts", "screenshots", name);
            Directory.CreateDirectory(folder);
            return folder;
        }

        public static async Task<string[]> LayoutProblems(IPage page) => await page.EvaluateAsync<string[]>(LayoutScript);

        /// <summary>axe-core's violations, one line each; injected as a script tag, so the context needs BypassCSP.</summary>
        public static async Task<string[]> AxeViolations(IPage page)
        {
            if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
            return await page.EvaluateAsync<string[]>(AxeRun);
        }

        public static async Task<IReadOnlyList<string>> All(IPage page)
        {
            var problems = new List<string>(await LayoutProblems(page));
            problems.AddRange(await AxeViolations(page));
            return problems;
        }

        private const string AxeRun = @"async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations'] });
            return result.violations.map(v => 'axe ' + v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')');
        }";

        private const string LayoutScript = @"() => {
            const problems = [];
            const root = document.documentElement;
            const width = root.clientWidth;
            if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${width}px viewport`);
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            const controls = ['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA'];
            for (const e of document.body.querySelectorAll('*')) {
                if (['SCRIPT', 'STYLE', 'BR'].includes(e.tagName) || e.id === 'branding') continue;
                const s = getComputedStyle(e);
                if (s.display === 'none' || s.visibility === 'hidden' || (e.tagName === 'INPUT' && e.type === 'hidden')) continue;
                const r = e.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.right > width + 1 || r.left < -1)
                    problems.push(`${name(e)} sticks out of the ${width}px viewport (${Math.round(r.left)}..${Math.round(r.right)})`);
                const fontSize = parseFloat(s.fontSize);
                const lineHeight = s.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(s.lineHeight);
                const hasText = e.tagName === 'INPUT' ? !!(e.value || e.placeholder)
                    : Array.from(e.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible' || controls.includes(e.tagName);
                if (clips) {
                    if (e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} cuts off its content sideways (${e.scrollWidth}px in ${e.clientWidth}px)`);
                    if (e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} cuts off its content at the bottom (${e.scrollHeight}px in ${e.clientHeight}px)`);
                    if (hasText) {
                        const inner = e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
                        if (lineHeight < fontSize * 1.15) problems.push(`${name(e)}: line height ${lineHeight}px for ${fontSize}px text cuts descenders`);
                        else if (inner + 0.5 < fontSize * 1.15) problems.push(`${name(e)}: ${inner}px inside for ${fontSize}px text cuts descenders`);
                    }
                } else if (hasText) {
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    const t = range.getBoundingClientRect();
                    if (t.right > r.right + 1 || t.left < r.left - 1)
                        problems.push(`${name(e)}: its text overflows its box (${Math.round(t.left)}..${Math.round(t.right)} in ${Math.round(r.left)}..${Math.round(r.right)})`);
                }
            }
            return problems;
        }";
    }
}
