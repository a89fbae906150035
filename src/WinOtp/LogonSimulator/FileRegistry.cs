using System;
using System.Collections.Generic;
using System.IO;
using SecureMFA.Otp.Json;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// The simulator's HKLM\Software\SecureMFA: registry.json in the state folder, each value with its registry type,
    /// so what the simulator reads is what Set-ItemProperty would have written. Keys given their own ACL
    /// (<see cref="ProtectKey"/>) are listed under "$protected"; every other key is taken as Windows leaves a key under
    /// HKLM\Software, readable by BUILTIN\Users. Several simulators may share one state folder (a test runs them in
    /// parallel): each change is a read-modify-write under registry.json.lock, and the file is replaced atomically.
    /// The file is read and written with the kernel's JSON (<see cref="JsonReader"/>, <see cref="JsonWriter"/>).
    /// </summary>
    public sealed class FileRegistry : IMachineRegistry
    {
        private const string Root = @"HKLM\Software\SecureMFA";
        /// <summary>Group Policy's key, a key of its own in registry.json as in the registry (not below <see cref="Root"/>).</summary>
        private const string PolicyRoot = @"HKLM\Software\Policies\SecureMFA";
        private const string ProtectedList = "$protected";
        private const string InheritedReader = @"BUILTIN\Users";
        private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
        private readonly string _path;

        public FileRegistry(string path)
        {
            _path = path;
        }

        public object? GetValue(string subKey, string name) =>
            Load().Keys.TryGetValue(KeyName(subKey), out var key) && key.TryGetValue(name, out var value) ? value : null;

        public object? GetPolicyValue(string name) =>
            Load().Keys.TryGetValue(PolicyRoot, out var key) && key.TryGetValue(name, out var value) ? value : null;

        /// <summary>What a GPO would write (the simulator's --policy); the product itself never writes there.</summary>
        public void SetPolicyValue(string name, object value)
        {
            if (!(value is int || value is long || value is byte[] || value is string))
                throw new ArgumentException("Registry values are int, long, byte[] or string.", nameof(value));
            Change(state =>
            {
                state.Key(PolicyRoot)[name] = value;
                return true;
            });
        }

        public void DeletePolicyValue(string name) =>
            Change(state => state.Keys.TryGetValue(PolicyRoot, out var key) && key.Remove(name));

        public void SetValue(string subKey, string name, object value)
        {
            if (!(value is int || value is long || value is byte[] || value is string || value is string[]))
                throw new ArgumentException("Registry values are int, long, byte[], string or string[].", nameof(value));
            Change(state =>
            {
                state.Key(KeyName(subKey))[name] = value;
                return true;
            });
        }

        public void DeleteValue(string subKey, string name) =>
            Change(state => state.Keys.TryGetValue(KeyName(subKey), out var key) && key.Remove(name));

        public void ProtectKey(string subKey) => Change(state =>
        {
            state.Key(KeyName(subKey));
            if (state.Protected.Contains(KeyName(subKey))) return false;
            state.Protected.Add(KeyName(subKey));
            return true;
        });

        public IReadOnlyList<string>? OthersWithAccess(string subKey)
        {
            var state = Load();
            if (!state.Keys.ContainsKey(KeyName(subKey))) return null;
            return state.Protected.Contains(KeyName(subKey)) ? new string[0] : new[] { InheritedReader };
        }

        private static string KeyName(string subKey) => string.IsNullOrEmpty(subKey) ? Root : $@"{Root}\{subKey}";

        private RegistryFile Load()
        {
            if (!File.Exists(_path)) return new RegistryFile();
            try { return RegistryFile.Read(JsonReader.ParseObject(File.ReadAllBytes(_path), name => name)); }
            catch (JsonFormatException e) { throw new InvalidDataException($"{_path} is not the simulator's registry: {e.Message}"); }
        }

        /// <summary>One read-modify-write under the lock; <paramref name="change"/> says whether anything changed.</summary>
        private void Change(Func<RegistryFile, bool> change)
        {
            using (ExclusiveFileLock.TryTake($"{_path}.lock", LockWait) ?? throw new IOException($"{_path} is held by another simulator for more than {LockWait.TotalSeconds} s."))
            {
                var state = Load();
                if (!change(state)) return;
                var temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
                File.WriteAllText(temporary, state.ToJson().ToIndentedString());
                File.Move(temporary, _path, true);
            }
        }

        /// <summary>registry.json in memory: keys in file order, each value as the registry would return it.</summary>
        private sealed class RegistryFile
        {
            public Dictionary<string, Dictionary<string, object>> Keys { get; } = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
            public List<string> Protected { get; } = new List<string>();

            public Dictionary<string, object> Key(string name)
            {
                if (!Keys.TryGetValue(name, out var key)) Keys[name] = key = new Dictionary<string, object>(StringComparer.Ordinal);
                return key;
            }

            public static RegistryFile Read(JsonObject file)
            {
                var state = new RegistryFile();
                foreach (var member in file.Members)
                {
                    if (member.Name == ProtectedList) { state.Protected.AddRange(file.StringArray(ProtectedList) ?? new string[0]); continue; }
                    var key = state.Key(member.Name);
                    var values = file.Object(member.Name) ?? throw new JsonFormatException($"\"{member.Name}\" is null, not a key", member.Line, member.Column, member.Offset);
                    foreach (var value in values.Members)
                        key[value.Name] = ReadValue(values.Object(value.Name) ?? throw new JsonFormatException($"\"{value.Name}\" is null, not a value", value.Line, value.Column, value.Offset), value.Name);
                }
                return state;
            }

            private static object ReadValue(JsonObject value, string name)
            {
                var type = value.RequiredString("type");
                switch (type)
                {
                    case "REG_DWORD": return value.RequiredInt32("value");
                    case "REG_QWORD": return value.RequiredInt64("value");
                    case "REG_SZ": return value.RequiredString("value");
                    case "REG_MULTI_SZ": return System.Linq.Enumerable.ToArray(value.StringArray("value") ?? throw new JsonFormatException($"\"{name}\" is REG_MULTI_SZ but its value is not a list of strings", value.Line, value.Column, -1));
                    case "REG_BINARY":
                        try { return Convert.FromBase64String(value.RequiredString("value")); }
                        catch (FormatException) { throw new JsonFormatException($"\"{name}\" is REG_BINARY but its value is not base64", value.Line, value.Column, -1); }
                    default: throw new JsonFormatException($"\"{name}\" has an unknown type", value.Line, value.Column, -1);
                }
            }

            public JsonWriter ToJson()
            {
                var file = new JsonWriter();
                foreach (var key in Keys)
                {
                    var values = new JsonWriter();
                    foreach (var value in key.Value) values.Add(value.Key, Typed(value.Value));
                    file.Add(key.Key, values);
                }
                if (Protected.Count > 0) file.Add(ProtectedList, Protected);
                return file;
            }

            private static JsonWriter Typed(object value) => value switch
            {
                int dword => new JsonWriter().Add("type", "REG_DWORD").Add("value", dword),
                long qword => new JsonWriter().Add("type", "REG_QWORD").Add("value", qword),
                byte[] binary => new JsonWriter().Add("type", "REG_BINARY").Add("value", Convert.ToBase64String(binary)),
                string[] lines => new JsonWriter().Add("type", "REG_MULTI_SZ").Add("value", lines),
                _ => new JsonWriter().Add("type", "REG_SZ").Add("value", (string)value),
            };
        }
    }
}
