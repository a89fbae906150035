using System;
using System.Collections.Generic;
using System.IO;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// Where the native SQLite library (e_sqlite3) is looked for, in this order; the first folder that holds the file wins:
    /// 1. $SECUREMFA_OTP_NATIVE_DIR/&lt;rid&gt; — an explicit override (tests, unusual layouts);
    /// 2. &lt;folder of SecureMFA.Core.dll&gt;/native/&lt;rid&gt; — build outputs (demo host, WEB API, tests);
    /// 3. &lt;folder of SecureMFA.Core.dll&gt;/../../native/&lt;rid&gt; — the staged module (bin/&lt;tfm&gt;/ → module root);
    /// 4. %ProgramFiles%\SecureMFA OTP\native\&lt;rid&gt; — installed by Install-SecureMfaOtpProvider (Windows only).
    /// A copy shipped with the very Core assembly (2, 3) comes before the installed one: it is the build that Core was
    /// tested with. AD FS loads Core from the GAC, whose folder holds nothing else, so it uses the installed copy (4).
    /// So does Windows PowerShell once the module is installed: it too binds SecureMFA.Core by strong name and finds the
    /// GAC's first, so a SQLite cmdlet there holds the installed file open until that PowerShell exits. Install copies
    /// the file with AD FS stopped and fails plainly if it is still held; Uninstall has Windows delete it at the next restart.
    /// </summary>
    public static class NativeSqliteFolders
    {
        public const string OverrideVariable = "SECUREMFA_OTP_NATIVE_DIR";
        public const string InstalledProductFolder = "SecureMFA OTP";

        /// <summary>The file name of the library on the platform a runtime identifier names.</summary>
        public static string FileName(string rid) =>
            rid.StartsWith("win-", StringComparison.Ordinal) ? "e_sqlite3.dll"
            : rid.StartsWith("osx-", StringComparison.Ordinal) ? "libe_sqlite3.dylib"
            : "libe_sqlite3.so";

        /// <summary>The folders for this process: the override variable, Core's own folder and Program Files.</summary>
        public static IReadOnlyList<NativeFolder> ForThisProcess(string rid)
        {
            // Empty when Core was loaded from bytes rather than a file: then it has no folder of its own.
            var core = typeof(NativeSqliteFolders).Assembly.Location;
            return Candidates(
                rid,
                Environment.GetEnvironmentVariable(OverrideVariable),
                core.Length == 0 ? null : Path.GetDirectoryName(core),
                Environment.OSVersion.Platform == PlatformID.Win32NT ? Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles) : null);
        }

        public static IReadOnlyList<NativeFolder> Candidates(string rid, string? overrideFolder, string? coreFolder, string? programFiles)
        {
            var folders = new List<NativeFolder>();
            if (!string.IsNullOrWhiteSpace(overrideFolder))
                folders.Add(new NativeFolder(Full(overrideFolder!, rid), OverrideVariable));
            if (!string.IsNullOrEmpty(coreFolder))
            {
                folders.Add(new NativeFolder(Full(Path.Combine(coreFolder!, "native"), rid), "beside SecureMFA.Core.dll"));
                folders.Add(new NativeFolder(Full(Path.Combine(coreFolder!, "..", "..", "native"), rid), "module root"));
            }
            if (!string.IsNullOrEmpty(programFiles))
                folders.Add(new NativeFolder(Full(Path.Combine(programFiles!, InstalledProductFolder, "native"), rid), "installed"));
            return folders;
        }

        private static string Full(string parent, string rid) => Path.GetFullPath(Path.Combine(parent, rid));
    }

    /// <summary>One folder that may hold the native SQLite library, and why it is on the list (for the error message).</summary>
    public sealed class NativeFolder
    {
        public NativeFolder(string path, string source) => (Path, Source) = (path, source);

        public string Path { get; }
        public string Source { get; }

        public override string ToString() => Path + " (" + Source + ")";
    }
}
