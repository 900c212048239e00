#!/usr/bin/env bash
# Benchmarks for issue 4 ("import as fast as SQLite's own CSV import, reports instant at
# national scale"). Not a test: nothing here runs under `cargo test` or `.ci/run`.
#
#   bench/run.sh                 # 10,000 and 200,000 appeals
#   bench/run.sh 1000000         # any sizes, one after another
#   RUNS=5 WARMUP=2 bench/run.sh 10000
#
# For each size: build --release, generate a deterministic scrape (examples/generate.rs), then
# with hyperfine, in RUNS paired rounds (each round runs every command once, one after the
# other, so that a shared machine's drift hits both sides of a ratio alike), compare
#   - `import appeals` into a fresh database (directory and posts already imported: the
#     database is copied from a template before each run) with `sqlite3 .import` and
#     `sqlite-utils insert --csv` into a fresh file;
#   - `import appeals` again, the file unchanged, with that round's first import;
#   - `report routing` and `report silence` with a naive `SELECT addressee, count(*) ...
#     GROUP BY addressee` over the table `sqlite3 .import` made;
# and measure the peak RSS of each with /usr/bin/time -v. Each ratio is the median of the
# rounds' ratios, with their min–max, written to bench/results/summary.md with how costs grow
# between sizes (every size whose results are in bench/results, from this run or an earlier).
# Every write starts from `sync`, so that one command's dirty pages are not the next one's bill.
#
# Environment: RUNS (3), WARMUP (1), SEED (1), AS_OF (2025-01-01), BENCH_WORK (bench/work:
# generated files and databases, about 21 GB at 1,000,000 appeals with sqlite-utils),
# SKIP_PEER=1 to leave out sqlite-utils, CARGO_TARGET_DIR, BENCH_COMMIT (a label for env.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
SEED=${SEED:-1}
AS_OF=${AS_OF:-2025-01-01}
WORK=${BENCH_WORK:-$ROOT/bench/work}
OUT=$ROOT/bench/results
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 200000)

for tool in hyperfine sqlite3 python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench: $tool is missing (apt-get install -y hyperfine sqlite3 time python3)" >&2
    exit 2
  }
done
PEER=1
if [ "${SKIP_PEER:-0}" = 1 ]; then
  PEER=0
  echo "bench: SKIP_PEER=1: sqlite-utils left out"
elif ! command -v sqlite-utils >/dev/null; then
  PEER=0
  echo "bench: sqlite-utils not found (pip install sqlite-utils): the peer comparison is skipped"
fi

mkdir -p "$WORK" "$OUT"
echo "bench: building --release"
cargo build --release --quiet --bin appeal-audit --example generate
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release/appeal-audit
GEN=$TARGET/release/examples/generate
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit: ${BENCH_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '(not a git checkout)')}" \
    "$(git -C "$ROOT" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null | grep -q . && echo '(src modified)')"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "rustc: $(rustc --version)"
  echo "hyperfine: $(hyperfine --version)"
  echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)"
  echo "sqlite-utils: $(sqlite-utils --version 2>/dev/null || echo absent)"
  echo "runs: $RUNS, warmup: $WARMUP, seed: $SEED, as-of: $AS_OF"
} >"$OUT/env.txt"

# Peak RSS in KiB and wall seconds of one command, from GNU time's verbose output.
peak() {
  local name=$1 prepare=$2 command=$3 log
  log=$(mktemp)
  bash -c "$prepare"
  /usr/bin/time -v -o "$log" bash -c "exec $command" >/dev/null 2>&1 || {
    echo "bench: failed: $command" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  }
  awk -v name="$name" -F': ' '
    /Maximum resident set size/ { rss = $2 }
    /Elapsed \(wall clock\)/ { wall = $2 }
    END { printf "%s\t%s\t%s\n", name, rss, wall }' "$log"
  rm -f "$log"
}

