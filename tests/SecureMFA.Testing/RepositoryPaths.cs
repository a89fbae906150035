using System;
using System.IO;

namespace SecureMFA.Testing
{
    public static class RepositoryPaths
    {
        /// <summary>The checkout the tests run from: the first folder above the test binaries that holds SecureMFA.sln.</summary>
        public static string Root { get; } = FindRoot();

        /// <summary>A path inside the checkout, from '/'-separated parts relative to its root.</summary>
        public static string Of(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>Release or Debug: the configuration the tests were built in (their binaries are in bin/&lt;configuration&gt;/&lt;framework&gt;).</summary>
        public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        /// <summary>A project's build output for one target framework, in the tests' configuration: &lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;.</summary>
        public static string Output(string projectFolder, string targetFramework) => Path.Combine(Of(projectFolder), "bin", Configuration, targetFramework);

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "SecureMFA.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException($"SecureMFA.sln not found above {AppContext.BaseDirectory}");
        }
    }
}
