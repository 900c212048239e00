#!/usr/bin/env bash
# Renders an HTML file (a report written with --format html) to a PNG with headless Chromium, as
# a reader's browser would show it: nothing is fetched, the profile is a throwaway folder.
#
#   scripts/screenshot.sh weekly.html docs/weekly.png [WIDTH,HEIGHT]
#
# With no arguments it makes docs/weekly.png, docs/weekly.ru.png and docs/weekly.kk.png from the
# bundled sample (data/): the weekly page of 2022-W38 as of 2022-10-03 in English, Russian and
# Kazakh, built in a scratch folder with a scratch database.
set -euo pipefail
# Paths given are relative to where the script is run; the sample is built from the repository.
if [ $# -gt 0 ]; then
  set -- "$(realpath "$1")" "$(realpath -m "${2:?usage: screenshot.sh FILE.html OUT.png [WIDTH,HEIGHT]}")" "${@:3}"
fi
cd "$(dirname "$0")/.."

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: no chromium found; on Debian: apt-get install -y chromium" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if [ $# -eq 0 ]; then
  cargo build --quiet --release
  export APPEAL_AUDIT_DB="$scratch/appeals.db"
  target/release/appeal-audit --quiet audit data --as-of 2022-10-03 >/dev/null
  for lang in en ru kk; do
    suffix=$([ "$lang" = en ] && echo "" || echo ".$lang")
    target/release/appeal-audit --lang "$lang" report weekly --week 2022-W38 \
      --as-of 2022-10-03 --format html --output "$scratch/weekly$suffix.html"
    [ "$lang" = kk ] || "$PWD/scripts/screenshot.sh" "$scratch/weekly$suffix.html" "$PWD/docs/weekly$suffix.png"
  done
  set -- "$scratch/weekly.kk.html" "$PWD/docs/weekly.kk.png"
fi

input=$1
output=$2
size=${3:-1200,2400}
mkdir -p "$(dirname "$output")"

# No GPU, no network services, no first-run or sync: only the page is drawn.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$scratch/profile" \
  --screenshot="$output" --window-size="$size" "file://$input" 2>"$scratch/chromium.log" \
  || { cat "$scratch/chromium.log" >&2; exit 1; }
[ -s "$output" ] || { cat "$scratch/chromium.log" >&2; echo "screenshot.sh: no $output" >&2; exit 1; }
echo "$output" >&2
