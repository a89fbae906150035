using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using SecureMFA.WinOtp.Cmdlets;

namespace SecureMFA.WinOtp.Deployment
{
    /// <summary>
    /// dotnet SecureMFA.WinOtp.Deployment.dll --stage artifacts/module/SecureMFA_WIN_OTP/ --out artifacts --version 2.0.0 [--require-msi]
    /// writes artifacts/PolicyDefinitions (SecureMFA.admx, &lt;language&gt;/SecureMFA.adml), artifacts/msi/SecureMFA_WIN_OTP.wxs
    /// and, with wixl and msibuild (msitools) on the PATH, artifacts/SecureMFA_WIN_OTP-&lt;version&gt;-x64.msi.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? stage = null, output = null, release = null;
            var requireMsi = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--stage": stage = args[++i]; break;
                    case "--out": output = args[++i]; break;
                    case "--version": release = args[++i]; break;
                    case "--require-msi": requireMsi = true; break;
                    default:
                        Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: --stage <staged SecureMFA_WIN_OTP module> --out <artifacts> --version <major.minor.patch> [--require-msi]");
                        return 2;
                }
            }
            if (stage == null || output == null || release == null)
            {
                Console.Error.WriteLine("--stage, --out and --version are required.");
                return 2;
            }

            var policies = Path.Combine(output, "PolicyDefinitions");
            Directory.CreateDirectory(policies);
            Save(PolicyTemplates.Admx(), Path.Combine(policies, $"{PolicyTemplates.FileName}.admx"));
            foreach (var language in PolicyTemplates.Languages)
            {
                Directory.CreateDirectory(Path.Combine(policies, language));
                Save(PolicyTemplates.Adml(language), Path.Combine(policies, language, $"{PolicyTemplates.FileName}.adml"));
            }
            Console.WriteLine($"Group Policy templates written to {Path.GetFullPath(policies)}");

            var providerFolder = Path.GetFullPath(Path.Combine(stage, "provider"));
            var providerFile = Path.Combine(providerFolder, CredentialProvider.Interop.ProviderIds.AssemblyFileName);
            if (!File.Exists(providerFile))
            {
                Console.Error.WriteLine($"{providerFile} is not staged: build src/PowerShell/ModuleBuilder first.");
                return 1;
            }
            var assemblyName = AssemblyName.GetAssemblyName(providerFile).FullName;
            var source = Path.Combine(output, "msi", "SecureMFA_WIN_OTP.wxs");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            // wixl takes a File's Source relative to the folder it runs in (an absolute path is "not found").
            Save(WixSource.Build(release, Path.GetRelativePath(Path.GetDirectoryName(source)!, providerFolder), assemblyName), source);

            if (Find("wixl") == null || Find("msibuild") == null || Find("msiinfo") == null)
            {
                var message = "wixl/msibuild/msiinfo (Debian package wixl and msitools) are not installed: the MSI is not built; scripts/install-test-deps.sh installs them.";
                if (requireMsi)
                {
                    Console.Error.WriteLine(message);
                    return 1;
                }
                Console.WriteLine(message);
                return 0;
            }
            var msi = Path.Combine(output, WixSource.MsiFileName(release));
            if (File.Exists(msi)) File.Delete(msi);
            var (built, wixlOutput) = Run(Path.GetDirectoryName(Path.GetFullPath(source))!, "wixl", "-a", "x64", "-o", Path.GetFullPath(msi), Path.GetFileName(source));
            // wixl warns on stderr about attributes it ignores; a failure is its exit code.
            if (!built)
            {
                Console.Error.WriteLine($"wixl could not build {msi} from {source}:\n{wixlOutput}");
                return 1;
            }
            var provider = new ProviderInstallation(@"C:\Program Files", assemblyName);
            var (exported, properties) = Run(null, "msiinfo", "export", msi, "Property");
            var secure = exported ? properties.Split('\n').Select(l => l.Split('\t')).FirstOrDefault(c => c.Length >= 2 && c[0] == "SecureCustomProperties")?[1].Trim() ?? "" : "";
            foreach (var query in WixSource.DatabaseFixups(provider, secure))
            {
                var (ok, text) = Run(null, "msibuild", msi, "-q", query);
                if (!ok)
                {
                    Console.Error.WriteLine($"msibuild could not change {msi} ({query}):\n{text}");
                    File.Delete(msi);
                    return 1;
                }
            }
            Console.WriteLine($"SecureMFA WIN OTP MSI {release} written to {Path.GetFullPath(msi)}");
            return 0;
        }

        private static void Save(System.Xml.Linq.XDocument document, string path)
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            document.Save(writer);
        }

        private static string? Find(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

        private static (bool Ok, string Output) Run(string? folder, string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (folder != null) start.WorkingDirectory = folder;
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, stdout + stderr.Result);
        }
    }
}
