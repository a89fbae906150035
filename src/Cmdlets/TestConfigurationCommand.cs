using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.Cmdlets.Infrastructure;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Cmdlets
{
    [Cmdlet(VerbsDiagnostic.Test, "SecureMfaOtpConfiguration")]
    [OutputType(typeof(ConfigurationIssue), typeof(bool))]
    [CmdletHelp("Checks SecureMfaOtpProvider.json and reports every problem at once.",
        "Reads the file as AD FS will and returns one object per problem (Severity, Key, Message): errors stop the provider from starting, " +
        "warnings do not. No output means the file is valid. With -Quiet, returns only $true (valid) or $false.")]
    [CmdletExample("Test-SecureMfaOtpConfiguration .\\SecureMfaOtpProvider.json", "Lists every problem, naming the key and the bad value.")]
    [CmdletExample("if (Test-SecureMfaOtpConfiguration .\\SecureMfaOtpProvider.json -Quiet) { 'ready' }", "Uses the result in a script.")]
    public sealed class TestConfigurationCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Path of SecureMfaOtpProvider.json.")]
        [Alias("FullName", "Path")]
        public string ConfigurationFilePath { get; set; } = "";

        [Parameter(HelpMessage = "Return only $true when there is no error, $false otherwise.")]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var path = GetUnresolvedProviderPathFromPSPath(ConfigurationFilePath);
            if (!File.Exists(path))
            {
                if (Quiet) { WriteObject(false); return; }
                WriteError(Errors.Record($"The configuration file \"{path}\" does not exist.", "ConfigurationFileMissing", ErrorCategory.ObjectNotFound, path));
                return;
            }
            var result = ConfigurationLoader.Parse(File.ReadAllText(path));
            if (Quiet) { WriteObject(result.IsValid); return; }
            foreach (var issue in result.Issues) WriteObject(issue);
            if (!result.IsValid)
                WriteVerbose($"{path}: {result.Errors.Count()} error(s), {result.Warnings.Count()} warning(s).");
        }
    }
}
