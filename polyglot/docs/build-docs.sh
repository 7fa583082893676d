#!/usr/bin/env bash
# Renders the HTML reference of each service with Redocly build-docs, and writes the dereferenced
# single-file JSON of the same input, which the checks read (operations, examples).
# Usage: build-docs.sh <out-dir> <bundles dir>   (run by polyglot/pom.xml): <bundles dir>/<service>.yaml of every
# service of services.yaml with polyglot: true.
set -euo pipefail
out=$1; bundles=$2
root="$(cd "$(dirname "$0")/../.." && pwd)"
# No usage data and no update check (the build reaches no network but the package registries).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
mkdir -p "$out/docs" "$out/bundled"

redocly() {  # runs the pinned Redocly CLI, prints its output without the Node-version banner, keeps its status
  local log status=0
  log=$(mktemp)
  "$root/node_modules/.bin/redocly" "$@" >"$log" 2>&1 || status=$?
  grep -v -e '[║╔╚]' -e '^[[:space:]]*$' "$log" || true
  rm -f "$log"
  return $status
}

for service in $(node "$root/build-tools/registry/services.mjs" polyglot-ids); do
  spec="$bundles/$service.yaml"
  rm -f "$out/docs/$service.html" "$out/bundled/$service.json"
  # --inlineBundle: the page carries Redoc itself instead of loading it from a CDN;
  # jsonSamplesExpandLevel=all: examples are shown whole, not folded below depth 2.
  redocly build-docs "$spec" --inlineBundle --openapi.jsonSamplesExpandLevel=all \
    --title "$service API reference" -o "$out/docs/$service.html" \
    || { echo "[docs] $service: redocly build-docs failed on $spec" >&2; exit 1; }
  redocly bundle "$spec" --dereferenced --ext json -o "$out/bundled/$service.json" \
    || { echo "[docs] $service: redocly bundle failed on $spec" >&2; exit 1; }
  test -s "$out/docs/$service.html" && test -s "$out/bundled/$service.json"
done
