#!/usr/bin/env bash
# Language-stage speed: dyad's annotate (sentences, tokens, times, entities,
# quantities) against spaCy en_core_web_sm on the same texts, one core each.
# Texts: the article bodies dyad extracts from the extraction benchmark's pages,
# and the MEANTIME documents rebuilt as the scorer rebuilds them.
# usage: bench/language.sh [--no-spacy]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${DYAD_SHARED:-$root/../shared}
spacy=1
[ "${1:-}" = "--no-spacy" ] && spacy=0
texts=$(mktemp -d)
trap 'rm -rf "$texts"' EXIT

cd "$root"
cargo build --release --quiet
cargo build --release --quiet -p dyad-language --example throughput
target/release/dyad extract "$shared/data/article-extraction-benchmark/html" --format jsonl > "$texts/pages.jsonl"
python3 - "$texts" "$shared" <<'PY'
import json, os, sys, glob
out, shared = sys.argv[1], sys.argv[2]
n = 0
for line in open(os.path.join(out, "pages.jsonl"), encoding="utf-8"):
    o = json.loads(line)
    if o.get("text"):
        open(os.path.join(out, f"page{n:04d}.txt"), "w", encoding="utf-8").write(o["text"]); n += 1
sys.path.insert(0, os.path.join(shared, "eval"))
import score_meantime as sm
for i, f in enumerate(sorted(glob.glob(os.path.join(shared, "data/meantime-en/**/*.xml"), recursive=True))):
    text, _ = sm.load(f)
    open(os.path.join(out, f"meantime{i:03d}.txt"), "w", encoding="utf-8").write(text)
PY
echo "== dyad (language stage, one core)"
dyad=$(taskset -c 0 target/release/examples/throughput "$texts" 5)
echo "$dyad"
if [ "$spacy" = 1 ]; then
  venv="$here/.venv-spacy"
  . "$here/spacy_env.sh"
  ensure_spacy_venv "$venv" || { echo "spaCy not installable here; skipping the peer"; exit 0; }
  echo "== spaCy en_core_web_sm (nlp.pipe, one core)"
  PYTHONPATH="$here" taskset -c 0 "$venv/bin/python" - "$texts" <<'PY'
import glob, json, os, sys, time
import spacy_model
nlp = spacy_model.load()
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))]
words = sum(len(t.split()) for t in texts)
list(nlp.pipe(texts[:5]))
t = time.perf_counter()
n = sum(len(d.ents) for d in nlp.pipe(texts))
s = time.perf_counter() - t
print(json.dumps({"texts": len(texts), "words": words, "seconds": round(s, 3), "words_per_second": round(words / s), "entities": n}))
PY
fi
