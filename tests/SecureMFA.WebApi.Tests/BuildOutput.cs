using System;
using System.IO;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The built programs these tests run as processes, from this test assembly's folder (tests/SecureMFA.WebApi.Tests/bin/&lt;configuration&gt;/net10.0).</summary>
    internal static class BuildOutput
    {
        private static readonly DirectoryInfo TestOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

        private static string Configuration => TestOutput.Parent!.Name;

        private static string TestsFolder => TestOutput.Parent!.Parent!.Parent!.Parent!.FullName;

        /// <summary>The API as published: src/WebApi/bin/&lt;configuration&gt;/net10.0.</summary>
        public static string ApiDll => Path.Combine(Directory.GetParent(TestsFolder)!.FullName, "src", "WebApi", "bin", Configuration, "net10.0", "SecureMFA.WebApi.dll");

        public static string DocClientDll => Path.Combine(TestsFolder, "SecureMFA.WebApi.DocClient", "bin", Configuration, "net10.0", "SecureMFA.WebApi.DocClient.dll");
    }
}
