#!/usr/bin/env bash
# Whole-pipeline speed and memory: `dyad analyze` from HTML page to claims, one
# core, over the extraction benchmark's pages repeated to N inputs (default
# 10,000), with peak memory after 1/10 of the run and at its end (flat memory:
# the two are close). Peer, same pages, one core, one pass: trafilatura for the
# text then spaCy en_core_web_sm for entities (what an analyst would chain
# today; it codes no claims, so it does less work than dyad).
# usage: bench/analyze.sh [N] [--no-peer]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${DYAD_SHARED:-$root/../shared}
n=${1:-10000}
peer=1
[ "${2:-}" = "--no-peer" ] && peer=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build --release --quiet
src="$shared/data/article-extraction-benchmark/html"
pages=("$src"/*)
mkdir -p "$work/small" "$work/all"
# Inputs are links to the same files under new names.
for ((i = 0; i < n; i++)); do
  p=${pages[$((i % ${#pages[@]}))]}
  ln -s "$p" "$work/all/$(printf '%06d' "$i")-$(basename "$p")"
  if ((i < n / 10)); then ln -s "$p" "$work/small/$(printf '%06d' "$i")-$(basename "$p")"; fi
done
run() { # dir label
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" taskset -c 0 target/release/dyad -j1 analyze "$1" --format jsonl > "$work/out.jsonl"
  end=$(date +%s.%N)
  local count claims
  count=$(wc -l < "$work/out.jsonl")
  claims=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('claims',[])) for l in open(sys.argv[1])))" "$work/out.jsonl")
  python3 -c "import sys; c,s,e,r,cl=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]),int(sys.argv[5]); print(f'$2: {c} pages in {e-s:.2f} s = {c/(e-s):.0f} pages/s, {cl} claims, peak RSS {r/1024:.0f} MB')" "$count" "$start" "$end" "$(cat "$work/rss")" "$claims"
}
echo "== dyad analyze (one core)"
run "$work/small" "first tenth"
run "$work/all" "all"
if [ "$peer" = 1 ]; then
  venv="$here/.venv-spacy"
  . "$here/spacy_env.sh"
  if ! "$venv/bin/python" -c "import spacy, trafilatura, lxml_html_clean" 2>/dev/null; then
    ensure_spacy_venv "$venv" trafilatura lxml_html_clean || { echo "peer not installable here; skipping"; exit 0; }
  fi
  echo "== trafilatura + spaCy en_core_web_sm (one core, one pass over the ${#pages[@]} pages)"
  PYTHONPATH="$here" taskset -c 0 "$venv/bin/python" - "$src" <<'PY'
import glob, gzip, json, os, sys, time
import trafilatura
import spacy_model
nlp = spacy_model.load()
files = sorted(glob.glob(os.path.join(sys.argv[1], "*")))
t = time.perf_counter()
ents = 0
for f in files:
    raw = open(f, "rb").read()
    if f.endswith(".gz"):
        raw = gzip.decompress(raw)
    text = trafilatura.extract(raw) or ""
    ents += len(nlp(text).ents)
s = time.perf_counter() - t
print(f"{len(files)} pages in {s:.2f} s = {len(files)/s:.1f} pages/s, {ents} entities")
PY
fi
