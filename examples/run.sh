#!/usr/bin/env bash
# Runs the example program of a service: examples/run.sh <service>|quickstart|all (the services of services.yaml
# with a client.example; quickstart is the README's Java snippet, against the ModelArts mock or MODELARTS_ENDPOINT).
# Without the service's endpoint variables (see each *Example.java), it starts a Prism mock of the
# service's spec on a port the system picks, runs against it, and stops it.
# examples/run.sh check <service>|all runs the same calls (every read operation) with the
# contract check on (log mode): each deviation of what the service sends from its bundled spec is printed as
# "WARNING: contract deviation: <service> <operation> <request|response> <JSON pointer> [<key>, <level>] <message>".
set -euo pipefail
cd "$(dirname "$0")/.."
. build-tools/mock/prism-port.sh   # prism_port
registry() { node build-tools/registry/services.mjs "$@"; }
# The services with an example program (services.yaml, client.example).
examples=()
for id in $(registry ids); do
  registry field "$id" client.example >/dev/null 2>&1 && examples+=("$id")
done

run() {
  local service=$1 class spec endpoint_vars bundle=$1
  if [ "$service" = quickstart ]; then
    bundle=modelarts; class=QuickStart; spec=$(registry field modelarts spec); endpoint_vars="${MODELARTS_ENDPOINT:-}"
  else
    class=$(registry field "$service" client.example); spec=$(registry field "$service" spec)
    local upper=${service^^} endpoint region
    endpoint="${upper}_ENDPOINT"; region="${upper}_REGION"
    endpoint_vars="${!endpoint:-}${!region:-}"
  fi
  local prism_pid=""
  if [ -z "$endpoint_vars" ]; then
    [ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund --ignore-scripts >/dev/null
    local port
    # Port 0: the system picks a free port (nothing to race for); prism_port reads it from Prism's log.
    node_modules/.bin/prism mock --errors --host 127.0.0.1 --port 0 "$spec" > "target/prism-$service.log" 2>&1 &
    prism_pid=$!
    trap 'kill $prism_pid 2>/dev/null || true' RETURN
    port=$(prism_port "target/prism-$service.log") || return 1
    export MOCK_URL="http://127.0.0.1:$port/"
    if [ "$service" = quickstart ]; then
      # The mock checks that a token is present, not its value.
      export MODELARTS_ENDPOINT="$MOCK_URL" HUAWEICLOUD_PROJECT_ID="${HUAWEICLOUD_PROJECT_ID:-mock-project}" HUAWEICLOUD_TOKEN="${HUAWEICLOUD_TOKEN:-mock-token}"
    fi
  fi
  local check=()
  if [ -n "${CHECK:-}" ]; then
    check=(-Dnotebooks.contractCheck=log "-Dnotebooks.contractCheck.spec.$bundle=$PWD/specs/target/bundles/$bundle.yaml")
  fi
  ./mvnw -q -B -ntp -Pexamples -pl examples exec:java -Dexample="$class" "${check[@]}"
}

CHECK=""
if [ "${1:-}" = check ]; then
  CHECK=yes
  shift
fi
case " ${examples[*]} quickstart all " in
  *" ${1:-?} "*) ;;
  *) echo "usage: examples/run.sh [check] $(IFS='|'; echo "${examples[*]}")|quickstart|all" >&2; exit 2 ;;
esac
mkdir -p target
# Build (and install) the example and the client jars it uses, so the examples run from a fresh clone (unless
# EXAMPLES_BUILT=yes: .ci/run installed them already).
[ "${EXAMPLES_BUILT:-}" = yes ] || ./mvnw -q -B -ntp -Pexamples -pl examples -am install -DskipTests
if [ "${1:-}" = all ]; then
  for s in "${examples[@]}" quickstart; do run "$s"; done
else
  run "${1:-}"
fi
