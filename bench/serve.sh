#!/usr/bin/env bash
# Reader latency under load: builds a synthetic store of ARTICLES articles of
# 10 claims each (default 100,000: one million claims) through the store's
# write path, serves it on loopback, and runs wrk (Debian's) for 30 s with 2
# threads and 10 connections (wrk's defaults) against the dyad page of the most active pair
# (/ties/S00/S01) and then against the same as JSON.
# usage: bench/serve.sh [ARTICLES] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-100000}
secs=${2:-30}
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$root"
command -v wrk > /dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
cargo build --release --quiet
cargo build --release --quiet -p dyad-store --examples
echo "== building a store of $n articles ($((n * 10)) claims)"
target/release/examples/synth "$work/store" "$n" 10 2> /dev/null
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
target/release/dyad serve --data "$work/store" --addr "127.0.0.1:$port" 2> "$work/serve.log" &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/" > /dev/null && break; sleep 0.1; done
for path in /ties/S00/S01 /api/ties/S00/S01; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path"
  echo "== wrk -t2 -c10 -d${secs}s $path"
  wrk -t2 -c10 -d"${secs}s" --latency "http://127.0.0.1:$port$path" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
done
