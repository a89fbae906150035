#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need, starts a throwaway Samba
# AD domain controller on 127.0.0.1 and a pair of them on 127.0.0.11 and .12 (the PDC emulator tests),
# builds both target frameworks (net472 and net10.0), runs the tests on net10.0, then the Pester suites in the real
# PowerShell 7 against the staged modules (scripts/pester.sh), and stops the domain controllers. Both kinds always run;
# the run fails when either failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/install-test-deps.sh

dc=$(mktemp -d /tmp/securemfa-samba.XXXXXX)
pair=$(mktemp -d /tmp/securemfa-samba-pair.XXXXXX)
pair_log=$(mktemp)
pair_started=""
# A pair still being set up (the build failed) is killed first, with its samba-tool (its own process group).
trap 'if [ -n "$pair_started" ]; then kill -- "-$pair_started" 2>/dev/null || true; wait "$pair_started" 2>/dev/null || true; fi
      scripts/samba-dc.sh stop "$dc" || true; scripts/samba-dc.sh stop-pair "$pair" || true' EXIT
if scripts/samba-dc.sh start "$dc"; then
  # shellcheck disable=SC1091
  . "$dc/ad.env"
elif [ "${CI:-}" = "true" ]; then
  echo "The Samba domain controller did not start: AD-mode tests cannot run, so the run fails." >&2
  exit 1
else
  echo "WARNING: the Samba domain controller did not start; the AD-mode tests will fail and say why." >&2
fi

# The second domain, two DCs on 127.0.0.11 and 127.0.0.12, for the PDC emulator tests: set up while the solution builds.
setsid scripts/samba-dc.sh start-pair "$pair" > "$pair_log" 2>&1 &
pair_started=$!

# PowerShell and Pester come from NuGet while the solution builds, too.
pester_install_log=$(mktemp)
scripts/pester.sh --install > "$pester_install_log" 2>&1 &
pester_install=$!

dotnet build SecureMFA.sln -c Release -nologo -clp:ErrorsOnly

pester_status=0
wait "$pester_install" || pester_status=$?
cat "$pester_install_log"

if wait "$pair_started"; then
  # shellcheck disable=SC1091
  . "$pair/pair.env"
  tail -1 "$pair_log"
elif [ "${CI:-}" = "true" ]; then
  cat "$pair_log" >&2
  echo "The Samba domain controller pair did not start: the PDC emulator tests cannot run, so the run fails." >&2
  exit 1
else
  cat "$pair_log" >&2
  echo "WARNING: the Samba domain controller pair did not start; the PDC emulator tests will fail and say why." >&2
fi
# The Pester suites run beside dotnet test (they read the staged modules, which --no-build leaves alone); their
# output is shown after it, so the two do not interleave.
pester_log=$(mktemp)
pester_run=""
if [ "$pester_status" -eq 0 ]; then
  scripts/pester.sh > "$pester_log" 2>&1 &
  pester_run=$!
fi
log=$(mktemp)
status=0
dotnet test SecureMFA.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"

if [ -n "$pester_run" ]; then wait "$pester_run" || pester_status=$?; fi
cat "$pester_log"
[ "$status" -eq 0 ] || echo "dotnet test failed (exit $status)." >&2
[ "$pester_status" -eq 0 ] || echo "The Pester suites failed (exit $pester_status)." >&2
if [ "$status" -ne 0 ] || [ "$pester_status" -ne 0 ]; then exit 1; fi
