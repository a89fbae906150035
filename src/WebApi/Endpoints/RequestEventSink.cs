using SecureMFA.Core.Events;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>Adds where a verification came from (scenario, computer, device) to the sign-in's own events.</summary>
    public sealed class RequestEventSink : IEventSink
    {
        private readonly IEventSink _inner;
        private readonly string _origin;

        public RequestEventSink(IEventSink inner, string origin)
        {
            _inner = inner;
            _origin = origin;
        }

        public void Write(OtpEventId id, EventLevel level, string message) => _inner.Write(id, level, message.TrimEnd('.') + " [" + _origin + "].");
    }
}
