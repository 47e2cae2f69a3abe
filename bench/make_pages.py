#!/usr/bin/env python3
"""Benchmark pages for ingest: the extraction benchmark's pages and the example
articles, repeated to N, each copy with its own canonical URL and one sentence
of its own, so that every copy is a new article.
usage: make_pages.py BENCHMARK_HTML_DIR EXAMPLES_DIR OUT_DIR N"""
import glob, gzip, os, re, sys
src, examples, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(glob.glob(os.path.join(src, "*"))) + sorted(glob.glob(os.path.join(examples, "*.html")))
pages = []
for f in files:
    raw = open(f, "rb").read()
    if f.endswith(".gz"):
        raw = gzip.decompress(raw)
    pages.append((os.path.basename(f).replace(".gz", ""), raw))
os.makedirs(out)
for i in range(n):
    name, raw = pages[i % len(pages)]
    url = f"https://bench.example/copy/{i}/{name}".encode()
    # (The copy's own URL replaces the page's: its canonical link and og:url.)
    raw = re.sub(rb"(?i)<link[^>]*rel=[\"']?canonical[^>]*>", b"", raw)
    raw = re.sub(rb"(?i)<meta[^>]*og:url[^>]*>", b"", raw)
    page = re.sub(rb"(?i)<head([^>]*)>", rb'<head\1><link rel="canonical" href="' + url + rb'">', raw, count=1)
    # One sentence of its own inside the article: at the end of its middle
    # paragraph (the last one is often in the footer).
    ends = [m.start() for m in re.finditer(rb"(?i)</p>", page)]
    if ends:
        k = ends[len(ends) // 2]
        page = page[:k] + b" This is reference copy %d of the page." % i + page[k:]
    sub = os.path.join(out, f"{i // 1000:03d}")
    os.makedirs(sub, exist_ok=True)
    open(os.path.join(sub, f"{i:06d}-{name}"), "wb").write(page)
