using System;
using System.IO;
using System.Linq;

/// <summary>
/// Puts the loader functions both modules share (src/PowerShell/Common/ModuleLoader.ps1) into a staged module's .psm1, at
/// its one '#include' line: each module ships as one loader file, as before, with no second copy of those functions in
/// the source tree. A .psm1 without exactly one such line fails the build.
/// </summary>
internal static class CommonLoader
{
    public const string IncludeLine = "#include ../../Common/ModuleLoader.ps1";

    public static int Insert(string modulePath, string commonPath)
    {
        var lines = File.ReadAllLines(modulePath);
        var at = lines.Select((line, index) => (line, index)).Where(l => l.line.Trim() == IncludeLine).Select(l => l.index).ToList();
        if (at.Count != 1)
        {
            Console.Error.WriteLine($"loader: {modulePath} has {at.Count} '{IncludeLine}' lines, expected exactly one");
            return 1;
        }
        var common = File.ReadAllLines(commonPath);
        var staged = lines.Take(at[0])
            .Append($"# ---- from src/PowerShell/Common/{Path.GetFileName(commonPath)} ----")
            .Concat(common)
            .Append($"# ---- end of src/PowerShell/Common/{Path.GetFileName(commonPath)} ----")
            .Concat(lines.Skip(at[0] + 1));
        File.WriteAllText(modulePath, string.Join("\n", staged) + "\n");
        Console.WriteLine($"loader: {Path.GetFileName(commonPath)} put into {modulePath}");
        return 0;
    }
}
