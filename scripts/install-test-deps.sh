#!/usr/bin/env bash
# Installs what the tests need besides the .NET SDK: from Debian's packages, Samba as an AD domain controller
# (AD-mode tests), Chromium (browser tests), zbar-tools (reads the QR code off the screen) and Mono (mono,
# gacutil: the net472 payload installed into a GAC and loaded by strong name), gcc, pkg-config and
# libmono-2.0-dev (the native-caller test: a C program embedding Mono calls the credential provider through its
# vtables), msitools and wixl (the WIN OTP MSI built from WiX source and read back); from npm, axe-core (the accessibility rules the browser tests run on every page), into artifacts/node,
# only if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(samba samba-dsdb-modules samba-vfs-modules samba-ad-provision ldb-tools ldap-utils openssl chromium zbar-tools mono-runtime mono-devel e2fsprogs gcc pkg-config libmono-2.0-dev msitools wixl)
command -v npm > /dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

axe_version=4.14.1
axe_prefix=artifacts/node
if ! grep -qs "\"version\": \"$axe_version\"" "$axe_prefix/node_modules/axe-core/package.json"; then
  echo "installing: axe-core $axe_version (npm)"
  mkdir -p "$axe_prefix"
  npm install --prefix "$axe_prefix" --no-audit --no-fund --no-save --no-package-lock --loglevel=error "axe-core@$axe_version" > /dev/null
fi
