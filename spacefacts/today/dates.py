"""Dates for `spacefacts today`: the calendar days, the date forms a reader types, and windows of days."""

from __future__ import annotations

import calendar
import re
from datetime import date

from spacefacts.errors import UsageError

MAX_DAYS = 183  # a window of +-183 days is the whole calendar year

# Every calendar day once, in a leap year so that 02-29 has its place.
CALENDAR_DAYS = tuple(
    f"{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, calendar.monthrange(2000, m)[1] + 1)
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?")
_DAY_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?")
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
_FULL = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_FORMS = "YYYY-MM-DD, MM-DD, or a month name and day such as 'Jan 27' or '27 January'"


def resolve_date(text: str | None, today: date) -> tuple[date, str, bool]:
    """The reference date, its calendar day (`MM-DD`) and whether the text named a year.

    Without a year the reference is this year's date; 02-29 in a year without one keeps its
    calendar day and takes 28 February as the reference (for "years ago").
    """
    if text is None:
        return today, today.strftime("%m-%d"), False
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if full := _FULL.fullmatch(cleaned):
        try:
            when = date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            raise _bad_date(text) from None
        return when, when.strftime("%m-%d"), True
    month = day = None
    if m := _MONTH_DAY.fullmatch(cleaned):
        month, day = int(m[1]), int(m[2])
    elif m := _NAME_DAY.fullmatch(cleaned):
        month, day = _MONTHS.get(m[1]), int(m[2])
    elif m := _DAY_NAME.fullmatch(cleaned):
        month, day = _MONTHS.get(m[2]), int(m[1])
    if month is None or day is None or f"{month:02d}-{day:02d}" not in CALENDAR_DAYS:
        raise _bad_date(text)
    if (month, day) == (2, 29) and not calendar.isleap(today.year):
        return date(today.year, 2, 28), "02-29", False
    return date(today.year, month, day), f"{month:02d}-{day:02d}", False


def _bad_date(text: str) -> UsageError:
    return UsageError(f"invalid date {text!r}: use {DATE_FORMS}")


def window(month_day: str, days: int) -> tuple[str, ...]:
    """Calendar days within +-days of month_day, in order, wrapping around the year."""
    if not 0 <= days <= MAX_DAYS:
        raise UsageError(f"--days must be between 0 and {MAX_DAYS}, not {days}")
    centre = CALENDAR_DAYS.index(month_day)
    seen: dict[str, None] = {}
    for offset in range(-days, days + 1):
        seen.setdefault(CALENDAR_DAYS[(centre + offset) % len(CALENDAR_DAYS)], None)
    return tuple(seen)


def day_name(month_day: str) -> str:
    """`01-27` -> `27 January`."""
    return f"{int(month_day[3:])} {calendar.month_name[int(month_day[:2])]}"
