#!/usr/bin/env bash
# `make fuzz`: runs every cargo-fuzz target (or those named) for FUZZ_SECONDS each, one after
# another, seeded from tests/fixtures (fuzz/seed_corpus.py), then writes the figures into
# docs/BENCHMARKS.md (tests/bench/fuzz_report.py). Crashes are left in fuzz/artifacts/<target>/
# and fail the run once every target has had its turn.
#
# Only this script builds with nightly flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain take
# them, and `-s none` (no sanitizer) needs no sanitizer runtime, which only nightly ships.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
SECONDS_EACH=${FUZZ_SECONDS:-60}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)

python3 seed_corpus.py "${targets[@]}"
cargo fuzz build -s none
mkdir -p artifacts/logs
results=artifacts/results.tsv
: > "$results"
for t in "${targets[@]}"; do
    rm -rf "artifacts/$t"
    mkdir -p "artifacts/$t"
    echo "== $t: ${SECONDS_EACH}s"
    start=$(date +%s%N)
    status=0
    cargo fuzz run -s none "$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        > "artifacts/logs/$t.log" 2>&1 || status=$?
    end=$(date +%s%N)
    crashes=$(find "artifacts/$t" -type f | wc -l)
    tail -n 6 "artifacts/logs/$t.log"
    printf '%s\t%s\t%s\t%s\n' "$t" "$(( (end - start) / 1000000 ))" "$status" "$crashes" >> "$results"
done
python3 ../tests/bench/fuzz_report.py "$results" artifacts/logs ../docs/BENCHMARKS.md
if awk -F'\t' '$4 > 0 || $3 != 0 { bad = 1 } END { exit !bad }' "$results"; then
    echo "crashes found: see fuzz/artifacts/<target>/ and fuzz/artifacts/logs/"
    exit 1
fi
