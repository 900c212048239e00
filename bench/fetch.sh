#!/usr/bin/env bash
# The fetch benchmark of BENCHMARKS.md: a blog of N appeals (default 5,000: 500 questions pages)
# served on 127.0.0.1 by examples/portal_server.rs with Crawl-delay 0; a first fetch on one core
# (pages/s, peak memory), the same crawl without the import, then a re-fetch a week later with
# 50 appeals changed (pages requested against the full fetch's). Needs GNU time and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."
APPEALS=${1:-5000}
CHANGED=${CHANGED:-50}
PORT=${PORT:-8099}
WORK=bench/work/fetch
rm -rf "$WORK" && mkdir -p "$WORK"
cargo build --release --quiet --bin appeal-audit --example portal_server
BIN=target/release/appeal-audit
URL=http://127.0.0.1:$PORT

serve() { # $1: changed appeals
  target/release/examples/portal_server --appeals "$APPEALS" --changed "$1" --port "$PORT" 2>"$WORK/server.log" &
  SERVER=$!
  until grep -q serving "$WORK/server.log" 2>/dev/null; do sleep 0.1; done
}
measure() { # $1: label; the rest: appeal-audit's arguments
  local label=$1; shift
  /usr/bin/time -v taskset -c 0 "$BIN" --db "$WORK/appeals.db" "$@" 2>"$WORK/$label.log" >/dev/null
  local seconds rss line
  seconds=$(grep 'Elapsed (wall clock)' "$WORK/$label.log" | awk '{print $NF}' | awk -F: '{print ($1 * 60) + $2}')
  rss=$(grep 'Maximum resident set size' "$WORK/$label.log" | awk '{print $NF}')
  line=$(grep ' pages requested' "$WORK/$label.log")
  echo "$label: ${seconds} s, peak RSS $((rss / 1024)) MiB; $line"
}

serve 0
measure crawl-only fetch 2719746 --base-url "$URL" --delay 0 --archive "$WORK/crawl" --no-import
measure first-fetch fetch 2719746 --base-url "$URL" --delay 0 --archive "$WORK/archive" --scraped-at 2026-11-25
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
serve "$CHANGED"
measure re-fetch fetch 2719746 --base-url "$URL" --delay 0 --archive "$WORK/archive" --scraped-at 2026-12-02
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
echo "changes seen by the re-fetch:"
"$BIN" --db "$WORK/appeals.db" report changes --since 2026-12-02 --format csv | cut -d, -f5 | sort | uniq -c
