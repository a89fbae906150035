namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// Values every server of a deployment must share, kept in the store itself (SQL table Metadata, or the
    /// AD container CN=Settings,CN=SecureMFA OTP,CN=Program Data): the key-derivation salt, so that the
    /// passphrase alone still opens the data on any server.
    /// </summary>
    public interface IStoreMetadata
    {
        /// <summary>The stored value of <paramref name="name"/>; if there is none, stores <paramref name="proposed"/> and returns it. Race-safe: the first writer wins everywhere.</summary>
        string GetOrAdd(string name, string proposed);
    }
}
