#!/usr/bin/env bash
# Runs the PowerShell suites (tests/**/*.Tests.ps1) with Pester in the real PowerShell 7, against the staged modules
# (artifacts/module/<module>, made by the build): what a PowerShell user sees is tested where a user runs it.
# Installs, once, what it needs: PowerShell 7.6.10 as a .NET tool from NuGet into artifacts/pwsh (7.7.0 does not run
# here) and Pester 6.2.0 from NuGet (tests/Pester/Pester.proj, restored into the NuGet package folder).
# Packs both modules first (scripts/module-packages.ps1, into artifacts/packages). One pwsh process runs every suite; Pester prints its own summary; the exit code is non-zero when a test failed.
# With --install it only installs them (scripts/test.sh does that while the solution builds).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

pwsh_version=7.6.10
pester_version=6.2.0
pwsh_dir=artifacts/pwsh
if ! dotnet tool list --tool-path "$pwsh_dir" 2>/dev/null | grep -qiE "^powershell +$pwsh_version( |$)"; then
  echo "installing: PowerShell $pwsh_version (.NET tool, NuGet)"
  rm -rf "$pwsh_dir"
  dotnet tool install --tool-path "$pwsh_dir" PowerShell --version "$pwsh_version" > /dev/null
fi
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
pester_psd1="$packages/pester/$pester_version/tools/Pester.psd1"
if [ ! -f "$pester_psd1" ]; then
  echo "installing: Pester $pester_version (NuGet)"
  dotnet restore tests/Pester/Pester.proj -nologo -v:q > /dev/null
fi
[ "${1:-}" = "--install" ] && exit 0
for module in SecureMFA_OTP SecureMFA_WIN_OTP; do
  if [ ! -f "artifacts/module/$module/$module.psd1" ]; then
    echo "artifacts/module/$module is not staged: build first (dotnet build SecureMFA.sln -c Release)." >&2
    exit 1
  fi
done

# The packages an internal PowerShell repository serves (artifacts/packages/<module>.<version>.nupkg), made by
# PSResourceGet from the staged folders; its repository registration goes into a throwaway HOME.
# (.NET names a user folder only if it exists; else the tools would write into the current folder.)
pack_home=$(mktemp -d)
mkdir -p "$pack_home/.local/share" "$pack_home/.config"
HOME="$pack_home" XDG_DATA_HOME="$pack_home/.local/share" XDG_CONFIG_HOME="$pack_home/.config" "$pwsh_dir/pwsh" -NoLogo -NoProfile -NonInteractive -File scripts/module-packages.ps1
rm -rf "$pack_home"

# The suites find the staged modules through SECUREMFA_MODULES (tests/Pester/Modules.ps1).
SECUREMFA_MODULES="$PWD/artifacts/module" SECUREMFA_PWSH="$PWD/$pwsh_dir/pwsh" PESTER_PSD1="$pester_psd1" "$pwsh_dir/pwsh" -NoLogo -NoProfile -NonInteractive -Command '
  $ErrorActionPreference = "Stop"
  Import-Module $env:PESTER_PSD1
  $config = New-PesterConfiguration
  $config.Run.Path = @(Get-ChildItem -Path tests -Recurse -Filter *.Tests.ps1 | ForEach-Object FullName)
  $config.Run.PassThru = $true
  $config.Output.Verbosity = "Normal"
  $config.Output.CIFormat = "None"
  $result = Invoke-Pester -Configuration $config
  if ($result.Result -ne "Passed" -or $result.FailedCount -gt 0 -or $result.FailedContainersCount -gt 0) { exit 1 }
  exit 0
'
