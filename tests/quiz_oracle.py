"""What the quiz tests' own oracles share: computed straight from the records, not from spacefacts.quiz."""

from __future__ import annotations

from datetime import date

from spacefacts.dataset import Dataset


def days_by_text(ds: Dataset) -> dict[str, set[date]]:
    """Every text the history questions could show, with every day it names."""
    days: dict[str, set[date]] = {}
    for e in ds.events:
        if len(e.date.iso) >= 10:
            days.setdefault(e.title, set()).add(date.fromisoformat(e.date.iso[:10]))
    for m in ds.missions:
        if len(m.launch.iso) >= 10:
            days.setdefault(f"{m.name} launches", set()).add(date.fromisoformat(m.launch.iso[:10]))
    return days
