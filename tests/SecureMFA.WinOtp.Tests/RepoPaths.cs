using System;
using System.IO;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>Programs the tests run that are not built here.</summary>
    public static class RepoPaths
    {
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
