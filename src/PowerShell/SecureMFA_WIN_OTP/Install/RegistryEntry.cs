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
            value is int ? DWord : value is long ? QWord : value is byte[] ? Binary : value is string ? String
            : throw new ArgumentException("Registry values are int, long, byte[] or string.", nameof(value));

        public override string ToString() =>
            Kind == KeyOnly ? Key
            : Kind == ProtectedKey ? $"{Key} ACL: {Value}"
            : $"{Key} {(Name.Length == 0 ? "(default)" : Name)} {Kind} = {(Value is byte[] ? "(binary)" : Value)}";
    }
}
