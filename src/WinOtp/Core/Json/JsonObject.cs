using System.Collections.Generic;
using System.Globalization;

namespace SecureMFA.WinOtp.Json
{
    /// <summary>
    /// A parsed JSON object with typed reads. Values are string, bool, <see cref="JsonNumber"/>, JsonObject,
    /// List&lt;object?&gt; or null. A property of the wrong type is a format error, so a reply that is not what the
    /// protocol says is never half understood.
    /// </summary>
    public sealed class JsonObject
    {
        private readonly Dictionary<string, object?> _properties;

        public JsonObject(Dictionary<string, object?> properties)
        {
            _properties = properties;
        }

        public bool Has(string name) => _properties.ContainsKey(name);

        /// <summary>Absent and null are both null.</summary>
        public string? String(string name)
        {
            var value = Get(name);
            if (value == null || value is string) return (string?)value;
            throw new JsonFormatException("\"" + name + "\" is not a string.");
        }

        public string RequiredString(string name) => String(name) ?? throw new JsonFormatException("\"" + name + "\" is missing.");

        public long? Int64(string name)
        {
            var value = Get(name);
            if (value == null) return null;
            if (value is JsonNumber number && long.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)) return result;
            throw new JsonFormatException("\"" + name + "\" is not a whole number.");
        }

        public long RequiredInt64(string name) => Int64(name) ?? throw new JsonFormatException("\"" + name + "\" is missing.");

        public int? Int32(string name)
        {
            var value = Int64(name);
            if (value == null) return null;
            if (value < int.MinValue || value > int.MaxValue) throw new JsonFormatException("\"" + name + "\" is out of range.");
            return (int)value.Value;
        }

        public int RequiredInt32(string name) => Int32(name) ?? throw new JsonFormatException("\"" + name + "\" is missing.");

        public bool? Bool(string name)
        {
            var value = Get(name);
            if (value == null || value is bool) return (bool?)value;
            throw new JsonFormatException("\"" + name + "\" is not true or false.");
        }

        public JsonObject? Object(string name)
        {
            var value = Get(name);
            if (value == null || value is JsonObject) return (JsonObject?)value;
            throw new JsonFormatException("\"" + name + "\" is not an object.");
        }

        private object? Get(string name) => _properties.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>A JSON number kept as its text, read as an integer only when asked.</summary>
    public sealed class JsonNumber
    {
        public JsonNumber(string text) { Text = text; }
        public string Text { get; }
    }
}
