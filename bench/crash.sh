#!/usr/bin/env bash
# Crash test: kills `dyad ingest` (SIGKILL) at K random moments (default 20),
# each on a fresh store. After each kill the store must open and pass
# `dyad check` (SQLite's integrity check; every article whole: all its claims
# there, none pointing at a missing event), and a re-run must finish with the
# same counts as an ingest that was never interrupted.
# usage: bench/crash.sh [K] [PAGES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${DYAD_SHARED:-$root/../shared}
kills=${1:-20}
n=${2:-1500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build --release --quiet
dyad=target/release/dyad
python3 "$here/make_pages.py" "$shared/data/article-extraction-benchmark/html" "$root/examples" "$work/pages" "$n"
counts() { "$dyad" check --data "$1" | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps(d['store'], sort_keys=True))"; }
start=$(date +%s.%N)
"$dyad" ingest "$work/pages" --data "$work/ref" > /dev/null 2>&1
end=$(date +%s.%N)
want=$(counts "$work/ref")
took=$(python3 -c "print(float('$end') - float('$start'))")
echo "uninterrupted: $took s, $want"
failed=0
for ((i = 1; i <= kills; i++)); do
  data="$work/run$i"
  # A moment between the start and the end of an uninterrupted run.
  wait_s=$(python3 -c "import random; print(round(random.uniform(0.02, $took), 3))")
  "$dyad" ingest "$work/pages" --data "$data" > /dev/null 2>&1 &
  pid=$!
  sleep "$wait_s"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  if [ -e "$data/dyad.sqlite" ]; then
    if ! after=$("$dyad" check --data "$data" 2> "$work/err"); then
      echo "kill $i at ${wait_s}s: store fails its check: $(cat "$work/err") $after"
      failed=$((failed + 1))
      continue
    fi
    partial=$(echo "$after" | python3 -c "import json,sys; print(json.load(sys.stdin)['store']['articles'])")
  else
    partial="no store yet"
  fi
  "$dyad" ingest "$work/pages" --data "$data" > /dev/null 2>&1 || true
  got=$(counts "$data")
  if [ "$got" = "$want" ]; then
    echo "kill $i at ${wait_s}s: check ok ($partial articles whole), re-run: same counts"
  else
    echo "kill $i at ${wait_s}s: re-run counts differ: $got"
    failed=$((failed + 1))
  fi
  rm -rf "$data"
done
echo "$((kills - failed)) of $kills kills passed"
[ "$failed" = 0 ]
