#!/usr/bin/env bash
# Installs what the other-language conformance (-Ppolyglot) needs besides the JDK and Node, pinned; run by .ci/run and
# by polyglot/pom.xml (initialize); does nothing when already done.
#   Python: a venv at <venv> (default target/polyglot/python-venv) with polyglot/python/requirements.txt, every
#           package checked against its hash (pip --require-hashes);
#   Go:     the harness module polyglot/go needs nothing downloaded (it builds in a workspace of the generated
#           clients, target/clients/go/go.work); checked with `go version`;
#   Node:   Ajv and TypeScript come from package-lock.json (npm ci, run by the specs module).
# Needs python3 (3.9+, with venv and pip) and go (1.23+) on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:-$here/../target/polyglot/python-venv}"
requirements="$here/python/requirements.txt"

command -v python3 >/dev/null || { echo "[polyglot] python3 is missing (3.9+ with venv and pip)" >&2; exit 1; }
command -v go >/dev/null || { echo "[polyglot] go is missing (1.23+; https://go.dev/dl/)" >&2; exit 1; }

stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "== [polyglot] Python venv $venv from $requirements (--require-hashes)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --require-hashes \
    --only-binary=:all: -r "$requirements"
  echo "$want" > "$stamp"
fi
echo "== [polyglot] $("$venv/bin/python" --version), $("$venv/bin/python" -c 'import pydantic; print("pydantic", pydantic.VERSION)'); $(go version)"
