namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The DPAPI seam, machine scope: data only this computer can unprotect. <paramref name="entropy"/> binds a blob
    /// to its purpose (a blob made for one user's vault does not open as another's).
    /// </summary>
    public interface IMachineProtection
    {
        byte[] Protect(byte[] data, byte[] entropy);

        /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the blob is not this machine's or was altered.</summary>
        byte[] Unprotect(byte[] blob, byte[] entropy);
    }
}
