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
        "Reads the file as AD FS will and returns one object per issue (Severity, Key, Message). Errors stop the provider from starting: " +
        "a bad value, a typographic quote pasted from a web page, a key written twice (also under its older name). Warnings name a setting " +
        "that is legal but risky or probably unintended (lockout off, encryption off, a range that looks like a netmask, the external QR " +
        "service, sqlencrypt off, an untrusted SQL certificate, verbose logging...); AD FS logs the same warnings in event 5550. " +
        "Messages name the key (syntax problems also the line and column), never a secret's value. No output means the file is valid with nothing to warn about. " +
        "With -Quiet, returns only $true (no error; warnings allowed) or $false.",
        Inputs = "System.String: paths of configuration files. Or objects with a FullName, Path or ConfigurationFilePath property, bound by " +
            "property name: Get-ChildItem output, Import-Csv rows with a Path column.",
        Outputs = "One ConfigurationIssue (Severity: Error or Warning, Key, Message) per problem, nothing when the file is valid with nothing to " +
            "warn about; with -Quiet, one Boolean per file instead.")]
    [CmdletExample("Test-SecureMfaOtpConfiguration .\\SecureMfaOtpProvider.json", "Lists every issue, naming the key and the bad value.")]
    [CmdletExample("Test-SecureMfaOtpConfiguration .\\SecureMfaOtpProvider.json | Where-Object Severity -eq 'Error'", "Shows only what stops the provider from starting.")]
    [CmdletExample("if (Test-SecureMfaOtpConfiguration .\\SecureMfaOtpProvider.json -Quiet) { 'ready' }", "Uses the result in a script.")]
    [CmdletExample("Get-ChildItem C:\\Staging\\SecureMfaOtpProvider.json | Test-SecureMfaOtpConfiguration",
        "A file from Get-ChildItem binds by its FullName. The issues name the key, not the file: test several files one at a time, as below.")]
    [CmdletExample("Import-Csv .\\servers.csv | ForEach-Object { [pscustomobject]@{ Server = $_.Server; Ready = Test-SecureMfaOtpConfiguration \"\\\\$($_.Server)\\c$\\ProgramData\\SecureMFA_OTP\\SecureMfaOtpProvider.json\" -Quiet } }",
        "Checks the configuration copy on every AD FS server in the Server column of servers.csv: one line per server, Ready True or False.")]
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
            else
                // On the host, as Write-Host would: the pipeline keeps only issue objects, and a valid file still says so.
                WriteInformation(new HostInformationMessage { Message = $"{path} is valid ({result.Warnings.Count()} warning(s))." }, new[] { "PSHOST" });
        }
    }
}
