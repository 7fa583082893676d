#!/usr/bin/env bash
# Builds and runs the consumer project (consumer/pom.xml) the way another team would use the published clients:
# an EMPTY local repository, the BOM and the clients from the given Maven repository only (Maven Central for
# third-party jars and plugins), against Prism mocks of the spec bundles deployed in that same repository.
#   consumer/run.sh <repository directory> [version]     e.g. consumer/run.sh target/ci-repo
# (the repository written by: ./mvnw deploy -DaltDeploymentRepository=ci::file://$PWD/target/ci-repo)
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: consumer/run.sh <repository directory> [version]" >&2; exit 2; }
repo=$(cd "$1" && pwd)
group_dir="$repo/org/contractfirst/notebooks"
version=${2:-$(ls "$group_dir/notebook-clients-bom" | grep -v '^maven-metadata' | sort -V | tail -1)}
echo "== consumer: notebook clients $version from file://$repo"

work=target/consumer
rm -rf "$work" && mkdir -p "$work/m2"
local_repo=$(cd "$work/m2" && pwd)

# The spec bundles as deployed (notebook-specs, type yaml, classifier = service); newest snapshot if several.
bundle() {
  ls "$group_dir/notebook-specs/$version"/notebook-specs-*-"$1".yaml | sort -V | tail -1
}

[ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund --ignore-scripts >/dev/null
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
# Prism on port 0, the port read from its log (prism_port); all start at once, then each is awaited.
. build-tools/mock/prism-port.sh
mock_logs=()
for service in $(node build-tools/registry/services.mjs ids); do
  node_modules/.bin/prism mock --errors --host 127.0.0.1 --port 0 "$(bundle "$service")" > "$work/prism-$service.log" 2>&1 &
  pids+=($!)
  mock_logs+=("$service=$work/prism-$service.log")
done
mock_args=()
for entry in "${mock_logs[@]}"; do
  port=$(prism_port "${entry#*=}")
  mock_args+=("-D${entry%%=*}.url=http://127.0.0.1:$port/")
done

./mvnw -B -ntp -f consumer/pom.xml -s "${CONSUMER_SETTINGS:-consumer/settings.xml}" \
  -Dmaven.repo.local="$local_repo" -Dnotebooks.repo.url="file://$repo" -Dnotebooks.version="$version" \
  "${mock_args[@]}" compile exec:java

# Our artifacts came from that repository (and nothing else of ours was needed: no parent POMs, thanks to the
# flattened POMs).
ours=$(cd "$local_repo/org/contractfirst/notebooks" && LC_ALL=C ls)
expected=$(printf '%s\n' $(node build-tools/registry/services.mjs client-modules) notebook-client-runtime notebook-clients-bom | LC_ALL=C sort)
if [ "$ours" != "$expected" ]; then
  echo "consumer: expected exactly these of our artifacts in the local repository:"; echo "$expected"; echo "got:"; echo "$ours"
  exit 1
fi
for f in "$local_repo"/org/contractfirst/notebooks/*/*/_remote.repositories; do
  if grep -v '^#' "$f" | grep -qv '>notebooks='; then
    echo "consumer: $f: resolved from another repository than the published one:"; cat "$f"; exit 1
  fi
done
echo "== consumer: OK (the BOM, runtime and clients resolved from file://$repo only; local repository was empty)"
