#!/usr/bin/env bash
# Runs the same JMH selection several times in a row ("rounds") and summarizes them with
# org.contractfirst.notebooks.bench.Report: medians over the rounds and the target ratios computed within each
# round. On a shared, noisy machine a ratio measured in several rounds says more than one long run.
#
#   ROUNDS=5 bench/run-rounds.sh -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc Decode
#   results: $BENCH_RESULTS (default bench/target/results/<date-time>), one JSON and text log per round, report.txt
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "$jar is missing: run ./mvnw -pl bench -am package -DskipTests first" >&2; exit 1; }
rounds=${ROUNDS:-3}
out=${BENCH_RESULTS:-bench/target/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -h | awk '/^Mem:/ { print $2 }') RAM"
  java -version 2>&1 | head -2
  echo "command: java -jar $jar $*  (x$rounds rounds)"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
} | tee "$out/machine.txt"
for i in $(seq 1 "$rounds"); do
  echo "== round $i/$rounds"
  java -jar "$jar" "$@" -rf json -rff "$out/round-$i.json" > "$out/round-$i.txt" 2>&1 || { tail -30 "$out/round-$i.txt"; exit 1; }
  echo "load after round $i: $(uptime | sed 's/.*load average/load average/')" | tee -a "$out/machine.txt"
done
java -cp "$jar" org.contractfirst.notebooks.bench.Report "$out"/round-*.json | tee "$out/report.txt"
