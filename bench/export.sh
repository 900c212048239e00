#!/usr/bin/env bash
# Benchmark for issue 15: `export appeals --format parquet` against `--format csv` of the same
# database, and `export database`: wall time, peak RSS (GNU time) and output size. Not a test:
# nothing here runs under `cargo test` or `.ci/run`.
#
#   bench/export.sh                # 200,000 appeals
#   bench/export.sh 1000000        # about 13 GB of disk at 1,000,000 (data, database, outputs)
#
# It reuses bench/run.sh's generated scrape when present (bench/work/N), imports it once into
# bench/work/N/export.db, then runs RUNS rounds; each round runs the CSV export, the Parquet
# export, and the Parquet export partitioned by year and by addressee, one after the other, each
# from `sync`.
# The figures of every run go to bench/results/export-N.tsv, and the medians to stdout.
#
# Environment: RUNS (2), SEED (1), AS_OF (2025-01-01), BENCH_WORK (bench/work),
# CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-200000}
RUNS=${RUNS:-2}
SEED=${SEED:-1}
AS_OF=${AS_OF:-2025-01-01}
WORK=${BENCH_WORK:-$ROOT/bench/work}
OUT=$ROOT/bench/results
D=$WORK/$N
command -v /usr/bin/time >/dev/null || { echo "bench: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

# The binary alone: with the example, dev-dependencies' features would rebuild half the tree.
cargo build --release --quiet --bin appeal-audit
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/appeal-audit
mkdir -p "$D" "$OUT"
if [ ! -f "$D/appeals.csv" ]; then
  echo "bench: generating $N appeals"
  cargo run --release --quiet --example generate -- --appeals "$N" --seed "$SEED" --out "$D"
fi
cd "$D"
if [ ! -f export.db ]; then
  echo "bench: importing into $D/export.db"
  "$BIN" -q --db export.db import directory directory.csv
  "$BIN" -q --db export.db import posts posts.csv
  "$BIN" -q --db export.db import appeals appeals.csv
fi

# One run: wall seconds, peak RSS in MiB and the output's size in MB, tab-separated.
measure() {
  local name=$1 output=$2
  shift 2
  rm -rf "$output"
  sync
  /usr/bin/time -v -o time.log "$BIN" -q --db export.db "$@" --output "$output" >/dev/null
  awk -v name="$name" -v size="$(du -sb "$output" | cut -f1)" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = t[n] + 60 * t[n - 1] + (n > 2 ? 3600 * t[1] : 0) }
    /Maximum resident set size/ { rss = $NF / 1024 }
    END { printf "%s\t%.2f\t%.1f\t%.1f\n", name, wall, rss, size / 1e6 }' time.log
}

TSV=$OUT/export-$N.tsv
printf 'command\tseconds\tpeak_rss_mib\tsize_mb\n' >"$TSV"
for round in $(seq "$RUNS"); do
  echo "bench: round $round of $RUNS"
  measure csv out.csv export appeals --format csv --as-of "$AS_OF" >>"$TSV"
  measure parquet out.parquet export appeals --format parquet --as-of "$AS_OF" >>"$TSV"
  measure parquet-by-year out-by-year export appeals --format parquet --partition-by year \
    --as-of "$AS_OF" >>"$TSV"
  measure parquet-by-addressee out-by-addressee export appeals --format parquet \
    --partition-by addressee --as-of "$AS_OF" >>"$TSV"
done
measure database public.db export database >>"$TSV"
chmod u+w public.db 2>/dev/null || true
rm -rf out.csv out.parquet out-by-year out-by-addressee public.db public.metadata.json

# Medians per command (the lower middle for an even count).
sort -t$'\t' -k1,1 -k2,2n <(tail -n +2 "$TSV") | awk -F'\t' '
  { n[$1]++; line[$1, n[$1]] = $0 }
  END { for (c in n) print line[c, int((n[c] + 1) / 2)] }' | sort
echo "bench: every run in $TSV"
