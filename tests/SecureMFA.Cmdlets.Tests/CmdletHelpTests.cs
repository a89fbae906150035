using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Get-Help as a support person reads it, from the staged module's MAML: every cmdlet has INPUTS, OUTPUTS and at least two
    /// examples, one piping into it when it takes pipeline input; the about topic covers install, upgrade, events and recovery.
    /// </summary>
    public sealed class CmdletHelpTests
    {
        private static readonly PowerShellSession Session = new PowerShellSession();

        private static List<string> Lines(string script) => Session.Run(script).Output.Select(o => o.ToString()!).ToList();

        public static IEnumerable<object[]> Cmdlets()
        {
            using var ps = new PowerShellSession();
            return ps.Run("Get-Command -Module SecureMFA_OTP -CommandType Cmdlet | ForEach-Object { $_.Name }").Output.Select(o => new object[] { o.ToString()! }).ToList();
        }

        [Fact]
        public void TheModuleExportsExactlyItsCmdlets()
        {
            var names = Lines("Get-Command -Module SecureMFA_OTP -CommandType Cmdlet | ForEach-Object { $_.Name }");
            Assert.Equal(new[]
            {
                "ConvertTo-xOTP_EncryptedSecret", "Disable-xOTP_User", "Enable-xOTP_User", "Export-xOTP_Report", "Get-xOTP_Device", "Get-xOTP_OfflineUnlockCode", "Get-xOTP_RolloutReadiness", "Get-xOTP_User",
                "Install-ADFS_Demo_with_OTP", "Install-SecureMfaOtpProvider", "New-SecureMfaOtpDatabase", "New-xOTP_RecoveryCode", "New-xOTP_User", "Remove-xOTP_User",
                "Reset-xOTP_User", "Revoke-xOTP_Device", "Test-SecureMfaOtpConfiguration", "Uninstall-ADFS_Demo_with_OTP", "Uninstall-SecureMfaOtpProvider", "Unlock-xOTP_User",
            }, names.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory, MemberData(nameof(Cmdlets))]
        public void HelpHasInputsOutputsAndExamples(string cmdlet)
        {
            var inputs = Lines($"(Get-Help {cmdlet} -Full).inputTypes.inputType | ForEach-Object {{ $_.type.name }}");
            Assert.NotEmpty(Assert.Single(inputs));
            var inputText = string.Join(" ", Lines($"(Get-Help {cmdlet} -Full).inputTypes.inputType.description | ForEach-Object {{ $_.Text }}"));
            Assert.True(inputText.Length > 10, $"{cmdlet}: INPUTS has no description");

            var outputs = Lines($"(Get-Help {cmdlet} -Full).returnValues.returnValue | ForEach-Object {{ $_.type.name }}");
            Assert.NotEmpty(outputs);
            var declared = Lines($"(Get-Command {cmdlet}).OutputType | ForEach-Object {{ $_.Name }}");
            Assert.Equal(declared.OrderBy(n => n), outputs.OrderBy(n => n));
            var outputText = Lines($"(Get-Help {cmdlet} -Full).returnValues.returnValue | ForEach-Object {{ ($_.description | ForEach-Object {{ $_.Text }}) -join ' ' }}");
            Assert.All(outputText, t => Assert.True(t.Length > 10, $"{cmdlet}: an OUTPUTS entry has no description"));

            var examples = Lines($"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.code }}");
            Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} example(s)");
            var takesPipeline = Session.Run($"@((Get-Command {cmdlet}).Parameters.Values | Where-Object {{ $_.Attributes | Where-Object {{ $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) }} }}).Count")
                .Output.Single().BaseObject is int count && count > 0;
            if (takesPipeline)
            {
                Assert.NotEqual("None", inputs[0]);
                Assert.Contains(examples, e => e.Contains("| " + cmdlet));
            }
            else Assert.Equal("None", inputs[0]);
        }

        [Theory]
        [InlineData("New-xOTP_User")]
        [InlineData("Get-xOTP_User")]
        [InlineData("Disable-xOTP_User")]
        [InlineData("Enable-xOTP_User")]
        [InlineData("Unlock-xOTP_User")]
        [InlineData("Reset-xOTP_User")]
        [InlineData("Remove-xOTP_User")]
        [InlineData("New-xOTP_RecoveryCode")]
        public void EveryUserCmdletHasAnExampleFedFromACsvFile(string cmdlet)
        {
            var examples = Lines($"(Get-Help {cmdlet} -Full).examples.example | ForEach-Object {{ $_.code }}");
            Assert.Contains(examples, e => e.StartsWith("Import-Csv ") && e.Contains("| " + cmdlet));
        }

        [Fact]
        public void TheAboutTopicCoversInstallUpgradeEventsAndRecovery()
        {
            var text = string.Join("\n", Lines("Get-Help about_SecureMFA_OTP | ForEach-Object { \"$_\" }"));
            foreach (var heading in new[] { "INSTALLING", "UPGRADING", "SUPPORT", "TROUBLESHOOTING BY EVENT ID", "RECOVERY" }) Assert.Contains("\n  " + heading, text);
            foreach (var id in Enumerable.Range(5550, 8)) Assert.Contains(id.ToString(), text);
            foreach (var topic in new[] { "Locked out", "Lost or replaced phone", "Recovery codes", "Store down" }) Assert.Contains("\n    " + topic, text);
            foreach (var command in new[] { "Unlock-xOTP_User", "Reset-xOTP_User", "New-xOTP_RecoveryCode", "-SortBy", "-Verbose" }) Assert.Contains(command, text);
        }
    }
}
