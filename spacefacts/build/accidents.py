"""Fatal accidents: curated/accidents.toml marks the crewed flights that ended in one.

McDowell's list tells how far a flight got (above 80 km or not), not how it ended; a flight that
killed its crew needs saying so. Each record names its public source. The build checks that the
number killed equals the crew McDowell lists for the flight, so a wrong tag cannot slip through.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

PHASES = ("ascent", "descent", "re-entry", "landing")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as fh:
        entries: list[dict[str, Any]] = tomllib.load(fh).get("accident", [])
    for e in entries:
        where = f"{path.name}: {e.get('hsf_tag')}"
        if not str(e.get("source", "")).startswith("http"):
            raise ValueError(f"{where}: needs an http source")
        if e.get("phase") not in PHASES:
            raise ValueError(f"{where}: phase must be one of {', '.join(PHASES)}")
        if not isinstance(e.get("killed"), int) or not e.get("outcome"):
            raise ValueError(f"{where}: needs outcome and killed")
    return entries


def apply(missions: list[dict[str, Any]], curated: Path, report: Report) -> int:
    """Mark each listed mission record with `accident` (outcome in words) and its source."""
    by_tag = {m["hsf_tag"]: m for m in missions}
    entries = load(curated / "accidents.toml")
    for e in entries:
        m = by_tag.get(e["hsf_tag"])
        where = f"curated/accidents.toml: {e['hsf_tag']}"
        if m is None:
            raise ValueError(f"{where}: no such McDowell flight")
        crew = len(m.get("crew", []))
        if crew != e["killed"]:
            raise ValueError(f"{where}: {e['killed']} killed but McDowell lists {crew} crew")
        m["outcome"] = "fatal accident"
        m["accident"] = e["outcome"]
        m["accident_phase"] = e["phase"]
        m["accident_source"] = e["source"]
        report.add(
            "missions: fatal accidents (curated/accidents.toml)",
            f"{m['hsf_id']} {m['name']}: {e['outcome']} ({e['phase']}) - {e['source']}",
        )
    report.figure("missions ending in a fatal accident", len(entries))
    return len(entries)
