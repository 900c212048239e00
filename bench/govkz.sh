#!/usr/bin/env bash
# The gov.kz benchmark of BENCHMARKS.md: `fetch news --under kz` of N bodies (default 1,400)
# served on 127.0.0.1 by examples/govkz_server.rs with Crawl-delay 0 and --delay 0, so that the
# tool's own time shows: a first fetch, then a weekly re-fetch with nothing new, then one with
# K bodies changed. Per run: requests per body (from the run's own summary lines), peak memory,
# and CPU time per body against the 1 s a real run waits between requests. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
BODIES=${1:-1400}
NEWS=${NEWS:-30}
CHANGED=${CHANGED:-100}
PORT=${PORT:-8098}
WORK=bench/work/govkz
rm -rf "$WORK" && mkdir -p "$WORK"
cargo build --release --quiet --bin appeal-audit --example govkz_server
BIN=target/release/appeal-audit
URL=http://127.0.0.1:$PORT

serve() { # $1: bodies with one new item
  target/release/examples/govkz_server --bodies "$BODIES" --news "$NEWS" --new "$1" --port "$PORT" 2>"$WORK/server.log" &
  SERVER=$!
  until grep -q serving "$WORK/server.log" 2>/dev/null; do sleep 0.1; done
}
measure() { # $1: label
  local label=$1
  /usr/bin/time -v "$BIN" --db "$WORK/appeals.db" fetch news --under kz --base-url "$URL" \
    --delay 0 --archive "$WORK/archive" --scraped-at 2026-12-02 2>"$WORK/$label.log" >/dev/null
  local user sys rss requests bodies
  user=$(grep 'User time' "$WORK/$label.log" | awk '{print $NF}')
  sys=$(grep 'System time' "$WORK/$label.log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$WORK/$label.log" | awk '{print $NF}')
  requests=$(grep -o '; [0-9]* requests' "$WORK/$label.log" | awk '{s += $2} END {print s}')
  bodies=$(grep -c '; [0-9]* requests' "$WORK/$label.log")
  awk -v l="$label" -v u="$user" -v s="$sys" -v r="$rss" -v q="$requests" -v b="$bodies" 'BEGIN {
    printf "%s: %d bodies, %.2f requests a body (news only; robots.txt and the list of bodies are 2 a run), peak RSS %d MiB, CPU %.1f ms a body = %.2f%% of the 1 s delay\n",
      l, b, q / b, r / 1024, (u + s) * 1000 / b, (u + s) * 100 / b }'
}

timed() { # $1: label; the rest: a command. Prints wall seconds and peak RSS.
  local label=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>"$WORK/$label.log"
  awk -v l="$label" '/Elapsed \(wall clock\)/ {n = split($NF, t, ":"); s = t[n] + (n > 1 ? t[n - 1] * 60 : 0)}
    /Maximum resident/ {r = $NF} END {printf "%s: %.2f s, peak RSS %d MiB\n", l, s, r / 1024}' "$WORK/$label.log"
}

serve 0
measure first-fetch
# The import of the first fetch's answers alone, against the same posts as a CSV: the tool's
# own CSV import and sqlite3's .import (the baseline), in the same run.
first=$(ls "$WORK"/archive/govkz-news-*.warc.gz | head -1)
timed import-pages-answers "$BIN" --db "$WORK/answers.db" import pages "$first"
"$BIN" --db "$WORK/answers.db" export posts --format csv --output "$WORK/posts.csv"
timed import-posts-csv "$BIN" --db "$WORK/csv.db" import posts "$WORK/posts.csv"
timed sqlite3-import sqlite3 "$WORK/sqlite.db" ".import --csv $WORK/posts.csv posts"
measure weekly-nothing-new
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
serve "$CHANGED"
measure "weekly-$CHANGED-changed"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
