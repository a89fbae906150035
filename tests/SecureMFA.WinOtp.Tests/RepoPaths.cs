using System;
using System.IO;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>Where the built things are: tests/SecureMFA.WinOtp.Tests/bin/&lt;configuration&gt;/net10.0 → the repository root.</summary>
    public static class RepoPaths
    {
        public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        public static string Root
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "SecureMFA.sln"))) directory = directory.Parent;
                return directory?.FullName ?? throw new InvalidOperationException("SecureMFA.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Output(string projectFolder, string targetFramework) =>
            Path.Combine(Root, projectFolder, "bin", Configuration, targetFramework);

        /// <summary>The first executable of that name on PATH, or null.</summary>
        public static string? OnPath(string name)
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (folder.Length == 0) continue;
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
