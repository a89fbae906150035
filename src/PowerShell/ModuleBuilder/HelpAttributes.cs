using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using SecureMFA.Cmdlets.Help;

/// <summary>
/// A cmdlet's [CmdletHelp] and [CmdletExample], whichever module's assembly declares them. Both modules compile the same
/// attribute source (src/PowerShell/Common/CmdletHelpAttribute.cs), so in SecureMFA_WIN_OTP's assembly they are other types
/// of the same name: they are matched by full name and read property by property.
/// </summary>
internal static class HelpAttributes
{
    public static CmdletHelpAttribute? Help(Type cmdlet)
    {
        var found = Find(cmdlet, typeof(CmdletHelpAttribute)).FirstOrDefault();
        if (found == null || found is CmdletHelpAttribute own) return (CmdletHelpAttribute?)found;
        return new CmdletHelpAttribute(Text(found, nameof(CmdletHelpAttribute.Synopsis))!, Text(found, nameof(CmdletHelpAttribute.Description))!)
        {
            Inputs = Text(found, nameof(CmdletHelpAttribute.Inputs)),
            Outputs = Text(found, nameof(CmdletHelpAttribute.Outputs)),
        };
    }

    public static IReadOnlyList<CmdletExampleAttribute> Examples(Type cmdlet) =>
        Find(cmdlet, typeof(CmdletExampleAttribute))
            .Select(a => a as CmdletExampleAttribute
                ?? new CmdletExampleAttribute(Text(a, nameof(CmdletExampleAttribute.Code))!, Text(a, nameof(CmdletExampleAttribute.Remarks))!))
            .ToList();

    private static IEnumerable<object> Find(Type cmdlet, Type attribute) =>
        cmdlet.GetCustomAttributes(inherit: false).Where(a => a.GetType().FullName == attribute.FullName);

    private static string? Text(object attribute, string property) =>
        attribute.GetType().GetProperty(property)?.GetValue(attribute) as string;
}
