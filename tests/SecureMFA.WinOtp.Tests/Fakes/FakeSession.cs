using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    public sealed class FakeSession : ISessionFacts
    {
        public SessionKind Current { get; set; } = SessionKind.Remote;
    }
}
