using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>
    /// HKLM\Software\SecureMFA in memory, with Windows' ACL behaviour as far as WIN OTP asks about it: a key is readable
    /// by BUILTIN\Users (inherited from HKLM\Software) until <see cref="ProtectKey"/> gives it its own ACL. Shared by the
    /// net10.0 tests and the net472 Mono check.
    /// </summary>
    public sealed class FakeRegistry : IMachineRegistry
    {
        public const string InheritedReader = @"BUILTIN\Users";
        private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _protected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<string>> _granted = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        public bool FailWrites { get; set; }
        /// <summary>ProtectKey does nothing, as a replaced or broken seam would.</summary>
        public bool IgnoreProtect { get; set; }
        public List<string> ProtectedKeys
        {
            get { lock (_values) return _protected.ToList(); }
        }

        public object? GetValue(string subKey, string name)
        {
            lock (_values) return _values.TryGetValue(Key(subKey, name), out var value) ? value : null;
        }

        /// <summary>Values Group Policy set under HKLM\Software\Policies\SecureMFA.</summary>
        public Dictionary<string, object> Policies { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        public object? GetPolicyValue(string name)
        {
            lock (_values) return Policies.TryGetValue(name, out var value) ? value : null;
        }

        public void SetValue(string subKey, string name, object value)
        {
            if (FailWrites) throw new UnauthorizedAccessException("The fake registry refuses writes.");
            if (!(value is int || value is long || value is string || value is byte[] || value is string[])) throw new ArgumentException("Registry values are int, long, string, string[] or byte[].");
            lock (_values) _values[Key(subKey, name)] = value;
        }

        public void DeleteValue(string subKey, string name)
        {
            lock (_values) _values.Remove(Key(subKey, name));
        }

        public void ProtectKey(string subKey)
        {
            if (FailWrites) throw new UnauthorizedAccessException("The fake registry refuses writes.");
            if (IgnoreProtect) return;
            lock (_values)
            {
                _protected.Add(subKey);
                _granted.Remove(subKey);
            }
        }

        public IReadOnlyList<string>? OthersWithAccess(string subKey)
        {
            lock (_values)
            {
                if (!_protected.Contains(subKey) && !_values.Keys.Any(k => k.StartsWith(subKey + "|", StringComparison.OrdinalIgnoreCase))) return null;
                var others = new List<string>();
                if (!_protected.Contains(subKey)) others.Add(InheritedReader);
                if (_granted.TryGetValue(subKey, out var granted)) others.AddRange(granted);
                return others;
            }
        }

        /// <summary>Someone (an administrator's mistake, or an attacker) adds an entry for <paramref name="principal"/> to the key's ACL.</summary>
        public void Grant(string subKey, string principal)
        {
            lock (_values)
            {
                if (!_granted.TryGetValue(subKey, out var granted)) _granted[subKey] = granted = new List<string>();
                granted.Add(principal);
            }
        }

        /// <summary>Every value as text (binary as base64), to search for what must never be stored.</summary>
        public IEnumerable<string> AllText()
        {
            lock (_values) return _values.Select(v => v.Key + "=" + (v.Value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(v.Value))).ToList();
        }

        private static string Key(string subKey, string name) => subKey + "|" + name;
    }
}
