#!/usr/bin/env bash
# Runs the Espace benchmarks (release build) and their Python peers on the same inputs, in
# the same run, and prints a Markdown table of medians and ratios (peer / Espace; above 1
# means Espace is faster).
#
#   Benchmarks/run.sh [--budget SECONDS] [--skip-build]
#
# Environment: ESPACE_SHARED (default ../shared), BENCH_OUT (default bench-out),
# PYTHON (default python3; needs `pip install pyld pyoxigraph jwcrypto`, and pyshacl for the SHACL peer),
# BENCH_SCRATCH (the build's scratch path, default .build-release).
# Outputs in $BENCH_OUT: espace.jsonl, peers.jsonl, table.md, and the generated inputs.
set -euo pipefail
cd "$(dirname "$0")/.."

budget=2
build=1
scratch="${BENCH_SCRATCH:-.build-release}"
while [ $# -gt 0 ]; do
    case "$1" in
        --budget) budget="$2"; shift 2 ;;
        --skip-build) build=0; shift ;;
        *) echo "usage: Benchmarks/run.sh [--budget SECONDS] [--skip-build]" >&2; exit 2 ;;
    esac
done

export ESPACE_SHARED="${ESPACE_SHARED:-$(cd .. && pwd)/shared}"
out="${BENCH_OUT:-bench-out}"
python="${PYTHON:-python3}"
mkdir -p "$out"

echo "== inputs" >&2
[ -f "$out/catalog-10000.jsonld" ] || "$python" Benchmarks/generate_catalog.py "$out/catalog-10000.jsonld" --datasets 10000
[ -f "$out/catalog-1000.jsonld" ] || "$python" Benchmarks/generate_catalog.py "$out/catalog-1000.jsonld" --datasets 1000
[ -f "$out/catalog-1000.canonical.nq" ] && [ -f "$out/vcjwt-PS256.jwk.json" ] || "$python" Benchmarks/peers.py prepare --data "$out"
[ -f "$out/shacl-gaiax-data-1000.nt" ] || "$python" Benchmarks/shacl_peer.py prepare --data "$out"

if [ "$build" = 1 ]; then
    echo "== swift build -c release (EspaceBenchmarks)" >&2
    swift build -c release --product EspaceBenchmarks --scratch-path "$scratch" >&2
fi
binary="$(swift build -c release --product EspaceBenchmarks --scratch-path "$scratch" --show-bin-path)/EspaceBenchmarks"

echo "== machine: $(uname -sm), $(nproc) cores; $(swift --version 2>&1 | head -1); $("$python" --version)" >&2
echo "== Espace" >&2
"$binary" --data "$out" --budget "$budget" | tee "$out/espace.jsonl" >&2
echo "== Python peers" >&2
"$python" Benchmarks/peers.py run --data "$out" --budget "$budget" | tee "$out/peers.jsonl" >&2
if "$python" -c "import pyshacl" 2>/dev/null; then
    "$python" Benchmarks/shacl_peer.py run --data "$out" --budget "$budget" | tee -a "$out/peers.jsonl" >&2
else
    echo "skip: pyshacl not installed (pip install pyshacl), no SHACL peer" >&2
fi

"$python" Benchmarks/peers.py table "$out/espace.jsonl" "$out/peers.jsonl" | tee "$out/table.md"
