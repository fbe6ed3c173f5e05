"""Spacecraft families by the names people know (curated/families.toml), for McDowell's Project codes."""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

CURATED = Path(__file__).resolve().parents[2] / "curated" / "families.toml"


@cache
def rules() -> tuple[dict[str, Any], ...]:
    entries = tomllib.loads(CURATED.read_text(encoding="utf-8")).get("family", [])
    for e in entries:
        if not e.get("project") or not e.get("name") or not e.get("source"):
            raise ValueError(f"curated/families.toml: {e} needs project, name and source")
    return tuple(entries)


@cache
def vehicle_families() -> dict[str, str]:
    """GCAT LV_Family code -> the rocket family's name (curated/families.toml [[vehicle_family]])."""
    entries = tomllib.loads(CURATED.read_text(encoding="utf-8")).get("vehicle_family", [])
    for e in entries:
        if not e.get("code") or not e.get("name") or not e.get("source"):
            raise ValueError(f"curated/families.toml: {e} needs code, name and source")
    return {e["code"]: e["name"] for e in entries}


def vehicle_family(code: str) -> str:
    return vehicle_families().get(code, code)


def family_name(project: str, flight: str) -> str | None:
    """The family of a flight: a curated name for McDowell's Project code (and, where the rule
    gives `ship`, for flights whose name starts with it), else the code itself; None for '-'."""
    if project in ("", "-"):
        return None
    for rule in rules():
        if rule["project"] == project and flight.startswith(rule.get("ship", "")):
            return str(rule["name"])
    return project


def report_names(mission_doc: dict[str, Any], report: Report) -> None:
    for code, name in sorted(vehicle_families().items()):
        report.add(
            "launches: vehicle families named in curated/families.toml", f"GCAT LV_Family {code} -> {name}"
        )
    counts = Counter(m.get("family") for m in mission_doc["mission"])
    for rule in rules():
        where = f" (flights named {rule['ship']}...)" if rule.get("ship") else ""
        report.add(
            "missions: families named in curated/families.toml",
            f"McDowell Project {rule['project']}{where} -> {rule['name']}: {counts[rule['name']]} flights "
            f"({rule['source']})",
        )
