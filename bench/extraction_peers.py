#!/usr/bin/env python3
"""Article-extraction benchmark: dyad vs. Python peers, side by side, on one core.

Runs every selected tool over the pages of the article-extraction benchmark
(html/<id>.html.gz + ground-truth.json), scores each tool's output with the
project's scorer (shared/eval/score_extraction.py, imported from its path) and
prints a Markdown table of precision, recall, F1 and pages per second.

How each tool is timed
* Python peers: each page is timed doing the same work as dyad: reading its .gz
  file, gunzip, UTF-8 decoding and the extraction call (time.perf_counter around
  the whole, summed over pages).
  One untimed warm-up call is made before the first round.
* dyad: `taskset -c 0 DYAD extract BENCH/html --format jsonl` is run as a
  subprocess and timed wall-clock from spawn to exit, so its figure includes
  process start, directory listing, file reading and gunzip: it is conservative.
* Rounds are interleaved (round 1 of every tool, then round 2 of every tool...),
  so that all tools see the same machine load; the best round (max pages/s) counts.
* Everything runs on CPU 0: this process pins itself (sched_setaffinity; it is
  normally started under `taskset -c 0` by bench/extraction.sh as well), and the
  dyad subprocess is started under `taskset -c 0`.

Robustness
* Network access is blocked inside this process (socket connect / DNS raise at
  once), so that no peer can stall on a download; attempts are counted.
* A peer that raises (or exceeds --page-timeout) on a page gets empty text for
  that page; failures are counted and listed. A peer that fails to import is
  skipped with a message.

Normally started by bench/extraction.sh, which sets up the virtual environment.
"""
import argparse
import contextlib
import datetime
import gzip
import importlib.util
import io
import json
import logging
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
WORD = re.compile(r"\w+", re.UNICODE)  # same token rule as the scorer

# --------------------------------------------------------------------------
# Network blocking
# --------------------------------------------------------------------------

NETWORK_ATTEMPTS = []  # (function name, first argument) of every refused call


def block_network():
    """Make every outgoing connection and DNS lookup in this process fail at once.

    newspaper4k (image fetching) and friends otherwise try to reach the network,
    and with no network here they stall for minutes on DNS.
    """

    def refuser(name):
        def refuse(*args, **kwargs):
            NETWORK_ATTEMPTS.append((name, repr(args)[:120]))
            raise OSError(f"network disabled by the extraction benchmark ({name})")
        return refuse

    socket.socket.connect = refuser("socket.connect")
    socket.socket.connect_ex = refuser("socket.connect_ex")
    socket.create_connection = refuser("create_connection")
    socket.getaddrinfo = refuser("getaddrinfo")
    socket.gethostbyname = refuser("gethostbyname")
    socket.gethostbyname_ex = refuser("gethostbyname_ex")


# --------------------------------------------------------------------------
# Peers: each setup function imports its package and returns
# extract(html: str, url: str) -> str. ImportError (or any error) at setup
# time means the peer is skipped.
# --------------------------------------------------------------------------

def setup_trafilatura():
    import trafilatura

    def extract(html, url):
        # As the benchmark's own runner calls it.
        return trafilatura.extract(html, include_comments=False) or ""
    return extract


def setup_trafilatura_precision():
    import trafilatura

    def extract(html, url):
        return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
    return extract


def setup_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text

    def extract(html, url):
        return extract_plain_text(html, main_content=True) or ""
    return extract


def setup_readability():
    import html_text
    from readability import Document

    def extract(html, url):
        # readability-lxml returns HTML; html-text turns it into text with one
        # paragraph per line (guess_layout), as the benchmark's runner does.
        return html_text.extract_text(Document(html).summary(html_partial=True)) or ""
    return extract


def setup_goose3():
    from goose3 import Goose

    # One extractor reused for all pages (the benchmark's runner builds a new
    # Goose() per page, which only adds set-up time). No image fetching; with
    # raw_html and no URL goose3 does not fetch the page.
    goose = Goose({"enable_image_fetching": False})

    def extract(html, url):
        return goose.extract(raw_html=html).cleaned_text or ""
    return extract


