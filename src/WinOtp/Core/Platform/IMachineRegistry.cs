namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The registry seam: values under HKLM\Software\SecureMFA (subKey "" is that key itself, or a path below it).
    /// Values are int (REG_DWORD), long (REG_QWORD), string (REG_SZ) or byte[] (REG_BINARY); null when absent.
    /// </summary>
    public interface IMachineRegistry
    {
        object? GetValue(string subKey, string name);
        void SetValue(string subKey, string name, object value);
        void DeleteValue(string subKey, string name);
    }
}
