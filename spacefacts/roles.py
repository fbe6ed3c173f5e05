"""McDowell's crew role tags in words (data/roles.toml): BI1 -> Flight Engineer 1."""

from __future__ import annotations

import re

from spacefacts.dataset import Dataset

RULE = "roles: McDowell's role tags in words (his scheme: planet4589.org/space/astro/web/roles.html)"
UNREAD = "Crew member"


def words(ds: Dataset, code: str) -> str:
    """'BI1' -> 'Flight Engineer 1', 'LMP' -> 'Lunar Module Pilot'; '' -> '-'; a tag the legend
    cannot read -> 'Crew member' (its code stays in --json)."""
    if not code:
        return "-"
    m = re.fullmatch(r"([A-Z]+)(\d*)", code)
    base, number = (m.group(1), m.group(2)) if m else (code, "")
    name = ds.roles.get(base)
    if name is None:
        return UNREAD
    return f"{name} {number}" if number else name
