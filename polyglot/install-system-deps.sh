#!/usr/bin/env bash
# Installs the Debian packages the polyglot checks use (run by .ci/run; run it once as root on a new machine):
#   Python client: Debian's python3 with pydantic 1.10, python-dateutil, urllib3 (PyPI is not used);
#   rendered reference: headless Chromium, with Latin and CJK fonts for the screenshots.
# Does nothing when every package is already installed.
set -euo pipefail
packages=(python3 python3-pydantic python3-dateutil python3-urllib3 chromium fonts-liberation fonts-droid-fallback)

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
# python-pydantic-v1 clients need pydantic 1.x (Debian 12: 1.10.4).
/usr/bin/python3 -c 'import pydantic, sys; sys.exit(0 if pydantic.VERSION.startswith("1.") else "pydantic 1.x needed, found " + pydantic.VERSION)'
echo "== Debian packages: $(dpkg-query -W -f="\${Package}=\${Version} " "${packages[@]}")"
