using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.Core.Native;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Where the native SQLite library is looked for, in which order, and what an administrator reads when it is missing.</summary>
    public sealed class NativeSqliteLibraryTests : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("securemfa-native-").FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void TheFoldersAreTheOverrideThenBesideCoreThenTheModuleRootThenTheInstalledFolder()
        {
            var core = Path.Combine(_root, "Modules", "SecureMFA_OTP", "bin", "net472");
            var folders = NativeSqliteFolders.Candidates("win-x64", Path.Combine(_root, "override"), core, Path.Combine(_root, "Program Files"));
            Assert.Equal(new[]
            {
                Path.Combine(_root, "override", "win-x64") + " (SECUREMFA_OTP_NATIVE_DIR)",
                Path.Combine(core, "native", "win-x64") + " (beside SecureMFA.Core.dll)",
                Path.Combine(_root, "Modules", "SecureMFA_OTP", "native", "win-x64") + " (module root)",
                Path.Combine(_root, "Program Files", "SecureMFA OTP", "native", "win-x64") + " (installed)",
            }, folders.Select(f => f.ToString()));
        }

        [Fact]
        public void WithoutOverrideOrProgramFilesOnlyCoresOwnFoldersAreSearched()
        {
            var folders = NativeSqliteFolders.Candidates("linux-x64", "  ", Path.Combine(_root, "bin"), null);
            Assert.Equal(new[] { "beside SecureMFA.Core.dll", "module root" }, folders.Select(f => f.Source));
        }

        [Theory]
        [InlineData("win-x64", "e_sqlite3.dll")]
        [InlineData("win-arm64", "e_sqlite3.dll")]
        [InlineData("linux-x64", "libe_sqlite3.so")]
        [InlineData("osx-arm64", "libe_sqlite3.dylib")]
        public void TheFileNameFollowsTheOperatingSystem(string rid, string file) => Assert.Equal(file, NativeSqliteFolders.FileName(rid));

        [Fact]
        public void TheRuntimeIdNamesOperatingSystemAndProcessArchitecture()
        {
            Assert.Equal("win-x86", NativeRuntimeId.For("win", Architecture.X86));
            Assert.Equal("linux-arm64", NativeRuntimeId.For("linux", Architecture.Arm64));
            Assert.EndsWith("-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), NativeRuntimeId.Current);
        }

        [Fact]
        public void TheFirstFolderHoldingTheFileWins()
        {
            var folders = NativeSqliteFolders.Candidates("linux-x64", Path.Combine(_root, "override"), Path.Combine(_root, "m", "bin", "net10.0"), Path.Combine(_root, "pf"));
            foreach (var folder in folders.Skip(2))
            {
                Directory.CreateDirectory(folder.Path);
                File.WriteAllText(Path.Combine(folder.Path, "libe_sqlite3.so"), "");
            }
            Assert.Equal(Path.Combine(folders[2].Path, "libe_sqlite3.so"), NativeSqliteLibrary.Locate("linux-x64", folders));
        }

        [Fact]
        public void WhenNoFolderHoldsTheLibraryTheErrorNamesEveryFolderInOrder()
        {
            var folders = NativeSqliteFolders.Candidates("win-x64", Path.Combine(_root, "override"), Path.Combine(_root, "bin"), Path.Combine(_root, "pf"));
            var ex = Assert.Throws<StoreUnavailableException>(() => NativeSqliteLibrary.Locate("win-x64", folders));
            Assert.Contains("e_sqlite3.dll for win-x64", ex.Message);
            var positions = folders.Select(f => ex.Message.IndexOf(f.ToString(), StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.OrderBy(p => p), positions);
        }

        [Fact]
        public void TheStoreLoadsTheLibraryFromBesideCoreInABuildOutput()
        {
            SqliteStoreFactory.Open(Path.Combine(_root, "otp.db"));
            var core = Path.GetDirectoryName(typeof(NativeSqliteLibrary).Assembly.Location)!;
            var rid = NativeRuntimeId.Current;
            Assert.Equal(Path.Combine(core, "native", rid, NativeSqliteFolders.FileName(rid)), NativeSqliteLibrary.LoadedFrom);
        }
    }
}
