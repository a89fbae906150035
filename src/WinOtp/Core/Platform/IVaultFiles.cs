namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The file seam of the offline vault: one small file per user in one folder. Writes are atomic (a reader sees
    /// the old file or the new one, never half of one) and, on Windows, leave the file readable by SYSTEM only.
    /// </summary>
    public interface IVaultFiles
    {
        /// <summary>The file's bytes, or null when there is no such file.</summary>
        byte[]? Read(string name);

        void Write(string name, byte[] content);

        void Delete(string name);
    }
}
