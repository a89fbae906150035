using System;
using System.Net;

namespace SecureMFA.DemoHost
{
    /// <summary>A request body refused: too large (413), or not sent in time (408: the connection is dropped).</summary>
    public sealed class RequestBodyException : Exception
    {
        public RequestBodyException(HttpStatusCode status, string message) : base(message) => Status = status;

        public HttpStatusCode Status { get; }
        public bool TimedOut => Status == HttpStatusCode.RequestTimeout;
    }
}
