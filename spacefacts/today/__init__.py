"""On this day: every dated happening in the dataset, by calendar day, ranked by a stated rule.

Pure queries (no Rich, no Typer). Rows are derived from the records that hold them, each
carrying its source: crewed launches and landings (McDowell), EVAs (cosmos-book), national
firsts and each launch-vehicle family's first launch (GCAT, McDowell), and every event of
data/events.toml (cosmos-book interplanetary list, McDowell, curated records with their URL).
GCAT launches that are none of these are only counted.

The package, one purpose a module: dates (calendar days, date forms, windows), rows (the
Anniversary and the one row builder), crewed and launches (the rows each kind of record gives),
landmarks (uncrewed history: famous payloads, national firsts, first arrivals),
ranking (tiers, merging, the cached calendar of every day) and query (on_this_day, motd, coverage).
"""

from __future__ import annotations

from spacefacts.today.dates import CALENDAR_DAYS, DATE_FORMS, MAX_DAYS, day_name, resolve_date, window
from spacefacts.today.query import DEFAULT_LIMIT, Today, coverage, motd, on_this_day
from spacefacts.today.ranking import CATEGORY_RULE, OTHER_LAUNCHES_RULE, RULE, calendar_of
from spacefacts.today.rows import CATEGORIES, STATE_NAMES_SOURCE, Anniversary

__all__ = [
    "CALENDAR_DAYS",
    "CATEGORIES",
    "CATEGORY_RULE",
    "DATE_FORMS",
    "DEFAULT_LIMIT",
    "MAX_DAYS",
    "OTHER_LAUNCHES_RULE",
    "RULE",
    "STATE_NAMES_SOURCE",
    "Anniversary",
    "Today",
    "calendar_of",
    "coverage",
    "day_name",
    "motd",
    "on_this_day",
    "resolve_date",
    "window",
]
