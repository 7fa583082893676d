# Sourced by examples/run.sh and consumer/run.sh. prism_port LOG: the port of a Prism started with --port 0 (the
# system picks a free one, nothing to race for), read from the line it logs once it listens
# ("Prism is listening on http://127.0.0.1:<port>"); waits up to 90 s, else names the log and fails.
prism_port() {
  local port
  for _ in $(seq 1 450); do
    port=$(sed -n 's|.*Prism is listening on https\{0,1\}://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$1" | head -1)
    if [ -n "$port" ]; then echo "$port"; return 0; fi
    sleep 0.2
  done
  echo "Prism did not start within 90 s, see $1" >&2
  return 1
}
