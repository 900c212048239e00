#!/usr/bin/env bash
# Fuzzing for a bounded time, outside `cargo test` (RELIABILITY.md).
#
#   scripts/fuzz.sh [SECONDS]      default 60; FUZZ_SEED=N repeats a run of the stable driver
#
# 1. cargo-fuzz targets (fuzz/), when cargo-fuzz and a nightly toolchain are installed: they get
#    half the time, shared between them. Without them this step says so and is skipped.
# 2. Always: the stable-Rust driver examples/fuzz_inputs.rs, which throws random mutations of
#    the seed files (data/ and built-in ones) with random options at `appeal-audit import`, and
#    runs reports over what imports. It uses a debug build, which panics on integer overflow.
#
# Prints executions and time per step. Exits 1 when anything panicked, crashed or hung; the
# inputs are saved under target/fuzz-findings/ (cargo-fuzz: fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
    ;;
esac
target_dir="${CARGO_TARGET_DIR:-target}"
status=0
driver_seconds="$seconds"

if [ -d fuzz ] && cargo fuzz --version >/dev/null 2>&1 && cargo +nightly --version >/dev/null 2>&1; then
  targets=$(cargo +nightly fuzz list 2>/dev/null || true)
  count=$(echo "$targets" | wc -w)
  if [ "$count" -gt 0 ]; then
    driver_seconds=$(( (seconds + 1) / 2 ))
    each=$(( (seconds - driver_seconds) / count ))
    [ "$each" -ge 1 ] || each=1
    for target in $targets; do
      log="$target_dir/fuzz-$target.log"
      mkdir -p "$target_dir"
      started=$(date +%s)
      if cargo +nightly fuzz run "$target" -- -max_total_time="$each" -print_final_stats=1 >"$log" 2>&1; then
        result=ok
      else
        result="FINDING (see $log and fuzz/artifacts/$target/)"
        status=1
      fi
      runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
      echo "cargo-fuzz $target: ${runs:-?} executions in $(( $(date +%s) - started )) s: $result"
    done
  else
    echo "cargo-fuzz: no targets under fuzz/; skipped"
  fi
else
  echo "cargo-fuzz: skipped (needs targets under fuzz/, cargo install cargo-fuzz, and a nightly toolchain)"
fi

echo "building appeal-audit and examples/fuzz_inputs (debug) ..."
cargo build --quiet --bin appeal-audit --example fuzz_inputs
seed_args=()
if [ -n "${FUZZ_SEED:-}" ]; then
  seed_args=(--seed "$FUZZ_SEED")
fi
started=$(date +%s)
"$target_dir/debug/examples/fuzz_inputs" \
  --seconds "$driver_seconds" \
  --bin "$target_dir/debug/appeal-audit" \
  --seeds data \
  --out "$target_dir/fuzz-findings" \
  "${seed_args[@]}" || status=1
echo "stable driver: $(( $(date +%s) - started )) s wall"
exit "$status"
