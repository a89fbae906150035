#!/usr/bin/env bash
# Installs, from Debian's packages, what the tests need besides the .NET SDK: Samba as an AD domain
# controller (AD-mode tests), Chromium (browser test), zbar-tools (reads the QR code off the screen) and
# Mono (mono, gacutil: the net472 payload installed into a GAC and loaded by strong name).
set -euo pipefail
packages=(samba samba-dsdb-modules samba-vfs-modules samba-ad-provision ldb-tools ldap-utils openssl chromium zbar-tools mono-runtime mono-devel)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
