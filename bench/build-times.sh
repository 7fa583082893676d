#!/usr/bin/env bash
# Build times of the main job (./mvnw install -DskipTests), measured from the repository root:
#   1. clean    ./mvnw clean install, as a fresh clone builds (target/ and the generator checksums removed,
#               so every client is regenerated; node_modules is kept: see --fresh)
#   2. no-op    the same again with nothing changed
#   3. one spec after appending a root-level vendor extension (x-build-times-touch) to one spec file (default:
#               the SCNet spec): a change the generator's checksum sees (it hashes the parsed document, so a
#               comment line would not count) but that changes no generated line
#   4. restored after restoring that file (the generator sees the checksum change once more)
# Then, from each build log, per module: did the generator run or skip, did javac compile or find nothing to
# compile, and did npm ci run. Run from anywhere; it changes nothing committed (the spec is restored from a copy).
#
#   bench/build-times.sh [--fresh] [--spec specs/<service>/<file>.yaml] [-- extra maven args]
#   --fresh   also delete node_modules before the clean build (as CI's fresh clone: npm ci runs)
#   logs:     $BUILD_TIMES_LOGS (default: a new directory under ${TMPDIR:-/tmp}), printed at the end
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=no
spec=specs/scnet/get-instance-service-detail.yaml
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=yes; shift ;;
    --spec) spec=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: bench/build-times.sh [--fresh] [--spec specs/<service>/<file>.yaml] [-- maven args]" >&2; exit 2 ;;
  esac
done
[ -f "$spec" ] || { echo "no such spec: $spec" >&2; exit 2; }

logs=${BUILD_TIMES_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/build-times.XXXXXX")}
mkdir -p "$logs"
mvn=(./mvnw -B -ntp)
goals=(install -DskipTests)
backup="$logs/$(basename "$spec").orig"
cp "$spec" "$backup"
restore() { cp "$backup" "$spec"; }
trap restore EXIT

declare -A took
run() { # run <name> <maven args...>: one timed build, its log in $logs/<name>.log
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  if ! "${mvn[@]}" "$@" "${extra[@]}" > "$logs/$name.log" 2>&1; then
    echo "build '$name' failed; see $logs/$name.log" >&2
    tail -30 "$logs/$name.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  took[$name]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  echo "== $name: ${took[$name]} s (maven: $(grep -m1 'Total time:' "$logs/$name.log" | sed 's/.*Total time: *//'))"
}

# What each module did, from a build log: generator (generated / skipped), javac (compiled N / nothing), npm.
evidence() {
  awk '
    /^\[INFO\] --- .* @ [^ ]+ ---$/ { module = $(NF - 1); plugin = $3; next }
    /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]$/ { next }
    plugin ~ /^openapi-generator/ && /Code generation is skipped/ { print "  " module ": generator skipped (\"" substr($0, 8) "\")" }
    plugin ~ /^openapi-generator/ && /writing file .*\.java/ { gen[module]++ }
    plugin ~ /^compiler/ && /Nothing to compile/ { print "  " module " " plugin ": \"" substr($0, 8) "\"" }
    plugin ~ /^compiler/ && /Compiling [0-9]+ source file/ { print "  " module " " plugin ": " substr($0, 8) }
    plugin ~ /^compiler/ && /Recompiling the module/ { print "  " module " " plugin ": " substr($0, 8) }
    plugin ~ /^exec/ && /^\[npm\]/ { print "  " module ": " $0 }
    plugin ~ /^exec/ && /^added [0-9]+ packages/ { print "  " module ": npm ci: " $0 }
    END { for (m in gen) print "  " m ": generator wrote " gen[m] " .java files" }
  ' "$1" | sort
}

if [ "$fresh" = yes ]; then
  rm -rf node_modules
fi
rm -f clients/*/src/generated/.openapi-generator/*.sha256
run clean clean "${goals[@]}"
run no-op "${goals[@]}"
printf '\nx-build-times-touch: %s\n' "$(date +%s)" >> "$spec"
run one-spec "${goals[@]}"
restore
run restored "${goals[@]}"

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM;" \
  "load average before/after: see uptime; $(java -version 2>&1 | head -1); $(./mvnw -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
echo "Load now: $(uptime | sed 's/.*load average/load average/')"
echo
printf '%-10s %8s\n' build "wall (s)"
for n in clean no-op one-spec restored; do printf '%-10s %8s\n' "$n" "${took[$n]}"; done
for n in clean no-op one-spec restored; do
  echo
  echo "-- $n: what each module did ($logs/$n.log)"
  evidence "$logs/$n.log"
done
echo
echo "Logs: $logs"
