using System;

namespace SecureMFA.WinOtp.Cmdlets.Help
{
    /// <summary>The text Get-Help shows for a cmdlet; the module's staging turns it into MAML help.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class CmdletHelpAttribute : Attribute
    {
        public CmdletHelpAttribute(string synopsis, string description)
        {
            Synopsis = synopsis;
            Description = description;
        }

        public string Synopsis { get; }
        public string Description { get; }
    }

    /// <summary>One Get-Help example: the command and what it does.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CmdletExampleAttribute : Attribute
    {
        public CmdletExampleAttribute(string code, string remarks)
        {
            Code = code;
            Remarks = remarks;
        }

        public string Code { get; }
        public string Remarks { get; }
    }
}
