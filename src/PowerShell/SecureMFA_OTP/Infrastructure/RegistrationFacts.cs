using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// What AD FS copies from the adapter's metadata when the provider is registered and keeps until it is registered
    /// again: AuthenticationMethods, IdentityClaims, FriendlyNames (DisplayNames in Get-AdfsAuthenticationProvider) and
    /// Descriptions. A release that changes any of them needs a new registration, not just new files.
    /// </summary>
    public sealed class RegistrationFacts
    {
        private RegistrationFacts(IReadOnlyList<string> methods, IReadOnlyList<string> claims, IReadOnlyList<string> names, IReadOnlyList<string> descriptions)
        {
            Values = new Dictionary<string, IReadOnlyList<string>>
            {
                ["AuthenticationMethods"] = methods,
                ["IdentityClaims"] = claims,
                ["FriendlyNames"] = names,
                ["Descriptions"] = descriptions,
            };
        }

        /// <summary>Each fact by name, as comparable text: lists in order, dictionaries as "lcid=text" sorted by LCID.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

        /// <summary>
        /// What the adapter in the module would give AD FS now, asked the way AD FS asks it: an instance of its metadata
        /// class. Loaded from its bytes, so a GAC copy of the same identity (the build already installed) cannot answer instead.
        /// </summary>
        public static RegistrationFacts OfAdapter(string adapterPath)
        {
            var assembly = Assembly.Load(File.ReadAllBytes(adapterPath));
            var type = assembly.GetType(ModulePaths.AdapterMetadataTypeName, throwOnError: true)!;
            var metadata = Activator.CreateInstance(type)!;
            object? Read(string property) => type.GetProperty(property)?.GetValue(metadata);
            return new RegistrationFacts(List(Read("AuthenticationMethods")), List(Read("IdentityClaims")), Dictionary(Read("FriendlyNames")), Dictionary(Read("Descriptions")));
        }

        /// <summary>What AD FS kept, from Get-AdfsAuthenticationProvider's object; null when that object does not show all four.</summary>
        public static RegistrationFacts? OfRegistered(PSObject provider)
        {
            object? Read(string property) => provider.Properties[property]?.Value is PSObject wrapped ? wrapped.BaseObject : provider.Properties[property]?.Value;
            var values = new[] { "AuthenticationMethods", "IdentityClaims", "DisplayNames", "Descriptions" }.Select(Read).ToList();
            if (values.Any(v => v == null)) return null;
            return new RegistrationFacts(List(values[0]), List(values[1]), Dictionary(values[2]), Dictionary(values[3]));
        }

        /// <summary>The names of the facts that differ between these and the registered ones.</summary>
        public IReadOnlyList<string> ChangedSince(RegistrationFacts registered) =>
            Values.Where(v => !v.Value.SequenceEqual(registered.Values[v.Key], StringComparer.Ordinal)).Select(v => v.Key).ToList();

        private static IReadOnlyList<string> List(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string single => new[] { single },
            IEnumerable many => many.Cast<object?>().Select(Unwrap).Select(o => o?.ToString() ?? "").ToList(),
            _ => new[] { value.ToString() ?? "" },
        };

        // AD FS's dictionaries arrive as an IDictionary, or (through remoting or serialisation) as a list of Key/Value pairs.
        private static IReadOnlyList<string> Dictionary(object? value)
        {
            var entries = new List<KeyValuePair<string, string>>();
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary) entries.Add(Entry(entry.Key, entry.Value));
            }
            else if (value is IEnumerable pairs && !(value is string))
            {
                foreach (var item in pairs.Cast<object?>().Select(o => o == null ? null : PSObject.AsPSObject(o)))
                    if (item != null) entries.Add(Entry(Unwrap(item.Properties["Key"]?.Value), Unwrap(item.Properties["Value"]?.Value)));
            }
            return entries.OrderBy(e => int.TryParse(e.Key, out var lcid) ? lcid : int.MaxValue).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => $"{e.Key}={e.Value}").ToList();
        }

        private static KeyValuePair<string, string> Entry(object? key, object? value) =>
            new KeyValuePair<string, string>(Convert.ToString(Unwrap(key), System.Globalization.CultureInfo.InvariantCulture) ?? "", Unwrap(value)?.ToString() ?? "");

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
