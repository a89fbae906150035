using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// The AD FS and service cmdlets the install cmdlets call, against Microsoft's reference documentation
    /// (contracts/adfs/adfs-cmdlets.txt): the stand-ins take exactly the documented parameters, so every install test
    /// also proves that each parameter we pass exists on the real cmdlet.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class AdfsCmdletContractTests : IDisposable
    {
        private static readonly string[] Common =
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        private readonly FakeAdfsServer _server = new FakeAdfsServer();

        [Fact]
        public void EveryCommandTheInstallerCallsByNameIsListed()
        {
            var source = File.ReadAllText(RepositoryPaths.Of("src/PowerShell/SecureMFA_OTP/Infrastructure/AdfsFarm.cs")) +
                File.ReadAllText(RepositoryPaths.Of("src/PowerShell/SecureMFA_OTP/Infrastructure/DemoFarm.cs"));
            var called = Regex.Matches(source, "PlatformCommands\\.Invoke\\(_cmdlet, \"([A-Za-z]+-[A-Za-z]+)\"").Select(m => m.Groups[1].Value)
                .Where(c => !c.Contains("SecureMfaOtp", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Contains("Register-AdfsAuthenticationProvider", called);
            Assert.Contains("Restart-Service", called);
            Assert.Contains("Install-AdfsFarm", called);
            Assert.Contains("Grant-AdfsApplicationPermission", called);
            Assert.Empty(called.Except(AdfsCmdletListing.Names, StringComparer.OrdinalIgnoreCase));
        }

        [Fact]
        public void EachStandInTakesExactlyTheDocumentedParameters()
        {
            foreach (var cmdlet in AdfsCmdletListing.Names)
            {
                var declared = _server.Run($"(Get-Command {cmdlet} -CommandType Function).Parameters.Values | ForEach-Object {{ $_.Name + ' ' + $_.ParameterType.Name }}")
                    .Output.Select(o => o.ToString()!).Where(p => !Common.Contains(p.Split(' ')[0])).OrderBy(p => p, StringComparer.Ordinal).ToList();
                var listed = AdfsCmdletListing.Parameters(cmdlet)
                    .Select(p => $"{p.Name} {(p.Name == "WhatIf" || p.Name == "Confirm" ? "SwitchParameter" : Net(AdfsCmdletListing.PowerShellType(p.Type)))}")
                    .OrderBy(p => p, StringComparer.Ordinal).ToList();
                Assert.True(listed.SequenceEqual(declared), $"{cmdlet}: listed {string.Join(", ", listed)}; stand-in {string.Join(", ", declared)}");
            }
        }

        [Fact]
        public void AParameterTheRealCmdletDoesNotHaveFailsToBind()
        {
            var misspelt = _server.Run("Register-AdfsAuthenticationProvider -TypeNames 'X, Y' -Name SecureMfaOtpProvider");
            Assert.Contains("TypeNames", misspelt.ErrorText);
            Assert.DoesNotContain(_server.Calls(), c => c.StartsWith("Register|", StringComparison.Ordinal));
            // Register-AdfsAuthenticationProvider has no -Confirm: passing one, as Unregister takes, fails too.
            Assert.NotEmpty(_server.Run("Register-AdfsAuthenticationProvider -TypeName 'X, Y' -Name SecureMfaOtpProvider -Confirm:$false").Errors);
            Assert.Empty(_server.Run("Unregister-AdfsAuthenticationProvider -Name SecureMfaOtpProvider -Confirm:$false").Errors);
        }

        private static string Net(string powerShellType) => powerShellType switch
        {
            "string" => "String",
            "string[]" => "String[]",
            "switch" => "SwitchParameter",
            "bool" => "Boolean",
            "object[]" => "Object[]",
            _ => "Object",
        };

        public void Dispose() => _server.Dispose();
    }
}
