#!/usr/bin/env bash
# Proves CONTRIBUTING.md "Add a service": copies the repository (its git-tracked files, as in the working tree) to
# a temporary folder, adds a throwaway service there (an entry appended to services.yaml and its spec,
# build-tools/registry/throwaway/), builds the specs module and checks real outcomes: the registry check counts it;
# the bundle exists with its operationId; it is linted; the contract gate reports it as a new service (no
# baseline); it is attached as a notebook-specs artifact; the mock serves its example (check-mock) and 401/422;
# with POLYGLOT=yes (set when -Ppolyglot is on too) the stock Java, Python, TypeScript and Go clients of the
# other-language check are generated for it and decode its example, with no edit in polyglot/ (online: the
# generator CLI jar may not be in the local repository yet).
# Nothing is installed: the copy builds with verify, against this repository's local Maven repository.
# Usage: build-tools/registry/throwaway-service-test.sh     (CI: ./mvnw -Pthrowaway-service verify)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=build-tools/registry/throwaway
fail() { echo "[throwaway-service] FAIL: $*" >&2; [ -n "${log:-}" ] && [ -f "$log" ] && echo "(build log: $log)" >&2; exit 1; }

copy=$(mktemp -d "${TMPDIR:-/tmp}/throwaway-service.XXXXXX")
trap 'rm -rf "$copy"' EXIT
git ls-files -z | while IFS= read -r -d '' f; do
  [ -e "$f" ] && { mkdir -p "$copy/$(dirname "$f")"; cp -p "$f" "$copy/$f"; }
done
# The pinned Node tools of this checkout (npm-ci-if-stale finds them up to date).
ln -s "$root/node_modules" "$copy/node_modules"

# The service: one registry entry and its spec; nothing else.
mkdir -p "$copy/specs/acme"
cp "$here/acme.yaml" "$copy/specs/acme/show-widget.yaml"
cat "$here/acme-entry.yaml" >> "$copy/services.yaml"

log="$root/target/throwaway-service/build.log"
mkdir -p "$(dirname "$log")"
echo "[throwaway-service] building the specs of a copy with service 'acme' added ($copy; log $log)"
maven_repo=()
[ -n "${MAVEN_REPO_LOCAL:-}" ] && maven_repo=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL")
(cd "$copy" && ./mvnw -B -ntp -o "${maven_repo[@]}" -pl build-tools/spec-validator,build-tools/contract-diff,specs \
  verify -Dmaven.test.skip=true -DskipNpm=true) > "$log" 2>&1 || { tail -40 "$log" >&2; fail "the build of the copy failed"; }

expect_log() { grep -qF -- "$1" "$log" || fail "the build did not print: $1"; }
bundle="$copy/specs/target/bundles/acme"
[ -f "$bundle.yaml" ] && [ -f "$bundle.json" ] || fail "no bundle specs/target/bundles/acme.yaml|json"
grep -q '"operationId" *: *"showWidget"' "$bundle.json" || fail "the bundle acme.json lacks operationId showWidget"
expect_log "[registry] 4 services (modelarts, eihealth, scnet, acme)"
expect_log "[bundle] acme: acme/show-widget.yaml"
grep -q "lint-specs" "$log" || fail "Spectral did not run"
expect_log "SERVICE_ADDED  acme: new service"
grep -q 'classifier="acme" type="yaml"' "$copy/specs/target/attach-bundles.xml" || fail "acme.yaml is not attached to notebook-specs"
expect_log "[mock-check] npm run mock serves 14 checked requests on 4 ports (modelarts, eihealth, scnet, acme"
expect_log "[mock-check] Prism serves the bundles"
if [ "${POLYGLOT:-no}" = yes ]; then
  plog="$root/target/throwaway-service/polyglot.log"
  echo "[throwaway-service] other languages for the copy (log $plog)"
  (cd "$copy" && ./mvnw -B -ntp "${maven_repo[@]}" -Ppolyglot -pl polyglot verify -DskipNpm=true \
    -Dpolyglot.venv="$root/target/polyglot/python-venv") > "$plog" 2>&1 || { tail -40 "$plog" >&2; fail "the other-language check of the copy failed"; }
  grep -qF "[conformance] generating 16 clients" "$plog" || fail "polyglot did not generate the 4 clients of acme (16 in all)"
  # acme adds 2 examples and 2 evolution payloads to the corpus (30 -> 32, 44 -> 46): every language decodes all.
  for lang in java python typescript-fetch go; do
    grep -qF "| $lang | 32/32, 100 % | 14/14, 100 % | 46/46, 100 % |" "$plog" || fail "$lang did not decode every payload with acme's"
  done
  other=" and decoded by the stock Java, Python, TypeScript and Go clients"
fi
echo "[throwaway-service] OK: acme (one services.yaml entry + one spec) was bundled, linted, gated as new, attached and mocked${other:-}"
