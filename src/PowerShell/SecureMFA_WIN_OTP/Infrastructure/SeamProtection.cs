using System;
using System.Collections;
using System.Security.Cryptography;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>WinOtp.Core's DPAPI seam (machine scope) over the module's Protect-/Unprotect-SecureMfaWinOtpMachineData.</summary>
    internal sealed class SeamProtection : PipelineSeam, IMachineProtection
    {
        public const string ProtectCommand = "Protect-SecureMfaWinOtpMachineData";
        public const string UnprotectCommand = "Unprotect-SecureMfaWinOtpMachineData";

        public SeamProtection(PlatformCommands platform, PipelineDispatcher dispatcher) : base(platform, dispatcher) { }

        public byte[] Protect(byte[] data, byte[] entropy) => Call(ProtectCommand, data, entropy);

        public byte[] Unprotect(byte[] blob, byte[] entropy)
        {
            try { return Call(UnprotectCommand, blob, entropy); }
            // WinOtp.Core expects DPAPI's own failure for a blob that is not this computer's.
            catch (PlatformCommandException e) { throw new CryptographicException(e.Message, e); }
        }

        private byte[] Call(string command, byte[] data, byte[] entropy) => OnPipeline(platform =>
            platform.Value(command, new Hashtable { ["Data"] = data, ["Entropy"] = entropy }) as byte[]
                ?? throw new PlatformCommandException(command, new InvalidOperationException("it returned no bytes")));
    }
}
