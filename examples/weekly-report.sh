#!/usr/bin/env bash
# Weekly report for cron: import this week's scrape folder, write weekly-YYYY-Www.md and a CSV
# export for the spreadsheet, and exit non-zero when a department has gone silent.
#
#   weekly-report.sh SCRAPE_DIR [OUT_DIR]
#
# Environment: APPEAL_AUDIT_DB (the database, default ./appeals.db), APPEAL_AUDIT (the binary,
# default appeal-audit on PATH), STALE_AFTER (days, default 30), AS_OF (default today).
# Exit codes: 0 all fresh; 2 wrong usage (no SCRAPE_DIR); 3 a department is stale or never
# posted (the report is still written; officials, who are not expected to post news, and bodies
# gov.kz refused to read, `not_read`, never set it off); anything else, a failure (nothing
# half-written: outputs appear whole or not at all).
set -euo pipefail

usage="usage: weekly-report.sh SCRAPE_DIR [OUT_DIR]"
if [[ $# -lt 1 || $# -gt 2 || -z $1 ]]; then
  echo "$usage" >&2
  exit 2
fi
scrape_dir=$1
out_dir=${2:-.}
bin=${APPEAL_AUDIT:-appeal-audit}
as_of=${AS_OF:-$(date +%F)}
stale_after=${STALE_AFTER:-30}

# The ISO week that ended before the as-of date, as `report weekly` picks it by default.
week=$(date -d "$as_of -7 days" +%G-W%V)
mkdir -p "$out_dir"

"$bin" --quiet audit "$scrape_dir" --as-of "$as_of" --format md --output "$out_dir/audit-$week.md"
"$bin" report weekly --week "$week" --as-of "$as_of" --stale-after "$stale_after" \
  --format md --output "$out_dir/weekly-$week.md"
"$bin" --quiet export appeals --as-of "$as_of" --excel --output "$out_dir/appeals-$week.csv"

# Last, so that the files above are written whatever it finds: exit 3 when a department is
# stale or never posted. The silence CSV lists departments only, as the exit code counts them.
"$bin" report silence --kind department --as-of "$as_of" --stale-after "$stale_after" \
  --fail-if-stale --format csv --output "$out_dir/silence-$week.csv"
