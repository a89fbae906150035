using System;
using System.Collections;
using System.Security.Cryptography;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>WinOtp.Core's DPAPI seam (machine scope) over the module's Protect-/Unprotect-SecureMfaWinOtpMachineData.</summary>
    internal sealed class SeamProtection : IMachineProtection
    {
        public const string ProtectCommand = "Protect-SecureMfaWinOtpMachineData";
        public const string UnprotectCommand = "Unprotect-SecureMfaWinOtpMachineData";

        private readonly PlatformCommands _platform;
        private readonly PipelineDispatcher _dispatcher;

        public SeamProtection(PlatformCommands platform, PipelineDispatcher dispatcher)
        {
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        }

        public byte[] Protect(byte[] data, byte[] entropy) => Call(ProtectCommand, data, entropy);

        public byte[] Unprotect(byte[] blob, byte[] entropy)
        {
            try { return Call(UnprotectCommand, blob, entropy); }
            // WinOtp.Core expects DPAPI's own failure for a blob that is not this computer's.
            catch (PlatformCommandException e) { throw new CryptographicException(e.Message, e); }
        }

        private byte[] Call(string command, byte[] data, byte[] entropy) => _dispatcher.Invoke(() =>
        {
            return _platform.Value(command, new Hashtable { ["Data"] = data, ["Entropy"] = entropy }) as byte[] ?? throw new PlatformCommandException(command, new InvalidOperationException("it returned no bytes"));
        });
    }
}
