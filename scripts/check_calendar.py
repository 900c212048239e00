#!/usr/bin/env python3
"""Cross-check src/calendar/kz_calendar.csv against the `holidays` package (holidays.KZ).

For every year the table covers, compares the days each side says are off on Monday-Friday and
the Saturdays/Sundays each side says are worked (the package's substituted holidays and transfers
included, through HolidayBase.is_working_day). Prints every difference; exits 1 when a
difference is not in KNOWN_DIFFERENCES, 2 when the table or the package cannot be read, else 0.

Run from the repository root:  python3 scripts/check_calendar.py [--csv PATH]
Needs: pip install holidays
"""

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

DEFAULT_CSV = Path(__file__).resolve().parent.parent / "src" / "calendar" / "kz_calendar.csv"

# Differences between the table and the package that have been examined and are explained:
# (date, what the table says: True = working) -> why. The table follows the law (see the comments
# at the top of kz_calendar.csv). An entry excuses only that direction, so a wrong edit of the
# table on the same day still fails. With holidays 0.108 and 0.109 there is no difference at all.
KNOWN_DIFFERENCES: dict[tuple[date, bool], str] = {
    (date(2026, 8, 31), True): (
        "holidays releases before July 2026 (e.g. 0.100) keep Constitution Day on Sun 30 Aug 2026 "
        "and give Mon 31 Aug off; the new Constitution (in force 01.07.2026) made 15 March "
        "Constitution Day from 2027 and the Law on holidays dropped 30 Aug already in 2026 "
        "(package fixed in 0.108)"
    ),
}


def read_table(path: Path):
    """Return (days_off, workdays, first_year, last_year) or raise ValueError."""
    days_off, workdays = set(), set()
    previous = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("date,"):
            continue
        fields = line.split(",", 3)
        if len(fields) != 4 or not all(f.strip() for f in fields):
            raise ValueError(f"line {number}: expected date,kind,name,source: {raw!r}")
        try:
            day = date.fromisoformat(fields[0])
        except ValueError:
            raise ValueError(f"line {number}: bad date {fields[0]!r}") from None
        if previous is not None and day <= previous:
            raise ValueError(f"line {number}: {day} is not after {previous} (rows must be sorted)")
        previous = day
        kind = fields[1]
        if kind == "holiday":
            if day.weekday() >= 5:
                raise ValueError(f"line {number}: holiday row on a weekend: {day}")
            days_off.add(day)
        elif kind == "workday":
            if day.weekday() < 5:
                raise ValueError(f"line {number}: workday row on a weekday: {day}")
            workdays.add(day)
        else:
            raise ValueError(f"line {number}: kind must be holiday or workday, not {kind!r}")
    if previous is None:
        raise ValueError("no rows")
    years = [d.year for d in days_off | workdays]
    return days_off, workdays, min(years), max(years)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help=f"default: {DEFAULT_CSV}")
    args = parser.parse_args()

    try:
        import holidays
    except ImportError:
        print("the holidays package is not installed: pip install holidays", file=sys.stderr)
        return 2
    try:
        days_off, workdays, first, last = read_table(args.csv)
    except (OSError, ValueError) as e:
        print(f"{args.csv}: {e}", file=sys.stderr)
        return 2

    # One year more on each side: a transfer can cross New Year (Sat 2013-12-28 for Fri 2014-01-03).
    package = holidays.KZ(years=range(first - 1, last + 2), language="en_US")
    print(f"table {args.csv} covers {first}-{last}; holidays {holidays.__version__}")

    def day_is_working(d: date) -> bool:
        return (d in workdays) if d.weekday() >= 5 else (d not in days_off)

    unexplained, explained = 0, 0
    for year in range(first, last + 1):
        d, end = date(year, 1, 1), date(year, 12, 31)
        year_diffs = []
        while d <= end:
            ours = day_is_working(d)
            theirs = package.is_working_day(d)
            if ours != theirs:
                name = package.get(d) or ""
                what = (
                    f"{d} {d:%a}: table says {'working' if ours else 'day off'}, "
                    f"package says {'working' if theirs else 'day off'}"
                    + (f" ({name})" if name else "")
                )
                year_diffs.append((d, what))
            d += timedelta(days=1)
        status = "same" if not year_diffs else f"{len(year_diffs)} difference(s)"
        print(f"{year}: {status}")
        for day, what in year_diffs:
            key = (day, day_is_working(day))
            if key in KNOWN_DIFFERENCES:
                explained += 1
                print(f"  known: {what}\n    why: {KNOWN_DIFFERENCES[key]}")
            else:
                unexplained += 1
                print(f"  UNEXPLAINED: {what}")

    stale = [d for d, _ in KNOWN_DIFFERENCES if first <= d.year <= last]
    print(
        f"{unexplained} unexplained, {explained} known difference(s) "
        f"({len(KNOWN_DIFFERENCES)} listed, {len(stale)} in the table's years)"
    )
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
