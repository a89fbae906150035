using System;
using System.Collections.Generic;
using System.Globalization;

namespace SecureMFA.Otp.Json
{
    /// <summary>One "name": value pair, with where its name stands (the opening quote; <see cref="NameLength"/> spans both quotes).</summary>
    public sealed class JsonMember
    {
        internal JsonMember(string name, int line, int column, int offset, int nameLength, JsonValue value)
        {
            Name = name;
            Line = line;
            Column = column;
            Offset = offset;
            NameLength = nameLength;
            Value = value;
        }

        public string Name { get; }
        public int Line { get; }
        public int Column { get; }
        public int Offset { get; }
        public int NameLength { get; }
        public JsonValue Value { get; }
    }

    /// <summary>
    /// A parsed JSON object: its members in document order (names are unique, the reader refuses a repeated one) and
    /// typed reads. A member of the wrong type is a <see cref="JsonFormatException"/> naming the member and where its
    /// value is, never the value, so a document that is not what its caller documents is never half understood.
    /// Absent and null read alike: as null from the optional reads, as "missing" from the required ones.
    /// </summary>
    public sealed class JsonObject
    {
        private readonly Dictionary<string, JsonMember> _byName;

        internal JsonObject(List<JsonMember> members, Dictionary<string, JsonMember> byName, int line, int column)
        {
            Members = members;
            _byName = byName;
            Line = line;
            Column = column;
        }

        public IReadOnlyList<JsonMember> Members { get; }

        /// <summary>Where the object's '{' stands.</summary>
        public int Line { get; }
        public int Column { get; }

        public bool Has(string name) => _byName.ContainsKey(name);

        /// <summary>The member's value, or null when there is no such member (a JSON null is a value of kind Null).</summary>
        public JsonValue? Get(string name) => _byName.TryGetValue(name, out var member) ? member.Value : null;

        public string? String(string name)
        {
            var value = Present(name);
            if (value == null) return null;
            if (value.Kind != JsonKind.String) throw WrongType(name, value, "a string");
            return value.Text;
        }

        public string RequiredString(string name) => String(name) ?? throw Missing(name);

        public long? Int64(string name)
        {
            var value = Present(name);
            if (value == null) return null;
            // The reader has checked the number's form; a fraction or exponent is not a whole number here.
            if (value.Kind != JsonKind.Number || !long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
                throw WrongType(name, value, "a whole number");
            return result;
        }

        public long RequiredInt64(string name) => Int64(name) ?? throw Missing(name);

        public int? Int32(string name)
        {
            var number = Int64(name);
            if (number == null) return null;
            if (number < int.MinValue || number > int.MaxValue) throw Fault(name, Get(name)!, "is out of range");
            return (int)number.Value;
        }

        public int RequiredInt32(string name) => Int32(name) ?? throw Missing(name);

        public bool? Bool(string name)
        {
            var value = Present(name);
            if (value == null) return null;
            if (value.Kind == JsonKind.True) return true;
            if (value.Kind == JsonKind.False) return false;
            throw WrongType(name, value, "true or false");
        }

        public JsonObject? Object(string name)
        {
            var value = Present(name);
            if (value == null) return null;
            return value.Object ?? throw WrongType(name, value, "an object");
        }

        /// <summary>An array whose items are all strings.</summary>
        public IReadOnlyList<string>? StringArray(string name)
        {
            var value = Present(name);
            if (value == null) return null;
            if (value.Kind != JsonKind.Array) throw WrongType(name, value, "an array of strings");
            var items = new List<string>(value.Items.Count);
            foreach (var item in value.Items)
            {
                if (item.Kind != JsonKind.String) throw Fault(name, item, $"holds {item.KindName} where a string belongs");
                items.Add(item.Text);
            }
            return items;
        }

        private JsonValue? Present(string name)
        {
            var value = Get(name);
            return value == null || value.Kind == JsonKind.Null ? null : value;
        }

        private static JsonFormatException WrongType(string name, JsonValue value, string expected) =>
            Fault(name, value, $"is {value.KindName}, not {expected}");

        private static JsonFormatException Fault(string name, JsonValue value, string what) =>
            new JsonFormatException($"\"{name}\" {what}", value.Line, value.Column, value.Offset);

        private JsonFormatException Missing(string name) =>
            new JsonFormatException($"\"{name}\" is missing from the object", Line, Column, -1);
    }
}
