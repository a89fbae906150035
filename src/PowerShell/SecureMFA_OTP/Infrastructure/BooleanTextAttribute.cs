using System;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// Lets a switch bind from the text Import-Csv gives (true/false, yes/no, 1/0, any case; empty is false): PowerShell
    /// never converts a string to a switch, and a by-property-name value that does not bind is dropped without a word, so
    /// a Disabled column would be ignored. Any other text is an error naming the value; PowerShell reports it for that
    /// pipeline object (its TargetObject is the row) and goes on with the next one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BooleanTextAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "1": return new SwitchParameter(true);
                case "false": case "no": case "0": case "": return new SwitchParameter(false);
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"\"{text}\" is not a true/false value: use true/false, yes/no or 1/0 (any case); empty means false.");
            }
        }
    }
}
