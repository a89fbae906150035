using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// The simulator's HKLM\Software\SecureMFA: registry.json in the state folder, each value with its registry type,
    /// so what the simulator reads is what Set-ItemProperty would have written. Keys given their own ACL
    /// (<see cref="ProtectKey"/>) are listed under "$protected"; every other key is taken as Windows leaves a key under
    /// HKLM\Software, readable by BUILTIN\Users. Several simulators may share one state folder (a test runs them in
    /// parallel): each change is a read-modify-write under registry.json.lock, and the file is replaced atomically.
    /// </summary>
    public sealed class FileRegistry : IMachineRegistry
    {
        private const string Root = @"HKLM\Software\SecureMFA";
        private const string ProtectedList = "$protected";
        private const string InheritedReader = @"BUILTIN\Users";
        private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
        private readonly string _path;

        public FileRegistry(string path)
        {
            _path = path;
        }

        public object? GetValue(string subKey, string name)
        {
            var keys = Load();
            if (keys[KeyName(subKey)] is not JsonObject key || key[name] is not JsonObject value) return null;
            var data = value["value"];
            switch ((string?)value["type"])
            {
                case "REG_DWORD": return (int)data!;
                case "REG_QWORD": return (long)data!;
                case "REG_BINARY": return Convert.FromBase64String((string)data!);
                case "REG_SZ": return (string?)data;
                default: throw new InvalidDataException(_path + ": " + KeyName(subKey) + "\\" + name + " has an unknown type.");
            }
        }

        public void SetValue(string subKey, string name, object value) => Change(keys =>
        {
            if (keys[KeyName(subKey)] is not JsonObject key)
            {
                key = new JsonObject();
                keys[KeyName(subKey)] = key;
            }
            key[name] = value switch
            {
                int dword => new JsonObject { ["type"] = "REG_DWORD", ["value"] = dword },
                long qword => new JsonObject { ["type"] = "REG_QWORD", ["value"] = qword },
                byte[] binary => new JsonObject { ["type"] = "REG_BINARY", ["value"] = Convert.ToBase64String(binary) },
                string text => new JsonObject { ["type"] = "REG_SZ", ["value"] = text },
                _ => throw new ArgumentException("Registry values are int, long, byte[] or string.", nameof(value)),
            };
            return true;
        });

        public void DeleteValue(string subKey, string name) => Change(keys => keys[KeyName(subKey)] is JsonObject key && key.Remove(name));

        public void ProtectKey(string subKey) => Change(keys =>
        {
            if (keys[KeyName(subKey)] is not JsonObject) keys[KeyName(subKey)] = new JsonObject();
            if (keys[ProtectedList] is not JsonArray list)
            {
                list = new JsonArray();
                keys[ProtectedList] = list;
            }
            if (list.Any(k => (string?)k == KeyName(subKey))) return false;
            list.Add(KeyName(subKey));
            return true;
        });

        public IReadOnlyList<string>? OthersWithAccess(string subKey)
        {
            var keys = Load();
            if (keys[KeyName(subKey)] is not JsonObject) return null;
            var isProtected = keys[ProtectedList] is JsonArray list && list.Any(k => (string?)k == KeyName(subKey));
            return isProtected ? new string[0] : new[] { InheritedReader };
        }

        private static string KeyName(string subKey) => string.IsNullOrEmpty(subKey) ? Root : Root + "\\" + subKey;

        private JsonObject Load()
        {
            if (!File.Exists(_path)) return new JsonObject();
            try { return JsonNode.Parse(File.ReadAllText(_path)) as JsonObject ?? throw new InvalidDataException(_path + " is not a JSON object."); }
            catch (JsonException e) { throw new InvalidDataException(_path + " is not valid JSON: " + e.Message); }
        }

        /// <summary>One read-modify-write under the lock; <paramref name="change"/> says whether anything changed.</summary>
        private void Change(Func<JsonObject, bool> change)
        {
            using (ExclusiveFileLock.TryTake(_path + ".lock", LockWait) ?? throw new IOException(_path + " is held by another simulator for more than " + LockWait.TotalSeconds + " s."))
            {
                var keys = Load();
                if (!change(keys)) return;
                var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                File.WriteAllText(temporary, keys.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                File.Move(temporary, _path, true);
            }
        }
    }
}
