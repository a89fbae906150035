using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// Every call, callvirt, newobj and ldftn in a method body, with the string literal loaded by the instruction just before it
    /// (the name a CryptoConfig-style factory is given; a name from anywhere else is no literal), read from the IL without loading the assembly.
    /// </summary>
    public static class CallSites
    {
        public sealed record Site(string Caller, string Target, string? PrecedingString);

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        public static IEnumerable<Site> In(MetadataReader reader, System.Reflection.PortableExecutable.PEReader pe)
        {
            foreach (var handle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(handle);
                if (method.RelativeVirtualAddress == 0) continue;
                var caller = TypeNames.Member(reader, handle)!;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                string? lastString = null;
                for (var offset = 0; offset < il.Length;)
                {
                    short value = il[offset++];
                    if (value == 0xFE) value = (short)(0xFE00 | il[offset++]);
                    var opCode = OpCodesByValue[value];
                    var operand = offset;
                    offset += OperandSize(opCode.OperandType, il, offset);
                    if (opCode == OpCodes.Ldstr)
                    {
                        lastString = reader.GetUserString(MetadataTokens.UserStringHandle(Token(il, operand) & 0x00FFFFFF));
                        continue;
                    }
                    if (opCode == OpCodes.Call || opCode == OpCodes.Callvirt || opCode == OpCodes.Newobj || opCode == OpCodes.Ldftn || opCode == OpCodes.Ldvirtftn)
                    {
                        var target = TypeNames.Member(reader, MetadataTokens.EntityHandle(Token(il, operand)));
                        if (target != null) yield return new Site(caller, target, lastString);
                    }
                    lastString = null;
                }
            }
        }

        private static int Token(byte[] il, int at) => il[at] | il[at + 1] << 8 | il[at + 2] << 16 | il[at + 3] << 24;

        private static int OperandSize(OperandType type, byte[] il, int at) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + 4 * Token(il, at),
            _ => 4,
        };
    }
}
