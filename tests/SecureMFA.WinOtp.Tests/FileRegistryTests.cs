using System;
using System.IO;
using SecureMFA.Otp.Json;
using SecureMFA.WinOtp.LogonSimulator;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>The simulator's registry.json, read and written with the kernel's JSON.</summary>
    public sealed class FileRegistryTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "winotp-registry", Guid.NewGuid().ToString("N"));
        private readonly string _path;

        public FileRegistryTests()
        {
            Directory.CreateDirectory(_folder);
            _path = Path.Combine(_folder, "registry.json");
        }

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void EveryRegistryTypeComesBackAsItWasWritten()
        {
            var registry = new FileRegistry(_path);
            registry.SetValue("", "dword", 2000);
            registry.SetValue("", "qword", 1L << 40);
            registry.SetValue("Device", "binary", new byte[] { 0, 1, 255 });
            registry.SetValue("Device", "text", "C:\\path \"quoted\" é");
            registry.SetValue("", "multi", new[] { @".\breakglass", "S-1-5-21-1-2-3-500" });
            registry.SetValue("", "empty", new string[0]);
            registry.ProtectKey("Device");

            var again = new FileRegistry(_path);
            Assert.Equal(2000, again.GetValue("", "dword"));
            Assert.Equal(1L << 40, again.GetValue("", "qword"));
            Assert.Equal(new byte[] { 0, 1, 255 }, again.GetValue("Device", "binary"));
            Assert.Equal("C:\\path \"quoted\" é", again.GetValue("Device", "text"));
            Assert.Null(again.GetValue("Device", "absent"));
            Assert.Equal(new[] { @".\breakglass", "S-1-5-21-1-2-3-500" }, again.GetValue("", "multi"));
            Assert.Equal(new string[0], again.GetValue("", "empty"));
            Assert.Empty(again.OthersWithAccess("Device")!);
            Assert.Equal(new[] { @"BUILTIN\Users" }, again.OthersWithAccess(""));
            Assert.Null(again.OthersWithAccess("NoSuchKey"));

            again.DeleteValue("", "dword");
            Assert.Null(new FileRegistry(_path).GetValue("", "dword"));

            // The file is the kernel writer's indented form, which the kernel reader reads.
            var file = JsonReader.ParseObject(File.ReadAllText(_path));
            Assert.Equal("REG_QWORD", file.Object(@"HKLM\Software\SecureMFA")!.Object("qword")!.String("type"));
            Assert.Equal(new[] { @"HKLM\Software\SecureMFA\Device" }, file.StringArray("$protected"));
        }

        [Theory]
        [InlineData("{\"HKLM\\\\Software\\\\SecureMFA\": {\"x\": {\"type\": \"REG_EXPAND_SZ\", \"value\": \"a\"}}}", "\"x\" has an unknown type")]
        [InlineData("{\"HKLM\\\\Software\\\\SecureMFA\": {\"x\": {\"type\": \"REG_MULTI_SZ\", \"value\": \"a\"}}}", "\"value\" is a string")]
        [InlineData("{\"HKLM\\\\Software\\\\SecureMFA\": {\"x\": {\"type\": \"REG_DWORD\", \"value\": \"7\"}}}", "\"value\" is a string, not a whole number")]
        [InlineData("{\"HKLM\\\\Software\\\\SecureMFA\": {\"x\": {\"type\": \"REG_BINARY\", \"value\": \"not base64!\"}}}", "\"x\" is REG_BINARY but its value is not base64")]
        [InlineData("{\"HKLM\\\\Software\\\\SecureMFA\": {}, \"HKLM\\\\Software\\\\SecureMFA\": {}}", "is written twice")]
        public void AFileThatIsNotTheRegistrysIsRefusedSayingWhy(string text, string expected)
        {
            File.WriteAllText(_path, text);
            var error = Assert.Throws<InvalidDataException>(() => new FileRegistry(_path).GetValue("", "x"));
            Assert.Contains(_path, error.Message);
            Assert.Contains(expected, error.Message);
        }
    }
}
