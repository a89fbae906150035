using System.Linq;
using System.Reflection;
using System.Management.Automation;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    public class ModuleTests
    {
        private static readonly string[] Cmdlets =
        {
            "Install-SecureMfaOtpProvider", "Uninstall-SecureMfaOtpProvider", "Test-SecureMfaOtpConfiguration", "New-SecureMfaOtpDatabase",
            "New-xOTP_User", "Get-xOTP_User", "Disable-xOTP_User", "Enable-xOTP_User", "Unlock-xOTP_User", "Reset-xOTP_User", "Remove-xOTP_User",
        };

        [Fact]
        public void TheStagedManifestPassesTestModuleManifest()
        {
            using var ps = new PowerShellSession(importModule: false);
            var result = ps.Run($"Test-ModuleManifest -Path '{System.IO.Path.Combine(PowerShellSession.StagedModuleFolder, "SecureMFA_OTP.psd1")}'");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var module = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
            Assert.Equal("SecureMFA_OTP", module.Name);
            // The release the build was given ($(Version)); this test assembly carries the same value.
            var release = typeof(ModuleTests).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(release, module.Version.ToString());
            Assert.Contains("Desktop", module.CompatiblePSEditions);
            Assert.Contains("Core", module.CompatiblePSEditions);
        }

        [Fact]
        public void ImportExportsEveryCmdletFunctionAndAlias()
        {
            using var ps = new PowerShellSession();
            var names = ps.Run("Get-Command -Module SecureMFA_OTP | ForEach-Object { $_.Name }").Output.Select(o => o.ToString()).ToList();
            Assert.All(Cmdlets, c => Assert.Contains(c, names));
            Assert.Contains("Install-SecureMfaOtpGacAssembly", names);
            Assert.Contains("Register-SecureMfaOtpEventSource", names);
            foreach (var verb in new[] { "New", "Get", "Disable", "Enable", "Unlock", "Reset", "Remove" })
            {
                var alias = ps.Run($"(Get-Command {verb}-SecureMfaOtpUser).Definition").Output.Single().ToString();
                Assert.Equal(verb + "-xOTP_User", alias);
            }
            var verbs = ps.Run("Get-Command -Module SecureMFA_OTP -CommandType Cmdlet, Function | ForEach-Object { $_.Verb }").Output.Select(o => o.ToString()).Distinct().ToList();
            var approved = new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsDiagnostic), typeof(VerbsCommunications), typeof(VerbsSecurity), typeof(VerbsOther) }
                .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToList();
            Assert.All(verbs, v => Assert.Contains(v, approved));
        }

        [Fact]
        public void EveryCmdletHasFullHelpWithSynopsisParametersAndExamples()
        {
            using var ps = new PowerShellSession();
            foreach (var cmdlet in Cmdlets)
            {
                var synopsis = ps.Run($"(Get-Help {cmdlet} -Full).Synopsis").Output.Single().ToString()!.Trim();
                Assert.False(synopsis.StartsWith(cmdlet) || synopsis.Length < 10, $"{cmdlet} has no synopsis: {synopsis}");
                var documented = ps.Run($"(Get-Help {cmdlet} -Full).parameters.parameter | ForEach-Object {{ $_.name }}").Output.Select(o => o.ToString()).ToList();
                var info = (CommandInfo)ps.Run($"Get-Command {cmdlet}").Output.Single().BaseObject;
                var actual = info.Parameters.Keys.Where(p => !PSCmdlet.CommonParameters.Contains(p)).ToList();
                Assert.NotEmpty(actual);
                Assert.All(actual, p => Assert.True(documented.Contains(p), $"{cmdlet} -{p} is not in its help"));
                var examples = ps.Run($"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.code }}").Output;
                Assert.NotEmpty(examples);
                var title = ps.Run($"(Get-Help {cmdlet} -Full).examples.example[0].title").Output.Single().ToString();
                Assert.Contains("EXAMPLE 1", title);
            }
        }

        [Fact]
        public void TheAboutTopicIsThere()
        {
            using var ps = new PowerShellSession();
            var text = string.Join("\n", ps.Run("Get-Help about_SecureMFA_OTP | ForEach-Object { \"$_\" }").Output.Select(o => o.ToString()));
            Assert.Contains("Install-SecureMfaOtpProvider -NotMainNode", text);
        }

        [Fact]
        public void TheModuleShipsTheTemplateScriptsAndBothBuilds()
        {
            foreach (var file in new[] { "SecureMfaOtpProvider.json", "sql/Create_Database_SecureMfaOTP.sql", "sql/Upgrade_From_Previous_Version.sql",
                "ad-schema/SecureMFA_OTP_schema.ldf", "ad-schema/SecureMFA_OTP_schema_v2.ldf", "ad-schema/SecureMFA_OTP_container.ldf",
                "ad-schema/Create_SecureMFA_OTP_AD_attributes.ps1", "bin/net472/SecureMFA.Cmdlets.dll",
                "bin/net10.0/SecureMFA.Cmdlets.dll", "adapter/SecureMFA.Adapter.dll", "SecureMFA_OTP.format.ps1xml" })
                Assert.True(System.IO.File.Exists(System.IO.Path.Combine(PowerShellSession.StagedModuleFolder, file)), file + " is missing from the module");
        }
    
        [Fact]
        public void EveryShippedScriptParsesAndIsValidForWindowsPowerShell51()
        {
            // Both modules' staged scripts: their loaders, the common functions put into them, the AD schema script.
            var scripts = new[] { PowerShellSession.StagedModuleFolder, SecureMFA.Testing.RepositoryPaths.Of("artifacts/module/SecureMFA_WIN_OTP") }
                .SelectMany(folder => System.IO.Directory.GetFiles(folder, "*.ps*1", System.IO.SearchOption.AllDirectories))
                .Where(f => f.EndsWith(".ps1") || f.EndsWith(".psm1")).ToList();
            Assert.Contains(scripts, f => f.EndsWith("Create_SecureMFA_OTP_AD_attributes.ps1"));
            Assert.Contains(scripts, f => f.EndsWith("SecureMFA_OTP.psm1"));
            Assert.Contains(scripts, f => f.EndsWith("SecureMFA_WIN_OTP.psm1"));
            foreach (var script in scripts)
            {
                System.Management.Automation.Language.Parser.ParseFile(script, out _, out var errors);
                Assert.True(errors.Length == 0, script + ": " + string.Join("; ", errors.Select(e => e.Message)));
                var sevenOnly = WindowsPowerShellSyntax.SevenOnly(System.IO.File.ReadAllText(script));
                Assert.True(sevenOnly.Count == 0, $"{script} uses what Windows PowerShell 5.1 cannot parse: {string.Join("; ", sevenOnly)}");
            }
        }

        [Fact]
        public void TheWindowsPowerShell51CheckFindsEverySevenOnlyConstruct()
        {
            var script = string.Join("\n",
                "$a = $x ? 1 : 2",
                "$b = $x ?? 'default'",
                "$c ??= 3",
                "${d}?.Name",
                "${e}?[0]",
                "Get-Item . && 'ok'",
                "Get-Item . || 'failed'",
                "1..3 | ForEach-Object -Parallel { $_ }",
                "1..3 | % -Para { $_ }",
                "function f { process { } clean { } }");
            Assert.Equal(new[]
            {
                "line 1: the ternary operator ?:", "line 2: the ?? operator", "line 3: the ??= operator", "line 4: the ?. operator",
                "line 5: the ?[ operator", "line 6: the && pipeline chain", "line 7: the || pipeline chain",
                "line 8: ForEach-Object -Parallel", "line 9: ForEach-Object -Parallel", "line 10: a clean {} block",
            }, WindowsPowerShellSyntax.SevenOnly(script));
            // What 5.1 has too is not refused: Where-Object's ? alias, -and/-or, ForEach-Object -Process, a variable named clean.
            Assert.Empty(WindowsPowerShellSyntax.SevenOnly("Get-Item . | ? { $_ -and $true -or $false } | ForEach-Object -Process { $_ }\n$clean = 1"));
        }

        [Fact]
        public void TheSchemaScriptAppliesEveryShippedLdifInOrder()
        {
            // The script brings any forest up to date, so it must know every LDIF the module ships (the test DC applies the same).
            var folder = System.IO.Path.Combine(PowerShellSession.StagedModuleFolder, "ad-schema");
            var script = System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "Create_SecureMFA_OTP_AD_attributes.ps1"));
            var named = System.Text.RegularExpressions.Regex.Matches(script, @"File = '([^']+\.ldf)'").Select(m => m.Groups[1].Value).ToList();
            var shipped = System.IO.Directory.GetFiles(folder, "*.ldf").Select(System.IO.Path.GetFileName).OrderBy(f => f).ToList();
            Assert.Equal(shipped, named.OrderBy(f => f));
            Assert.Equal(new[] { "SecureMFA_OTP_schema.ldf", "SecureMFA_OTP_schema_v2.ldf", "SecureMFA_OTP_container.ldf" }, named);
        }
    }
}
