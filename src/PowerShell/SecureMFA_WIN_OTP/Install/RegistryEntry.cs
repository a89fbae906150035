using System;

namespace SecureMFA.WinOtp.Cmdlets
{
    /// <summary>
    /// One thing the installer writes in the registry: a value (Name "" is the key's default value), with Kind "Key" the
    /// key alone, or with Kind "ProtectedKey" the key with its own ACL (Value says which: SYSTEM and Administrators only).
    /// </summary>
    public sealed class RegistryEntry
    {
        public const string String = "String";
        public const string DWord = "DWord";
        public const string QWord = "QWord";
        public const string Binary = "Binary";
        /// <summary>REG_MULTI_SZ: a string[].</summary>
        public const string MultiString = "MultiString";
        public const string KeyOnly = "Key";
        public const string ProtectedKey = "ProtectedKey";

        public RegistryEntry(string key, string name, string kind, object? value)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Name = name ?? "";
            Kind = kind;
            Value = value;
        }

        public string Key { get; }
        public string Name { get; }
        public string Kind { get; }
        public object? Value { get; }

        public static string KindOf(object value) =>
            value is int ? DWord : value is long ? QWord : value is byte[] ? Binary : value is string ? String : value is string[] ? MultiString
            : throw new ArgumentException("Registry values are int, long, byte[], string or string[].", nameof(value));

        /// <summary>Whether a value read back is the one this entry writes (a list compares entry by entry).</summary>
        public bool IsWrittenAs(object? found)
        {
            if (Value is string[] lines)
            {
                var read = found as string[] ?? (found is object[] objects ? Array.ConvertAll(objects, o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "") : null);
                if (read == null || read.Length != lines.Length) return false;
                for (var i = 0; i < lines.Length; i++) if (!string.Equals(read[i], lines[i], StringComparison.Ordinal)) return false;
                return true;
            }
            return found != null && found.Equals(Value);
        }

        public override string ToString() =>
            Kind == KeyOnly ? Key
            : Kind == ProtectedKey ? $"{Key} ACL: {Value}"
            : $"{Key} {(Name.Length == 0 ? "(default)" : Name)} {Kind} = {(Value is byte[] ? "(binary)" : Value is string[] lines ? string.Join(";", lines) : Value)}";
    }
}
