using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Security;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The generated passphrase and bootstrap files: the demo host and the WEB API may start at the same moment.</summary>
    public class OwnerOnlyFilesTests
    {
        private const int Racers = 8;
        private const int Rounds = 100;

        [Fact]
        public async Task CallersRacingToCreateAFileAllGetTheOneValueWrittenAndNoneFails()
        {
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"));
            OwnerOnlyFiles.CreateFolder(folder);
            try
            {
                for (var round = 0; round < Rounds; round++)
                {
                    var path = Path.Combine(folder, "passphrase-" + round + ".txt");
                    var (values, created) = await Race(path);

                    var value = Assert.Single(values.Distinct());
                    Assert.StartsWith("value of racer ", value);
                    Assert.Equal(value, File.ReadAllText(path).Trim());
                    Assert.Single(created, c => c);
                    if (!OperatingSystem.IsWindows()) Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(path));
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void AnEmptyFileIsAWriteThatNeverFinishedAndGetsAValueWhileAWrittenOneIsKept()
        {
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"));
            OwnerOnlyFiles.CreateFolder(folder);
            var path = Path.Combine(folder, "api-bootstrap.txt");
            OwnerOnlyFiles.WriteNew(path, "");

            Assert.Equal("new value", OwnerOnlyFiles.ReadOrCreate(path, () => "new value", out var created));
            Assert.True(created);
            Assert.Equal("new value\n", File.ReadAllText(path));

            Assert.Equal("new value", OwnerOnlyFiles.ReadOrCreate(path, () => "another value", out created));
            Assert.False(created);
            Directory.Delete(folder, recursive: true);
        }

        /// <summary>
        /// Every racer calls ReadOrCreate on the same new path at once. The value is large, so its writer holds the file
        /// for a while: the others then find it created but not yet written, or still held open.
        /// </summary>
        private static async Task<(string[] Values, bool[] Created)> Race(string path)
        {
            using var start = new Barrier(Racers);
            var created = new bool[Racers];
            var racers = Enumerable.Range(0, Racers).Select(i => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return OwnerOnlyFiles.ReadOrCreate(path, () => $"value of racer {i}: " + new string('x', 1 << 18), out created[i]);
            }, TaskCreationOptions.LongRunning)).ToArray();
            return (await Task.WhenAll(racers), created);
        }
    }
}
