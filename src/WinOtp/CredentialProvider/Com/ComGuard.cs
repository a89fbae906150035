using System;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// Every COM method of the shell runs its body through <see cref="Run"/>: an exception, whatever it is and wherever
    /// it comes from (the shell, WinOtp.Core, the wrapped provider, LogonUI's callbacks), becomes a failure HRESULT
    /// and event 5553. LogonUI must never see an exception, and never crash because of this provider. The caller
    /// sets its out parameters to safe values before the body runs and copies results out only on success.
    /// </summary>
    public sealed class ComGuard
    {
        private readonly ShellServices _services;
        private readonly string _component;

        public ComGuard(ShellServices services, string component)
        {
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _component = component;
        }

        /// <summary>A body that fills one out parameter, as most of the interfaces' getters do.</summary>
        public delegate int OutBody<T>(out T value);

        /// <summary>
        /// <see cref="Run(string, Func{int})"/> for a method with one out parameter: <paramref name="result"/> is its
        /// type's default (null, zero, the first enum value) unless the body succeeds, and then what the body gave.
        /// </summary>
        public int Run<T>(string method, out T result, OutBody<T> body)
        {
            var value = default(T)!;
            var hr = Run(method, () => body(out value));
            result = HResult.Succeeded(hr) ? value : default!;
            return hr;
        }

        public int Run(string method, Func<int> body)
        {
            try
            {
                _services.OnComCall?.Invoke($"{_component}.{method}");
                return body();
            }
            catch (Exception e)
            {
                try
                {
                    _services.Events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error,
                        $"SecureMFA WIN OTP {_component}.{method} failed: {e.GetType().Name}: {e.Message}");
                }
                catch (Exception) { /* the answer to LogonUI matters more than the event */ }
                return e.HResult < 0 ? e.HResult : HResult.E_FAIL;
            }
        }
    }
}
