using System;
using System.IO;
using System.Text.RegularExpressions;

/// <summary>
/// Stamps the release version into the staged module manifest, so ModuleVersion always equals the version the
/// assemblies were built with (the source SecureMFA_OTP.psd1 keeps a placeholder).
/// </summary>
internal static class ManifestVersion
{
    private static readonly Regex ModuleVersionLine = new Regex(@"^(?<head>\s*ModuleVersion\s*=\s*)'[^']*'", RegexOptions.Multiline);

    public static int Stamp(string manifestPath, string version)
    {
        if (!Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"))
        {
            Console.Error.WriteLine($"manifest: '{version}' is not a release version (major.minor.patch)");
            return 1;
        }
        var text = File.ReadAllText(manifestPath);
        var matches = ModuleVersionLine.Matches(text);
        if (matches.Count != 1)
        {
            Console.Error.WriteLine($"manifest: {manifestPath} has {matches.Count} ModuleVersion lines, expected exactly one");
            return 1;
        }
        File.WriteAllText(manifestPath, ModuleVersionLine.Replace(text, m => m.Groups["head"].Value + "'" + version + "'"));
        Console.WriteLine($"manifest: ModuleVersion {version} in {manifestPath}");
        return 0;
    }
}
