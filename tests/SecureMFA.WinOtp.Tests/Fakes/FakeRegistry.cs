using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>HKLM\Software\SecureMFA in memory. Shared by the net10.0 tests and the net472 Mono check.</summary>
    public sealed class FakeRegistry : IMachineRegistry
    {
        private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        public bool FailWrites { get; set; }

        public object? GetValue(string subKey, string name) => _values.TryGetValue(Key(subKey, name), out var value) ? value : null;

        public void SetValue(string subKey, string name, object value)
        {
            if (FailWrites) throw new UnauthorizedAccessException("The fake registry refuses writes.");
            if (!(value is int || value is long || value is string || value is byte[])) throw new ArgumentException("Registry values are int, long, string or byte[].");
            _values[Key(subKey, name)] = value;
        }

        public void DeleteValue(string subKey, string name) => _values.Remove(Key(subKey, name));

        /// <summary>Every value as text (binary as base64), to search for what must never be stored.</summary>
        public IEnumerable<string> AllText() => _values.Select(v => v.Key + "=" + (v.Value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(v.Value)));

        private static string Key(string subKey, string name) => subKey + "|" + name;
    }
}
