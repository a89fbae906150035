using System;
using System.Collections.Generic;
using System.IO;
using System.Net;

namespace SecureMFA.DemoHost
{
    /// <summary>Reads an application/x-www-form-urlencoded body or query string into fields.</summary>
    public static class FormBody
    {
        public const int MaxBytes = 64 * 1024;

        public static Dictionary<string, string> Read(HttpListenerRequest request)
        {
            if (!request.HasEntityBody) return new Dictionary<string, string>();
            using var reader = new StreamReader(request.InputStream, request.ContentEncoding);
            var buffer = new char[MaxBytes];
            var length = reader.ReadBlock(buffer, 0, buffer.Length);
            return Parse(new string(buffer, 0, length));
        }

        public static Dictionary<string, string> Parse(string text)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = WebUtility.UrlDecode(equals < 0 ? pair : pair.Substring(0, equals));
                fields[name] = equals < 0 ? "" : WebUtility.UrlDecode(pair.Substring(equals + 1));
            }
            return fields;
        }
    }
}
