using System;
using System.IO;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The SQLite store holds every secret and the lockout state: its files are born readable by their owner only.</summary>
    public class SqliteFileModeTests
    {
        [Fact]
        public void ANewStoreFileAndItsFolderAreOwnerOnlyFromTheStart()
        {
            if (OperatingSystem.IsWindows()) return; // Windows: the folder's ACL applies (the installer protects it).
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "data");
            var path = Path.Combine(folder, "otp.db");
            var store = SqliteStoreFactory.Open(path);
            store.Create(new NewOtpUser("mode@adatum.labnet", "v2:x", SecureMFA.Otp.Totp.TotpParameters.Default));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                if (File.Exists(file)) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.True(File.Exists(path + "-wal"), "the store runs in WAL mode, so its -wal file exists while open");
        }
    }
}
