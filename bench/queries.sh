#!/usr/bin/env bash
# Query latency on a large store: builds a synthetic store of ARTICLES articles
# of 10 claims each (default 100,000: one million claims) through the store's
# own write path, then times 500 `ties` queries over random state pairs and 500
# `search` queries (common and rare words, a third with an actor filter, a
# fifth with a type filter) and prints the percentiles.
# usage: bench/queries.sh [ARTICLES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build --release --quiet -p dyad-store --examples
echo "== building a store of $n articles ($((n * 10)) claims)"
target/release/examples/synth "$work/store" "$n" 10 2> /dev/null
du -sh "$work/store" | awk '{print "store on disk: " $1}'
echo "== queries (one connection, warm)"
target/release/examples/queries "$work/store" 500 2> /dev/null
