using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// The rules the module build applies before it writes MAML help (src/PowerShell/ModuleBuilder/CmdletHelpRules.cs, compiled into this
    /// project with the attributes it reads): a cmdlet with incomplete help fails the build, naming what is missing.
    /// </summary>
    public sealed class HelpRuleTests
    {
        [Description("A thing the example cmdlets return.")]
        public sealed class Thing { }

        [Cmdlet(VerbsCommon.Get, "Complete")]
        [OutputType(typeof(Thing))]
        [CmdletHelp("Gets things.", "Gets things by name.", Inputs = "Names as strings.")]
        [CmdletExample("Get-Complete a", "Gets a.")]
        [CmdletExample("Import-Csv .\\names.csv | Get-Complete", "Gets each thing named in names.csv.")]
        public sealed class CompleteCommand : PSCmdlet
        {
            [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "A name.")]
            public string Name { get; set; } = "";
        }

        [Cmdlet(VerbsCommon.Get, "Sparse")]
        [CmdletHelp("Gets things.", "Gets things by name.")]
        [CmdletExample("Get-Sparse a", "Gets a.")]
        public sealed class SparseCommand : PSCmdlet
        {
            [Parameter(ValueFromPipeline = true)]
            public string Name { get; set; } = "";
        }

        [Cmdlet(VerbsCommon.Get, "Unpiped")]
        [OutputType(typeof(PSObject))]
        [CmdletHelp("Gets things.", "Gets things by name.", Inputs = "Names as strings.")]
        [CmdletExample("Get-Unpiped a", "Gets a.")]
        [CmdletExample("Get-Unpiped b | Get-Complete", "Pipes out, not in.")]
        public sealed class UnpipedCommand : PSCmdlet
        {
            [Parameter(ValueFromPipeline = true, HelpMessage = "A name.")]
            public string Name { get; set; } = "";
        }

        [Cmdlet(VerbsCommon.Get, "NoInput")]
        [OutputType(typeof(PSObject))]
        [CmdletHelp("Gets things.", "Gets everything.", Inputs = "Names.", Outputs = "One object.")]
        [CmdletExample("Get-NoInput", "Gets all.")]
        [CmdletExample("Get-NoInput | Get-Complete", "Gets all, then each in full.")]
        public sealed class NoInputCommand : PSCmdlet { }

        [Cmdlet(VerbsCommon.Get, "Undocumented")]
        public sealed class UndocumentedCommand : PSCmdlet { }

        [Fact]
        public void CompleteHelpPasses() => Assert.Empty(CmdletHelpRules.Problems(typeof(CompleteCommand)));

        [Fact]
        public void EachMissingPartIsNamed()
        {
            var problems = CmdletHelpRules.Problems(typeof(SparseCommand));
            Assert.Contains("Get-Sparse takes pipeline input (-Name) but [CmdletHelp] has no Inputs", problems);
            Assert.Contains("Get-Sparse has no [OutputType]", problems);
            Assert.Contains("Get-Sparse has 1 [CmdletExample]; at least 2 are needed", problems);
            Assert.Contains(problems, p => p.StartsWith("Get-Sparse takes pipeline input but no [CmdletExample] pipes into it"));
            Assert.Contains("Get-Sparse -Name has no HelpMessage", problems);
            Assert.Equal(5, problems.Count);
        }

        [Fact]
        public void AnExampleMustPipeIntoTheCmdletAndAnUndescribedOutputIsRefused()
        {
            var problems = CmdletHelpRules.Problems(typeof(UnpipedCommand));
            Assert.Equal(2, problems.Count);
            Assert.Contains("Get-Unpiped returns System.Management.Automation.PSObject, which has no [Description], and [CmdletHelp] has no Outputs", problems);
            Assert.Contains(problems, p => p.StartsWith("Get-Unpiped takes pipeline input but no [CmdletExample] pipes into it"));
        }

        [Fact]
        public void InputsWithoutPipelineInputAreRefusedAsUntrue() =>
            Assert.Equal(new[] { "Get-NoInput: [CmdletHelp] describes Inputs, but no parameter takes pipeline input" }, CmdletHelpRules.Problems(typeof(NoInputCommand)));

        [Fact]
        public void NoHelpAtAllIsRefused() =>
            Assert.Equal(new[] { "Get-Undocumented has no [CmdletHelp]" }, CmdletHelpRules.Problems(typeof(UndocumentedCommand)));

        [Fact]
        public void OutputsTextGoesUnderTheFirstTypeOrUnderATypeWithoutItsOwnDescription()
        {
            var help = new CmdletHelpAttribute("s", "d") { Outputs = "When and how many." };
            Assert.Equal(new[] { "A thing the example cmdlets return.", "When and how many." }, CmdletHelpRules.OutputParagraphs(typeof(Thing), help, first: true));
            Assert.Equal(new[] { "A thing the example cmdlets return." }, CmdletHelpRules.OutputParagraphs(typeof(Thing), help, first: false));
            Assert.Equal(new[] { "When and how many." }, CmdletHelpRules.OutputParagraphs(typeof(PSObject), help, first: false));
            Assert.Empty(CmdletHelpRules.OutputParagraphs(typeof(PSObject), new CmdletHelpAttribute("s", "d"), first: true));
            Assert.True(CmdletHelpRules.PipesInto("Get-Thing | Get-Complete -Verbose", typeof(CompleteCommand)));
            Assert.False(CmdletHelpRules.PipesInto("Get-Complete | Get-CompleteX", typeof(CompleteCommand)));
        }
    }
}
