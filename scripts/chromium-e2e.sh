#!/usr/bin/env bash
# End-to-end check of the workbench page in a real headless Chromium.
#
#   scripts/chromium-e2e.sh target/release/sitrep [INPUT_DIR]
#       ingests INPUT_DIR (default: examples/) with `sitrep ingest`, serves it
#       with `sitrep serve`, then drives Chromium.
#   scripts/chromium-e2e.sh --demo target/debug/examples/demo
#       uses the server crate's demo example (seeds its own documents).
#
# The page must load, show pins on the map, and clicking a pin must open the
# detail panel with the evidence sentence highlighted; no Content-Security-Policy
# violation may be logged. Installs Debian's chromium and chromium-driver when
# missing. Exits non-zero on failure. Everything stays on 127.0.0.1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode=cli
if [[ "${1:-}" == "--demo" ]]; then mode=demo; shift; fi
bin="${1:?usage: chromium-e2e.sh [--demo] BINARY [INPUT_DIR]}"
input="${2:-examples/}"
[[ -x "$bin" ]] || { echo "chromium-e2e: $bin is not an executable" >&2; exit 2; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "chromium-e2e: installing chromium and chromium-driver" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
if ! command -v node >/dev/null; then
  echo "chromium-e2e: installing nodejs" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs >/dev/null
fi

work="$(mktemp -d)"
server_pid=""
driver_pid=""
cleanup() {
  [[ -n "$driver_pid" ]] && kill "$driver_pid" 2>/dev/null || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
port="$(free_port)"
db="$work/e2e.db"

if [[ "$mode" == demo ]]; then
  "$bin" "$db" "127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
else
  "$bin" ingest "$input" --db "$db" >"$work/ingest.log" 2>&1 || { cat "$work/ingest.log" >&2; exit 1; }
  tail -n 3 "$work/ingest.log" >&2
  "$bin" serve --db "$db" --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
fi

for _ in $(seq 1 100); do
  if node -e "fetch('http://127.0.0.1:$port/api/config').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    break
  fi
  sleep 0.1
done

driver_port="$(free_port)"
chromedriver --port="$driver_port" --allowed-ips=127.0.0.1 >"$work/driver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 100); do
  if node -e "fetch('http://127.0.0.1:$driver_port/status').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    break
  fi
  sleep 0.1
done

if node "$here/chromium-e2e.mjs" "http://127.0.0.1:$port/" "http://127.0.0.1:$driver_port" "$work/profile" "${E2E_SCREENSHOT:-}"; then
  echo "chromium-e2e: PASS"
else
  echo "chromium-e2e: FAIL (server log follows)" >&2
  tail -n 20 "$work/server.log" >&2
  exit 1
fi