for N in "${SIZES[@]}"; do
  D=$WORK/$N
  mkdir -p "$D"
  cd "$D"
  stamp="seed=$SEED appeals=$N generator=$(sha256sum "$ROOT/examples/generate.rs" | cut -c1-16)"
  if [ ! -f appeals.csv ] || [ "$(cat .generated 2>/dev/null)" != "$stamp" ]; then
    echo "bench: generating $N appeals in $D"
    rm -f .generated
    /usr/bin/time -v -o generate.time "$GEN" --appeals "$N" --seed "$SEED" --out "$D"
    echo "$stamp" >.generated
  fi
  bytes=$(stat -L -c %s appeals.csv)
  echo "bench: $N appeals, $bytes bytes of CSV"

  # The template: the directory and posts a real audit imports first, so that appeals are
  # classified against a directory of a few hundred officials and departments.
  rm -f template.db template.db-wal template.db-shm
  "$BIN" -q --db template.db import directory directory.csv
  "$BIN" -q --db template.db import posts posts.csv
  FRESH='rm -f db.db db.db-wal db.db-shm db.db-journal && cp template.db db.db && sync'

  peer_names=()
  peer_prepare=()
  peer_commands=()
  if [ $PEER = 1 ]; then
    peer_names=(-n "sqlite-utils insert --csv")
    peer_prepare=(--prepare 'rm -f su.db su.db-wal su.db-shm && sync')
    peer_commands=("sqlite-utils insert su.db appeals appeals.csv --csv")
  fi

  # Paired rounds: each round runs every command once, one after another, so that the slow
  # drift of a shared machine's disk and CPU hits both sides of a ratio alike. Round r's
  # first import leaves db.db holding the file: that round's re-import finds it unchanged.
  rm -f "$OUT/$N"-round-*.json "$OUT/$N"-reports-*.json
  for round in $(seq 1 "$RUNS"); do
    warm=0
    [ "$round" = 1 ] && warm=$WARMUP
    echo "bench: $N appeals, imports, round $round of $RUNS"
    hyperfine --warmup "$warm" --runs 1 --style basic --export-json "$OUT/$N-round-$round.json" \
      --prepare "$FRESH" -n "appeal-audit import appeals" \
      "$BIN -q --db db.db import appeals appeals.csv" \
      --prepare 'rm -f sq.db sq.db-wal sq.db-shm && sync' -n "sqlite3 .import" \
      "sqlite3 sq.db -cmd '.mode csv' '.import appeals.csv appeals'" \
      "${peer_prepare[@]}" "${peer_names[@]}" "${peer_commands[@]}" \
      --prepare sync -n "appeal-audit import appeals (unchanged)" \
      "$BIN -q --db db.db import appeals appeals.csv" >"$OUT/$N-round-$round.log"
  done
  for round in $(seq 1 "$RUNS"); do
    warm=0
    [ "$round" = 1 ] && warm=$WARMUP
    echo "bench: $N appeals, reports, round $round of $RUNS"
    hyperfine --warmup "$warm" --runs 1 --style basic --export-json "$OUT/$N-reports-$round.json" \
      -n "appeal-audit report routing" \
      "$BIN -q --db db.db report routing --as-of $AS_OF --format csv" \
      -n "appeal-audit report silence" \
      "$BIN -q --db db.db report silence --as-of $AS_OF --format csv" \
      -n "sqlite3 GROUP BY addressee" \
      "sqlite3 sq.db 'SELECT addressee, count(*) FROM appeals GROUP BY addressee'" \
      >"$OUT/$N-reports-$round.log"
  done

  echo "bench: peak memory"
  {
    printf 'command\tmax_rss_kib\twall\n'
    peak "appeal-audit import appeals" "$FRESH" "$BIN -q --db db.db import appeals appeals.csv"
    peak "appeal-audit import appeals (unchanged)" sync "$BIN -q --db db.db import appeals appeals.csv"
    peak "sqlite3 .import" 'rm -f sq.db sq.db-wal sq.db-shm && sync' \
      "sqlite3 sq.db -cmd '.mode csv' '.import appeals.csv appeals'"
    if [ $PEER = 1 ]; then
      peak "sqlite-utils insert --csv" 'rm -f su.db su.db-wal su.db-shm && sync' \
        "sqlite-utils insert su.db appeals appeals.csv --csv"
    fi
    peak "appeal-audit report routing" true "$BIN -q --db db.db report routing --as-of $AS_OF --format csv"
    peak "appeal-audit report silence" true "$BIN -q --db db.db report silence --as-of $AS_OF --format csv"
    peak "sqlite3 GROUP BY addressee" true \
      "sqlite3 sq.db 'SELECT addressee, count(*) FROM appeals GROUP BY addressee'"
    awk -F': ' '/Maximum resident set size/ { rss = $2 } /Elapsed \(wall clock\)/ { wall = $2 }
      END { printf "generate (examples/generate.rs)\t%s\t%s\n", rss, wall }' generate.time
  } >"$OUT/$N-rss.tsv"
  {
    printf 'file\tbytes\n'
    for f in appeals.csv db.db sq.db su.db; do
      [ -f "$f" ] && printf '%s\t%s\n' "$f" "$(stat -L -c %s "$f")"
    done
  } >"$OUT/$N-sizes.tsv"
  cd "$ROOT"
done

echo "bench: summary"
python3 - "$OUT" <<'PY'
import glob, json, os, re, statistics, sys

out = sys.argv[1]
sizes = sorted({int(m.group(1)) for f in os.listdir(out)
                if (m := re.match(r"(\d+)-round-\d+\.json$", f))})

def rounds(n, part):
    """command -> [seconds of round 1, round 2, ...] (None where a round lacks it)."""
    files = sorted(glob.glob(os.path.join(out, f"{n}-{part}-*.json")),
                   key=lambda f: int(re.search(r"-(\d+)\.json$", f).group(1)))
    by = {}
    for i, f in enumerate(files):
        for r in json.load(open(f))["results"]:
            by.setdefault(r["command"], [None] * len(files))[i] = r["times"][0]
    return by

def timings(n):
    return {**rounds(n, "round"), **rounds(n, "reports")}

