#!/usr/bin/env bash
# Runs the PowerShell suites (tests/**/*.Tests.ps1) with Pester in the real PowerShell 7, against the staged modules
# (artifacts/module/<module>, made by the build): what a PowerShell user sees is tested where a user runs it.
# Installs, once, what it needs: PowerShell 7.6.10 as a .NET tool from NuGet into artifacts/pwsh (7.7.0 does not run
# here) and Pester 6.2.0 from NuGet (tests/Pester/Pester.proj, restored into the NuGet package folder).
# One pwsh process runs every suite; Pester prints its own summary; the exit code is non-zero when a test failed.
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

# The suites find the staged modules through SECUREMFA_MODULES (tests/Pester/Modules.ps1).
SECUREMFA_MODULES="$PWD/artifacts/module" PESTER_PSD1="$pester_psd1" "$pwsh_dir/pwsh" -NoLogo -NoProfile -NonInteractive -Command '
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
