#!/usr/bin/env bash
# Ingest speed and memory: `dyad ingest` on all cores over N pages (default
# 10,000): the extraction benchmark's pages and the example articles, repeated,
# each copy with its own canonical URL and one sentence of its own, so every
# copy is a new article. Then the same run again, which must add nothing.
# Peer, same machine, one run: trafilatura for the text and SQLite FTS5 for
# storage and search, one transaction per page (what an analyst would chain to
# keep and search pages; it codes no entities, claims or events), over the
# first tenth of the pages.
# usage: bench/ingest.sh [N] [--no-peer]
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
python3 "$here/make_pages.py" "$shared/data/article-extraction-benchmark/html" "$root/examples" "$work/pages" "$n"
run() { # label
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" target/release/dyad ingest "$work/pages" --data "$work/data" > "$work/summary.json" 2> "$work/err" || true
  end=$(date +%s.%N)
  python3 - "$1" "$start" "$end" "$(cat "$work/rss")" "$work/summary.json" <<'PY'
import json, sys
label, s, e, rss, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
d = json.load(open(path))
pages = d["pages"] + d["failed"]
print(f"{label}: {pages} pages in {e-s:.2f} s = {pages/(e-s):.0f} pages/s; {d['new']} new articles, "
      f"{d['claims']} claims ({d['merged']} joined events of other articles), {d['skipped']} skipped unread, "
      f"{d['failed']} failed; peak RSS {rss/1024:.0f} MB; store: {d['store']}")
PY
}
echo "== dyad ingest ($(nproc) cores)"
run "first run"
run "second run"
tail -1 "$work/err"
du -sh "$work/data" | awk '{print "store on disk: " $1}'
if [ "$peer" = 1 ]; then
  venv="$here/.venv-spacy"
  . "$here/spacy_env.sh"
  if ! "$venv/bin/python" -c "import trafilatura, lxml_html_clean" 2>/dev/null; then
    ensure_spacy_venv "$venv" trafilatura lxml_html_clean || { echo "peer not installable here; skipping"; exit 0; }
  fi
  echo "== trafilatura + SQLite FTS5 (one process, first $((n / 10)) pages)"
  "$venv/bin/python" - "$work/pages" "$((n / 10))" "$work/peer.sqlite" <<'PY'
import glob, os, sqlite3, sys, time
import trafilatura
files = sorted(glob.glob(os.path.join(sys.argv[1], "*", "*")))[: int(sys.argv[2])]
db = sqlite3.connect(sys.argv[3])
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE VIRTUAL TABLE pages USING fts5(url, title, text)")
t = time.perf_counter()
for f in files:
    raw = open(f, "rb").read()
    doc = trafilatura.bare_extraction(raw) or {}
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    with db:
        db.execute("INSERT INTO pages VALUES (?, ?, ?)", (get("url") or f, get("title") or "", get("text") or ""))
s = time.perf_counter() - t
print(f"{len(files)} pages in {s:.2f} s = {len(files)/s:.1f} pages/s")
PY
fi
