#!/usr/bin/env bash
# Extraction benchmark: dyad vs. Python article extractors, side by side, on one core.
#
# usage: bench/extraction.sh [--dyad PATH] [--bench DIR] [--rounds N] [--peers a,b,c]
#                            [any other option of bench/extraction_peers.py]
#
# Creates bench/.venv on first use (PyPI packages, pinned), then runs
# bench/extraction_peers.py pinned to CPU 0. Runnable from any working directory.
# See bench/README.md.
set -euo pipefail

BENCH_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_SCRIPT_DIR/.." && pwd)"
VENV="$BENCH_SCRIPT_DIR/.venv"
PYTHON="${PYTHON:-python3}"

# Peer packages, one pip requirement per peer (installed one by one so that a
# peer that fails to install is skipped instead of aborting the benchmark).
# html-text turns readability-lxml's HTML into text, as the benchmark does;
# tinysegmenter lets newspaper4k handle the Japanese pages offline.
PEER_REQS=(
  "trafilatura==2.3.1"
  "resiliparse"            # latest that installs (2.0.1 when written)
  "readability-lxml==0.9 html-text==0.7.1"
  "goose3==3.1.22"
  "newspaper4k==0.9.6 tinysegmenter==0.4"
)

# ---- arguments: resolve the path options here (relative to the caller's cwd),
# pass everything else through to the Python script unchanged.
DYAD="$REPO_ROOT/target/release/dyad"
BENCH_DIR="$REPO_ROOT/../shared/data/article-extraction-benchmark"
PASS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dyad)   DYAD="$2"; shift 2 ;;
    --dyad=*) DYAD="${1#*=}"; shift ;;
    --bench)  BENCH_DIR="$2"; shift 2 ;;
    --bench=*) BENCH_DIR="${1#*=}"; shift ;;
    -h|--help)
      sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      echo
      PASS+=("--help"); shift ;;
    *) PASS+=("$1"); shift ;;
  esac
done
abspath() { # absolute path without requiring the target to exist
  case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac
}
DYAD="$(abspath "$DYAD")"
BENCH_DIR="$(abspath "$BENCH_DIR")"

# ---- virtual environment (created once; re-synced when PEER_REQS changes).
STAMP="$VENV/.dyad-bench-reqs"
WANT="$(printf '%s\n' "${PEER_REQS[@]}")"
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "== creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT" ]]; then
  echo "== installing peer packages into $VENV (from PyPI)" >&2
  all_ok=1
  for req in "${PEER_REQS[@]}"; do
    # shellcheck disable=SC2086  # a line may hold several requirements
    if "$VENV/bin/python" -m pip install --quiet $req >&2; then
      echo "   installed: $req" >&2
    else
      echo "   WARNING: could not install '$req'; that peer will be skipped (retried next run)" >&2
      all_ok=0
    fi
  done
  # Remember a complete install only, so that a failed one is retried next time.
  if [[ $all_ok == 1 ]]; then printf '%s' "$WANT" > "$STAMP"; fi
fi

# ---- run, pinned to one core (the dyad subprocess is pinned again explicitly).
PIN=()
if command -v taskset >/dev/null 2>&1; then
  PIN=(taskset -c 0)
else
  echo "WARNING: taskset not found; extraction_peers.py pins itself with sched_setaffinity" >&2
fi
exec "${PIN[@]}" "$VENV/bin/python" "$BENCH_SCRIPT_DIR/extraction_peers.py" \
  --dyad "$DYAD" --bench "$BENCH_DIR" "${PASS[@]}"
