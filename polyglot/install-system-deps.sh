#!/usr/bin/env bash
# Installs the Debian packages of the rendered-reference check (run by .ci/run; run it once as root on a new machine):
# headless Chromium, with Latin and CJK fonts for the screenshots. The other-language conformance needs no Debian
# package (polyglot/install-deps.sh: Python venv from hashes, Go on PATH).
# Does nothing when every package is already installed.
set -euo pipefail
packages=(chromium fonts-liberation fonts-droid-fallback)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "== Debian packages: $(dpkg-query -W -f="\${Package}=\${Version} " "${packages[@]}")"