def setup_newspaper4k():
    from newspaper import Article

    def extract(html, url):
        # Offline use, as in shared/notes/extraction-peers.md: the benchmark's
        # runner fetches images by default, which stalls without a network.
        article = Article(url or "http://example.invalid/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""
    return extract


# name -> (label for the table, distributions whose versions are shown, setup)
PEERS = {
    "trafilatura": ("trafilatura (default)", ["trafilatura"], setup_trafilatura),
    "trafilatura-precision": ("trafilatura favor_precision", ["trafilatura"], setup_trafilatura_precision),
    "resiliparse": ("resiliparse main_content", ["resiliparse"], setup_resiliparse),
    "readability": ("readability-lxml + html-text", ["readability-lxml", "html-text"], setup_readability),
    "goose3": ("goose3", ["goose3"], setup_goose3),
    "newspaper4k": ("newspaper4k (offline)", ["newspaper4k"], setup_newspaper4k),
}


def dist_version(names):
    out = []
    for n in names:
        try:
            out.append(metadata.version(n))
        except metadata.PackageNotFoundError:
            out.append("?")
    return " / ".join(out)


# --------------------------------------------------------------------------
# Data, scoring
# --------------------------------------------------------------------------

def load_pages(bench_dir):
    """Return [(id, file name, html str, url)] for every html/<id>.html.gz, and the truth."""
    with open(os.path.join(bench_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    html_dir = os.path.join(bench_dir, "html")
    pages = []
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith(".html.gz"):
            continue
        pid = name.split(".")[0]
        with open(os.path.join(html_dir, name), "rb") as f:
            html = gzip.decompress(f.read()).decode("utf-8", errors="replace")
        pages.append((pid, os.path.join(html_dir, name), html, (truth.get(pid) or {}).get("url", "")))
    return pages, truth


def load_scorer(path):
    """Import shared/eval/score_extraction.py from its path (not copied)."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_file(scorer, bench_dir, jsonl_path):
    """Score a predictions file exactly as `score_extraction.py BENCH FILE --json` does."""
    argv, buf = sys.argv, io.StringIO()
    try:
        sys.argv = ["score_extraction.py", bench_dir, jsonl_path, "--json"]
        with contextlib.redirect_stdout(buf):
            scorer.main()
    finally:
        sys.argv = argv
    return json.loads(buf.getvalue().strip().splitlines()[-1])


def write_jsonl(path, pages, texts):
    with open(path, "w", encoding="utf-8") as f:
        for (pid, path, _html, _url), text in zip(pages, texts):
            f.write(json.dumps({"path": os.path.basename(path), "text": text}, ensure_ascii=False) + "\n")


def count_empty(texts):
    return sum(1 for t in texts if not WORD.search(t or ""))


# --------------------------------------------------------------------------
# Running the tools
# --------------------------------------------------------------------------

class PageTimeout(BaseException):
    """Raised by SIGALRM; a BaseException so that peers' `except Exception` can't swallow it."""


def _on_alarm(signum, frame):
    raise PageTimeout()


def run_peer_round(extract, pages, page_timeout):
    """One pass over all pages. Returns (texts, wall seconds, cpu seconds, failures)."""
    texts, failures = [], []
    wall = cpu = 0.0
    for pid, path, _html, url in pages:
        signal.setitimer(signal.ITIMER_REAL, page_timeout)
        c0, t0 = time.process_time(), time.perf_counter()
        try:
            # Same work as dyad's timed run: read the file, gunzip, decode, extract.
            with open(path, "rb") as f:
                html = gzip.decompress(f.read()).decode("utf-8", errors="replace")
            text = extract(html, url)
            if not isinstance(text, str):
                text = "" if text is None else str(text)
        except PageTimeout:
            text = ""
            failures.append((pid, f"timeout after {page_timeout:g} s"))
        except Exception as e:  # noqa: BLE001 - any peer crash means an empty page
            text = ""
            failures.append((pid, f"{type(e).__name__}: {e}"[:160]))
        t1, c1 = time.perf_counter(), time.process_time()
        signal.setitimer(signal.ITIMER_REAL, 0)
        wall += t1 - t0
        cpu += c1 - c0
        texts.append(text)
    return texts, wall, cpu, failures


def run_dyad_round(dyad, html_dir, out_path, err_path, timeout):
    """Run dyad once over the directory; returns (wall s, cpu s, exit code)."""
    cmd = [dyad, "extract", html_dir, "--format", "jsonl"]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "0"] + cmd
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The time limit is enforced by coreutils `timeout`, not by
    # subprocess.run(timeout=...): with a timeout, Popen.wait polls with sleeps
    # of up to 50 ms, and that latency would be counted as dyad's time.
    if shutil.which("timeout"):
        cmd = ["timeout", str(int(timeout))] + cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        rc = subprocess.run(cmd, stdout=out, stderr=err).returncode
        wall = time.perf_counter() - t0
        if rc == 124:
            rc = "timeout"
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, rc


def read_dyad_output(path, pages):
    """Per-page texts from dyad's JSONL, plus failures (error lines, missing pages)."""
    by_id, errors = {}, {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                o = json.loads(line)
            except ValueError:
                continue
            pid = os.path.basename(str(o.get("path", ""))).split(".")[0]
            if o.get("error"):
                errors[pid] = str(o["error"])[:160]
                by_id[pid] = ""
            else:
                by_id[pid] = o.get("text") or "\n\n".join(o.get("paragraphs") or [])
    failures = [(pid, errors[pid]) for pid, *_ in pages if pid in errors]
    failures += [(pid, "no output line") for pid, *_ in pages if pid not in by_id]
    return [by_id.get(pid, "") for pid, *_ in pages], failures


def dyad_version(dyad):
    try:
        r = subprocess.run([dyad, "--version"], capture_output=True, text=True, timeout=10)
        return (r.stdout.strip().splitlines() or ["?"])[0] if r.returncode == 0 else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def fmt_ratio(a, b):
    return f"{a / b:.1f}x" if a and b else "n/a"


def build_report(results, meta):
    """Markdown report: table + summary lines + notes + failures."""
    dyad = next((r for r in results if r["key"] == "dyad"), None)
    dyad_pps = dyad["pages_per_s"] if dyad else None
    lines = [
        f"# Extraction benchmark, {meta['date']}",
        "",
        f"{meta['pages']} pages from `{meta['bench']}`; best of {meta['rounds']} interleaved rounds; "
        f"everything pinned to CPU 0 of a {meta['nproc']}-CPU machine "
        f"(load average {meta['load_before']} before, {meta['load_after']} after). "
        f"Python {meta['python']}. Scorer: `{meta['scorer']}` (4-token shingles, mean P, mean R, F1 of the means).",
        "",
        "| tool | version | precision | recall | F1 | pages/s (1 core) | CPU pages/s | dyad speed ÷ tool | "
        "pages/s per round | failures | empty |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in sorted(results, key=lambda r: -r["f1"]):
        rounds = " / ".join(f"{x:.1f}" for x in r["round_pages_per_s"])
        lines.append(
            f"| {'**dyad**' if r['key'] == 'dyad' else r['label']} | {r['version']} | {r['precision']:.3f} | "
            f"{r['recall']:.3f} | {r['f1']:.3f} | {r['pages_per_s']:.1f} | {r['cpu_pages_per_s']:.1f} | "
            f"{fmt_ratio(dyad_pps, r['pages_per_s'])} | {rounds} | {r['failures']} | {r['empty']} |")
    lines.append("")
    peers = [r for r in results if r["key"] != "dyad"]
    by_key = {r["key"]: r for r in results}
    if dyad and peers:
        best = max(peers, key=lambda r: r["f1"])
        lines.append(f"- dyad F1 minus best peer F1: {dyad['f1'] - best['f1']:+.3f} "
                     f"(dyad {dyad['f1']:.3f}, best peer {best['label']} {best['f1']:.3f})")
    else:
        lines.append("- dyad F1 minus best peer F1: n/a")
    for key, label in (("trafilatura", "trafilatura default"), ("resiliparse", "resiliparse")):
        other = by_key.get(key)
        lines.append(f"- dyad speed / {label} speed: "
                     f"{fmt_ratio(dyad_pps, other['pages_per_s'] if other else None)}")
    lines += [
        "",
        "Notes:",
        "- dyad's pages/s is wall-clock of the whole `taskset -c 0 dyad extract DIR --format jsonl` process: "
        "process start, reading and gunzip of every file and writing JSONL are included. "
        "The Python peers are timed per page on the same work minus process start and output: reading the "
        ".gz file, gunzip, UTF-8 decoding and extraction (an untimed warm-up call is made first).",
        "- CPU pages/s uses process CPU time (dyad: user+sys of the child), less sensitive to other load.",
        "- failures = pages where the tool raised, timed out or (dyad) printed an error / no line; they are "
        "scored as empty. empty = pages whose output has no \\w token (failures included).",
        "- F1 differences under about 0.01 are within the bootstrap noise of 121 pages; speeds on this shared "
        "machine vary by up to about 1.7x between runs, ratios within one run are steadier.",
        f"- network attempts refused inside the peers' process: {meta['network_attempts']}",
    ]
    if meta["skipped"]:
        lines.append("- skipped: " + "; ".join(f"{k} ({why})" for k, why in meta["skipped"]))
    if dyad and dyad.get("exit_code") not in (0, None):
        lines.append(f"- dyad exit code: {dyad['exit_code']} (stderr in {dyad['stderr']})")
    failing = [r for r in results if r["failure_list"]]
    if failing:
        lines += ["", "Failures (page id prefix: error):"]
        for r in failing:
            shown = r["failure_list"][:10]
            more = f"; ... {len(r['failure_list']) - 10} more" if len(r["failure_list"]) > 10 else ""
            lines.append(f"- {r['label']}: " + "; ".join(f"`{pid[:12]}`: {msg}" for pid, msg in shown) + more)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dyad", default=os.path.join(REPO_ROOT, "target", "release", "dyad"),
                    help="dyad binary (default: REPO/target/release/dyad)")
    ap.add_argument("--bench", default=os.path.join(REPO_ROOT, "..", "shared", "data", "article-extraction-benchmark"),
                    help="benchmark directory with html/ and ground-truth.json")
    ap.add_argument("--scorer", default=None,
                    help="path of score_extraction.py (default: BENCH/../../eval/score_extraction.py)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per tool; the best counts (default 3)")
    ap.add_argument("--peers", default="all",
                    help="comma-separated peers, 'all' or 'none'; known: " + ", ".join(PEERS))
    ap.add_argument("--no-dyad", action="store_true", help="run the peers only")
    ap.add_argument("--out", default=os.path.join(HERE, "out"), help="output directory (default bench/out)")
    ap.add_argument("--page-timeout", type=float, default=60.0,
                    help="seconds a peer may spend on one page before it counts as a failure")
    ap.add_argument("--dyad-timeout", type=float, default=900.0, help="seconds for one dyad run")
    a = ap.parse_args()

    bench = os.path.abspath(a.bench)
    scorer_path = os.path.abspath(a.scorer or os.path.join(bench, "..", "..", "eval", "score_extraction.py"))
    if a.peers in ("all", ""):
        wanted = list(PEERS)
    elif a.peers == "none":
        wanted = []
    else:
        wanted = [p.strip() for p in a.peers.split(",") if p.strip()]
        unknown = [p for p in wanted if p not in PEERS]
        if unknown:
            ap.error(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}")
    if a.rounds < 1:
        ap.error("--rounds must be >= 1")
    os.makedirs(a.out, exist_ok=True)

    # One core for everything (children such as dyad inherit it too).
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError) as e:
        log(f"WARNING: could not pin to CPU 0: {e}")

    block_network()
    warnings.filterwarnings("ignore")           # e.g. newspaper4k's "nltk is not installed"
    logging.basicConfig(level=logging.CRITICAL)  # peers' own logging would flood stderr
    signal.signal(signal.SIGALRM, _on_alarm)

    scorer = load_scorer(scorer_path)
    load_before = "%.2f" % os.getloadavg()[0]
    log(f"== loading pages from {bench}")
    pages, _truth = load_pages(bench)
    n = len(pages)
    log(f"   {n} pages ({sum(len(h) for _, _, h, _ in pages) / 1e6:.1f} M characters of HTML)")

    # ---- set up the peers (import + one untimed warm-up call)
    skipped, tools = [], []  # tools: (key, label, version, extract)
    for key in wanted:
        label, dists, setup = PEERS[key]
        try:
            extract = setup()
            extract(pages[0][2], pages[0][3])
        except Exception as e:  # noqa: BLE001 - ImportError or a broken install
            log(f"   SKIP {key}: {type(e).__name__}: {e}")
            skipped.append((key, f"{type(e).__name__}: {str(e)[:100]}"))
            continue
        tools.append((key, label, dist_version(dists), extract))

    run_dyad = not a.no_dyad
    if run_dyad and not (os.path.isfile(a.dyad) and os.access(a.dyad, os.X_OK)):
        log(f"   SKIP dyad: no executable at {a.dyad} (build it with `cargo build --release`)")
        skipped.append(("dyad", f"no executable at {a.dyad}"))
        run_dyad = False

    # ---- interleaved rounds: every tool once per round
    timing = {}  # key -> list of (wall, cpu)
    first = {}   # key -> (texts, failures) of the first round (the outputs scored)
    dyad_rc = None
    dyad_out = os.path.join(a.out, "dyad.jsonl")
    dyad_err = os.path.join(a.out, "dyad.stderr")
    for rnd in range(1, a.rounds + 1):
        if run_dyad:
            # First round writes bench/out/dyad.jsonl (scored); later rounds a scratch file.
            target = dyad_out if rnd == 1 else os.path.join(a.out, "dyad.round.jsonl")
            wall, cpu, rc = run_dyad_round(a.dyad, os.path.join(bench, "html"), target, dyad_err, a.dyad_timeout)
            dyad_rc = rc if rnd == 1 or rc != 0 else dyad_rc
            timing.setdefault("dyad", []).append((wall, cpu))
            log(f"   round {rnd}/{a.rounds} dyad: {n / wall:.1f} pages/s (exit {rc})")
        for key, label, _version, extract in tools:
            texts, wall, cpu, failures = run_peer_round(extract, pages, a.page_timeout)
            timing.setdefault(key, []).append((wall, cpu))
            if rnd == 1:
                first[key] = (texts, failures)
            log(f"   round {rnd}/{a.rounds} {key}: {n / wall:.1f} pages/s, {len(failures)} failures")
    scratch = os.path.join(a.out, "dyad.round.jsonl")
    if os.path.exists(scratch):
        os.remove(scratch)

    # ---- score
    results = []

    def add_result(key, label, version, jsonl, texts, failures, extra=None):
        s = score_file(scorer, bench, jsonl)
        walls = [w for w, _ in timing[key]]
        cpus = [c for _, c in timing[key]]
        results.append({
            "key": key, "label": label, "version": version,
            "precision": s["precision"], "recall": s["recall"], "f1": s["f1"],
            "pages_per_s": n / min(walls), "cpu_pages_per_s": n / min(cpus) if min(cpus) > 0 else 0.0,
            "round_pages_per_s": [n / w for w in walls],
            "failures": len(failures), "failure_list": failures, "empty": count_empty(texts),
            "predictions": jsonl, **(extra or {}),
        })

    for key, label, version, _extract in tools:
        texts, failures = first[key]
        jsonl = os.path.join(a.out, f"{key}.jsonl")
        write_jsonl(jsonl, pages, texts)
        add_result(key, label, version, jsonl, texts, failures)
    if run_dyad:
        texts, failures = read_dyad_output(dyad_out, pages)
        add_result("dyad", "dyad", dyad_version(a.dyad), dyad_out, texts, failures,
                   {"exit_code": dyad_rc, "stderr": dyad_err})

    meta = {
        "date": datetime.date.today().isoformat(), "bench": bench, "pages": n, "rounds": a.rounds,
        "nproc": os.cpu_count(), "load_before": load_before, "load_after": "%.2f" % os.getloadavg()[0],
        "python": platform.python_version(), "scorer": scorer_path,
        "network_attempts": len(NETWORK_ATTEMPTS), "skipped": skipped,
    }
    report = build_report(results, meta)
    print(report)
    md_path = os.path.join(a.out, f"extraction-{meta['date']}.md")
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(report)
    with open(os.path.join(a.out, f"extraction-{meta['date']}.json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "results": results}, f, indent=1, ensure_ascii=False)
    log(f"== report saved to {md_path} (predictions and a JSON copy in {a.out})")


if __name__ == "__main__":
    main()
