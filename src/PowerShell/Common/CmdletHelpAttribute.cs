using System;

namespace SecureMFA.Cmdlets.Help
{
    /// <summary>
    /// The text Get-Help shows for a cmdlet; the module build turns it into MAML help and refuses a cmdlet whose help is
    /// incomplete (see src/PowerShell/ModuleBuilder/CmdletHelpRules.cs).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class CmdletHelpAttribute : Attribute
    {
        public CmdletHelpAttribute(string synopsis, string description) => (Synopsis, Description) = (synopsis, description);

        public string Synopsis { get; }
        public string Description { get; }

        /// <summary>
        /// INPUTS: what the cmdlet takes from the pipeline (values and the property names that bind). Required when a parameter
        /// takes pipeline input; a cmdlet without one shows "None".
        /// </summary>
        public string? Inputs { get; set; }

        /// <summary>
        /// OUTPUTS: what the cmdlet returns, for each [OutputType] that does not describe itself with a [Description]
        /// (PSObject, bool, types from Core).
        /// </summary>
        public string? Outputs { get; set; }
    }

    /// <summary>One Get-Help example: the command and what it does.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CmdletExampleAttribute : Attribute
    {
        public CmdletExampleAttribute(string code, string remarks) => (Code, Remarks) = (code, remarks);

        public string Code { get; }
        public string Remarks { get; }
    }
}
