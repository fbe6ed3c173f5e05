"""The `spacefacts today` queries: the rows for a date, ranked and limited; the one-line motd; coverage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacefacts.dataset import Dataset
from spacefacts.errors import UsageError
from spacefacts.today.dates import CALENDAR_DAYS, day_name, window
from spacefacts.today.ranking import CATEGORY_RULE, OTHER_LAUNCHES_RULE, RULE, calendar_of
from spacefacts.today.rows import CATEGORIES, Anniversary

DEFAULT_LIMIT = 12


@dataclass(frozen=True)
class Today:
    """The answer for a date: the listed rows, what was left out, and the uncrewed launches."""

    date: date
    month_days: tuple[str, ...]
    days: int
    category: str | None
    limit: int | None
    rows: list[Anniversary]
    more: int
    other_launches: dict[str, int]
    rule: str = RULE
    other_launches_rule: str = OTHER_LAUNCHES_RULE
    hidden_by_day: dict[str, int] = field(default_factory=dict)

    @property
    def other_launch_total(self) -> int:
        return sum(self.other_launches.values())

    def years_ago(self, row: Anniversary) -> int:
        return self.date.year - row.year


def on_this_day(
    ds: Dataset,
    when: date,
    month_day: str,
    *,
    days: int = 0,
    category: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    up_to_date: bool = True,
) -> Today:
    """Rows for the calendar days around month_day, ranked; at most `limit` per day (None: all).

    With up_to_date, nothing later than the reference date (in its year) is listed.
    """
    if category is not None and category not in CATEGORIES:
        raise UsageError(f"unknown category {category!r}: use one of {', '.join(CATEGORIES)}")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 (all) or more, not {limit}")
    from spacefacts.today import landmarks

    book = calendar_of(ds)
    days_listed = window(month_day, days)
    rows: list[Anniversary] = []
    hidden: dict[str, int] = {}
    for day in days_listed:
        found = [
            row
            for row in book.rows.get(day, [])
            if (category is None or category in landmarks.categories(row))
            and (not up_to_date or row.when.iso[:10] <= f"{when.year:04d}-{day}")
        ]
        shown = found if not limit else found[:limit]
        rows.extend(shown)
        if len(found) > len(shown):
            hidden[day] = len(found) - len(shown)
    others = {
        day: sum(1 for year in book.other_launches.get(day, []) if year <= when.year) for day in days_listed
    }
    return Today(
        date=when,
        month_days=days_listed,
        days=days,
        category=category,
        limit=limit or None,
        rows=rows,
        more=sum(hidden.values()),
        other_launches={day: n for day, n in others.items() if n and category in (None, "launch")},
        hidden_by_day=hidden,
        rule=f"{RULE} {landmarks.RULE} Categories: {CATEGORY_RULE}.",
    )


def motd(result: Today) -> str:
    """One plain line for a shell start-up file, the same all day: a top-tier row chosen by the date."""
    if not result.rows:
        return (
            f"On this day ({day_name(result.month_days[len(result.month_days) // 2])}): nothing in the data."
        )
    best = min(row.tier for row in result.rows)
    candidates = sorted((r for r in result.rows if r.tier == best), key=Anniversary.sort_key)
    with_lookup = [r for r in candidates if r.mission or r.person] or candidates
    import hashlib  # here: only the one-line form pays for OpenSSL (about 2 ms)

    digest = hashlib.sha256(result.date.isoformat().encode()).digest()
    row = with_lookup[int.from_bytes(digest[:8], "big") % len(with_lookup)]
    ago = result.years_ago(row)
    when = f"{day_name(row.month_day)} {row.year}" + (f", {ago} years ago" if ago > 1 else "")
    line = f"On this day, {when}: {row.text}."
    if row.lookup:
        line += f" Look up: spacefacts {row.lookup[0]} {row.lookup[1]}"
    return line


def coverage(ds: Dataset) -> dict[str, int]:
    """Listed rows (not counted launches) per calendar day, every year, every category."""
    rows = calendar_of(ds).rows
    return {day: len(rows.get(day, [])) for day in CALENDAR_DAYS}
