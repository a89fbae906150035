using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// Reads an application/x-www-form-urlencoded body into fields, asynchronously, with a size and a time limit:
    /// a client that sends its body slowly holds no thread, and is cut off when its time is up.
    /// </summary>
    public static class FormBody
    {
        public const int DefaultMaxBytes = 64 * 1024;
        public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

        public static async Task<Dictionary<string, string>> ReadAsync(HttpListenerRequest request, int maxBytes, TimeSpan timeLimit)
        {
            if (!request.HasEntityBody) return new Dictionary<string, string>(StringComparer.Ordinal);
            if (request.ContentLength64 > maxBytes)
                throw new RequestBodyException(HttpStatusCode.RequestEntityTooLarge, $"The form is {request.ContentLength64} bytes; at most {maxBytes} are read.");

            using var deadline = new CancellationTokenSource(timeLimit);
            var expired = Task.Delay(Timeout.Infinite, deadline.Token);
            var body = new MemoryStream();
            var chunk = new byte[8192];
            while (true)
            {
                // HttpListener's request stream does not honour cancellation, so the read races the deadline instead.
                var read = request.InputStream.ReadAsync(chunk, 0, chunk.Length);
                if (await Task.WhenAny(read, expired).ConfigureAwait(false) != read)
                {
                    _ = read.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    throw new RequestBodyException(HttpStatusCode.RequestTimeout, $"The form did not arrive within {timeLimit.TotalSeconds} s.");
                }
                var count = await read.ConfigureAwait(false);
                if (count == 0) break;
                if (body.Length + count > maxBytes)
                    throw new RequestBodyException(HttpStatusCode.RequestEntityTooLarge, $"The form is larger than {maxBytes} bytes.");
                body.Write(chunk, 0, count);
            }
            return Parse((request.ContentEncoding ?? Encoding.UTF8).GetString(body.GetBuffer(), 0, (int)body.Length));
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

    /// <summary>A request body refused: too large (413), or not sent in time (408: the connection is dropped).</summary>
    public sealed class RequestBodyException : Exception
    {
        public RequestBodyException(HttpStatusCode status, string message) : base(message) => Status = status;

        public HttpStatusCode Status { get; }
        public bool TimedOut => Status == HttpStatusCode.RequestTimeout;
    }
}
