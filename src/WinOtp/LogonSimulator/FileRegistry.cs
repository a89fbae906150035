using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// The simulator's HKLM\Software\SecureMFA: registry.json in the state folder, each value with its registry type,
    /// so what the simulator reads is what Set-ItemProperty would have written.
    /// </summary>
    public sealed class FileRegistry : IMachineRegistry
    {
        private const string Root = @"HKLM\Software\SecureMFA";
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

        public void SetValue(string subKey, string name, object value)
        {
            var keys = Load();
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
            Save(keys);
        }

        public void DeleteValue(string subKey, string name)
        {
            var keys = Load();
            if (keys[KeyName(subKey)] is JsonObject key && key.Remove(name)) Save(keys);
        }

        private static string KeyName(string subKey) => string.IsNullOrEmpty(subKey) ? Root : Root + "\\" + subKey;

        private JsonObject Load()
        {
            if (!File.Exists(_path)) return new JsonObject();
            try { return JsonNode.Parse(File.ReadAllText(_path)) as JsonObject ?? throw new InvalidDataException(_path + " is not a JSON object."); }
            catch (JsonException e) { throw new InvalidDataException(_path + " is not valid JSON: " + e.Message); }
        }

        private void Save(JsonObject keys)
        {
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, keys.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, _path, true);
        }
    }
}
