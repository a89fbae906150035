using System;
using System.Collections.Generic;
using System.IO;
using SecureMFA.Testing;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>The net472 builds that ship to Windows (AD FS module and WIN OTP), and where this repository is.</summary>
    public static class ShippedNetFx
    {
        /// <summary>Project folder and assembly name of every SecureMFA assembly built for net472 and shipped.</summary>
        public static readonly IReadOnlyList<(string Folder, string Assembly)> Assemblies = new[]
        {
            ("src/Otp", "SecureMFA.Otp"),
            ("src/Core", "SecureMFA.Core"),
            ("src/Adapter", "SecureMFA.Adapter"),
            ("src/PowerShell/SecureMFA_OTP", "SecureMFA.Cmdlets"),
            ("src/WinOtp/Core", "SecureMFA.WinOtp.Core"),
            ("src/WinOtp/CredentialProvider", "SecureMFA.WinOtp.CredentialProvider"),
            ("src/PowerShell/SecureMFA_WIN_OTP", "SecureMFA.WinOtp.Cmdlets"),
        };

        public static string PathOf(string folder, string assembly)
        {
            var path = Path.Combine(RepositoryPaths.Output(folder, "net472"), assembly + ".dll");
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} is not built (dotnet build this test project builds it).", path);
            return path;
        }

        public static string Contract(string name) => Path.Combine(AppContext.BaseDirectory, "contracts", name);
    }
}