def ratio(a, b):
    """The median of the per-round ratios a/b, and their range."""
    if not a or not b:
        return "n/a"
    pairs = [x / y for x, y in zip(a, b) if x is not None and y is not None]
    if not pairs:
        return "n/a"
    return f"{statistics.median(pairs):.2f} ({min(pairs):.2f}–{max(pairs):.2f})"

def med(times):
    times = [t for t in times or [] if t is not None]
    return statistics.median(times) if times else None

def rss(n):
    path = os.path.join(out, f"{n}-rss.tsv")
    rows = {}
    if os.path.exists(path):
        for line in open(path).read().splitlines()[1:]:
            name, kib, wall = line.split("\t")
            rows[name] = (int(kib), wall)
    return rows

IMPORT = "appeal-audit import appeals"
REIMPORT = "appeal-audit import appeals (unchanged)"
SQLITE = "sqlite3 .import"
PEER = "sqlite-utils insert --csv"
ROUTING = "appeal-audit report routing"
SILENCE = "appeal-audit report silence"
NAIVE = "sqlite3 GROUP BY addressee"

lines = ["# Benchmark summary (bench/run.sh)", ""]
env = os.path.join(out, "env.txt")
if os.path.exists(env):
    lines += ["```"] + open(env).read().splitlines() + ["```", ""]
lines.append("Each round runs every command once, one after another; a ratio is the median of "
             "the rounds' ratios, with their range. Targets: import / sqlite3 .import ≤ 1.0, "
             "re-import / import ≤ 0.33, report / naive GROUP BY ≤ 0.25, import peak RSS ≤ 64 MiB.")
lines.append("")
lines.append("| appeals | rounds | import / sqlite3 .import | import / sqlite-utils | re-import / import "
             "| routing / GROUP BY | silence / GROUP BY | import peak RSS (MiB) |")
lines.append("|---:|---:|---|---|---|---|---|---:|")
for n in sizes:
    t = timings(n)
    peak = rss(n).get(IMPORT, (0, ""))[0] / 1024
    lines.append(
        f"| {n:,} | {len(t.get(IMPORT, []))} | {ratio(t.get(IMPORT), t.get(SQLITE))} "
        f"| {ratio(t.get(IMPORT), t.get(PEER))} | {ratio(t.get(REIMPORT), t.get(IMPORT))} "
        f"| {ratio(t.get(ROUTING), t.get(NAIVE))} | {ratio(t.get(SILENCE), t.get(NAIVE))} "
        f"| {peak:.1f} |")
lines.append("")
lines.append("## Median seconds (min–max over rounds), and per 1,000 appeals")
lines.append("")
commands = [IMPORT, SQLITE, PEER, REIMPORT, ROUTING, SILENCE, NAIVE]
lines.append("| command | " + " | ".join(f"{n:,}" for n in sizes) + " | growth, first to last size |")
lines.append("|---|" + "---:|" * len(sizes) + "---|")
for c in commands:
    cells, per = [], []
    for n in sizes:
        ts = [x for x in timings(n).get(c, []) if x is not None]
        if ts:
            m = med(ts)
            cells.append(f"{m:.3f} ({min(ts):.3f}–{max(ts):.3f}); {1e6 * m / n:.2f} ms/1k")
            per.append((n, m))
        else:
            cells.append("—")
    growth = ""
    if len(per) >= 2:
        (n0, t0), (n1, t1) = per[0], per[-1]
        growth = f"×{t1 / t0:.1f} time for ×{n1 / n0:.0f} appeals"
    lines.append(f"| {c} | " + " | ".join(cells) + f" | {growth} |")
lines.append("")
lines.append("## Peak resident memory (MiB, /usr/bin/time -v)")
lines.append("")
names = []
for n in sizes:
    for k in rss(n):
        if k not in names:
            names.append(k)
lines.append("| command | " + " | ".join(f"{n:,}" for n in sizes) + " |")
lines.append("|---|" + "---:|" * len(sizes))
for k in names:
    cells = []
    for n in sizes:
        v = rss(n).get(k)
        cells.append(f"{v[0] / 1024:.1f}" if v else "—")
    lines.append(f"| {k} | " + " | ".join(cells) + " |")
lines.append("")
lines.append("## File sizes (MB)")
lines.append("")
lines.append("| file | " + " | ".join(f"{n:,}" for n in sizes) + " |")
lines.append("|---|" + "---:|" * len(sizes))
files = {}
for n in sizes:
    path = os.path.join(out, f"{n}-sizes.tsv")
    if os.path.exists(path):
        for line in open(path).read().splitlines()[1:]:
            f, b = line.split("\t")
            files.setdefault(f, {})[n] = int(b)
labels = {"appeals.csv": "appeals.csv", "db.db": "appeal-audit database",
          "sq.db": "sqlite3 .import database", "su.db": "sqlite-utils database"}
for f, by in files.items():
    lines.append(f"| {labels.get(f, f)} | " + " | ".join(
        f"{by[n] / 1e6:.1f}" if n in by else "—" for n in sizes) + " |")
text = "\n".join(lines) + "\n"
open(os.path.join(out, "summary.md"), "w").write(text)
print(text)
PY
