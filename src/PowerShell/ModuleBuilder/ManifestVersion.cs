using System;
using System.IO;
using System.Text.RegularExpressions;

/// <summary>
/// Stamps the release version into a staged module manifest, so ModuleVersion always equals the version the assemblies
/// were built with. The source manifests (src/PowerShell/*/Module/*.psd1) carry the placeholder 0.0.0 and nothing else,
/// so the version is defined in one place ($(Version), Directory.Build.props) and no source manifest can claim a release.
/// </summary>
internal static class ManifestVersion
{
    public const string Placeholder = "0.0.0";

    private static readonly Regex ModuleVersionLine = new Regex(@"^(?<head>\s*ModuleVersion\s*=\s*)'(?<version>[^']*)'", RegexOptions.Multiline);

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
        if (matches[0].Groups["version"].Value != Placeholder)
        {
            Console.Error.WriteLine($"manifest: {manifestPath} says ModuleVersion '{matches[0].Groups["version"].Value}'; a source manifest carries '{Placeholder}', the build stamps the release");
            return 1;
        }
        File.WriteAllText(manifestPath, ModuleVersionLine.Replace(text, m => $"{m.Groups["head"].Value}'{version}'"));
        Console.WriteLine($"manifest: ModuleVersion {version} in {manifestPath}");
        return 0;
    }
}
