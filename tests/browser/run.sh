#!/usr/bin/env bash
# Browser tests of the reader: builds a store from the examples and one page
# with script payloads, serves it on a free loopback port, and runs
# tests/browser/reader.py (Selenium, headless Chromium). Screenshots go to
# docs/screenshots/. Needs Debian's chromium and chromium-driver.
# usage: tests/browser/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cd "$root"
cargo build --release --quiet
venv="$root/tests/browser/.venv"
if ! "$venv/bin/python" -c "import selenium" 2> /dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q selenium
fi
dyad=target/release/dyad
"$dyad" ingest examples --data "$work/data" > /dev/null 2>&1
mkdir -p "$work/xss"
cat > "$work/xss/payload.html" <<'HTML'
<!doctype html><html><head><title>Payload test page</title></head><body><article>
<h1>Iran &lt;script&gt;window.__xss=1&lt;/script&gt; and Russia</h1>
<p>Iran said on Monday that it had sent drones to Russia, and that the words &lt;script&gt;window.__xss=1&lt;/script&gt; and &lt;img src=x onerror="window.__xss=2"&gt; in this sentence are text, not code, whatever the store holds.</p>
<p>Russia denied receiving any drones from Iran, a spokesman said in Moscow on Tuesday, and the payload &lt;svg onload=window.__xss=3&gt; stays text too.</p>
</article></body></html>
HTML
"$dyad" ingest "$work/xss" --data "$work/data" > "$work/xss.json" 2>&1
xss_id=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute(\"SELECT id FROM articles WHERE text LIKE '%__xss%' ORDER BY id DESC\").fetchone()[0])" "$work/data/dyad.sqlite")
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$dyad" serve --data "$work/data" --addr "127.0.0.1:$port" 2> "$work/serve.log" &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/api/" > /dev/null && break; sleep 0.1; done
"$venv/bin/python" "$here/reader.py" "http://127.0.0.1:$port" "$root/docs/screenshots" "$xss_id"
