namespace SecureMFA.WinOtp.Api
{
    public enum ApiReplyKind
    {
        /// <summary>A verified answer of the documented shape: <see cref="ApiReply{T}.Answer"/>.</summary>
        Answered,
        /// <summary>A verified refusal of the request itself (400, 429 and the like): <see cref="ApiReply{T}.ErrorCode"/>.</summary>
        Refused,
        /// <summary>Nothing usable came back: <see cref="ApiReply{T}.Failure"/>.</summary>
        Unreachable,
    }

    /// <summary>One call's outcome. <see cref="Detail"/> is for the event log: codes and statuses only, no secrets.</summary>
    public sealed class ApiReply<T> where T : class
    {
        private ApiReply(ApiReplyKind kind, T? answer, string? errorCode, ApiFailure? failure, int statusCode, string detail)
        {
            Kind = kind;
            Answer = answer;
            ErrorCode = errorCode;
            Failure = failure;
            StatusCode = statusCode;
            Detail = detail;
        }

        public ApiReplyKind Kind { get; }
        public T? Answer { get; }
        public string? ErrorCode { get; }
        public ApiFailure? Failure { get; }
        /// <summary>The HTTP status, 0 when there was none.</summary>
        public int StatusCode { get; }
        public string Detail { get; }
        /// <summary>The serverTime of an unsigned reply that carried one (stale_timestamp), to report clock skew in an event. Untrusted: it decides nothing.</summary>
        public long? ServerTime { get; private set; }

        public static ApiReply<T> Answered(T answer, int status) => new ApiReply<T>(ApiReplyKind.Answered, answer, null, null, status, $"HTTP {status}");

        public static ApiReply<T> Refused(string errorCode, int status) => new ApiReply<T>(ApiReplyKind.Refused, null, errorCode, null, status, $"HTTP {status} {errorCode}");

        public static ApiReply<T> Unreachable(ApiFailure failure, int status, string detail, long? serverTime = null) =>
            new ApiReply<T>(ApiReplyKind.Unreachable, null, null, failure, status, detail) { ServerTime = serverTime };
    }
}
