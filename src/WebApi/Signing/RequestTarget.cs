using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>The path a request signature covers: the URL path exactly as sent on the wire, without the query.</summary>
    public static class RequestTarget
    {
        public static string SignedPath(HttpContext context)
        {
            // The raw target keeps the client's own spelling (percent-encoding included), which is what it signed.
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            if (string.IsNullOrEmpty(raw)) return (context.Request.PathBase + context.Request.Path).ToUriComponent();
            if (!raw.StartsWith("/", StringComparison.Ordinal) && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
                raw = absolute.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
            var query = raw.IndexOf('?');
            return query < 0 ? raw : raw.Substring(0, query);
        }
    }
}
