#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need, starts a throwaway Samba
# AD domain controller on 127.0.0.1, builds both target frameworks (net472 and net10.0), runs the tests
# on net10.0, and stops the domain controller.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/install-test-deps.sh

dc=$(mktemp -d /tmp/securemfa-samba.XXXXXX)
trap 'scripts/samba-dc.sh stop "$dc" || true' EXIT
if scripts/samba-dc.sh start "$dc"; then
  # shellcheck disable=SC1091
  . "$dc/ad.env"
elif [ "${CI:-}" = "true" ]; then
  echo "The Samba domain controller did not start: AD-mode tests cannot run, so the run fails." >&2
  exit 1
else
  echo "WARNING: the Samba domain controller did not start; the AD-mode tests will fail and say why." >&2
fi

dotnet build SecureMFA.sln -c Release -nologo -clp:ErrorsOnly
log=$(mktemp)
status=0
dotnet test SecureMFA.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
