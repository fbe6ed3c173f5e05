"""Vehicle and site of crewed suborbital flights, which GCAT's orbital launch log leaves out.

Two sources, in this order: GCAT's own rows for the suborbital flights of 2023-08 to 2026-03
(the 2024-2026 extract: vehicle, site, pad, air-launch platform), then curated/suborbital.toml,
each entry naming a public page. Suborbital flights and aborts left without a site are reported.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

GCAT_ROWS = "mcdowell-hsf-2024-2026/gcat_launch_rows_crewed_2023-08_to_2026-03.tsv"
# GCAT's platform code for Virgin Galactic's carrier aircraft, in words (the aircraft is named in
# the curated entries' sources: VMS Eve, a White Knight Two).
PLATFORMS = {"WK2": "VMS Eve carrier aircraft (GCAT platform WK2)"}


def gcat_rows(sources: Path) -> dict[str, dict[str, str]]:
    path = sources / GCAT_ROWS
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    out = {}
    for n, line in enumerate(lines[1:], start=2):
        if line.strip():
            row = dict(zip(header, (v.strip() for v in line.split("\t")), strict=False))
            row["src"] = f"{GCAT_ROWS}:line {n}"
            out[row["Launch_Tag"]] = row
    return out


def dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def apply(missions: list[dict[str, Any]], sources: Path, curated: Path, report: Report) -> set[str]:
    """Fill vehicle, site, pad and platform of suborbital flights; return the site codes used."""
    rows = gcat_rows(sources)
    with (curated / "suborbital.toml").open("rb") as fh:
        entries = tomllib.load(fh).get("flight", [])
    by_tag: dict[str, dict[str, Any]] = {}
    for e in entries:
        if not str(e.get("source", "")).startswith("http") or not e.get("vehicle") or not e.get("site"):
            raise ValueError(
                f"curated/suborbital.toml: {e.get('tags')}: needs vehicle, site and an http source"
            )
        for tag in e["tags"]:
            by_tag[tag] = e
    used: set[str] = set()
    filled = {"gcat": 0, "curated": 0}
    for m in missions:
        if m.get("site"):
            continue
        row = rows.get(m["designator"])
        e = by_tag.get(m["hsf_tag"])
        if row is not None:
            platform = dash(row["Platform"])
            m["vehicle"] = row["LV_Type"]
            m["site"] = row["Launch_Site"]
            if dash(row["Launch_Pad"]):
                m["pad"] = row["Launch_Pad"]
            if platform:
                m["platform"] = PLATFORMS.get(platform, platform)
            m["src"] += f"; vehicle and site: GCAT {row['src']}"
            filled["gcat"] += 1
        elif e is not None:
            m["vehicle"] = e["vehicle"]
            m["site"] = e["site"]
            if e.get("pad"):
                m["pad"] = e["pad"]
            if e.get("platform"):
                m["platform"] = e["platform"]
            m["src"] += f"; vehicle and site: curated/suborbital.toml ({e['source']})"
            filled["curated"] += 1
            if str(e.get("note", "")).startswith("rule:"):
                report.add(
                    "missions: suborbital vehicle and site by a stated rule, not a per-flight record",
                    f"{m['hsf_id']} {m['name']} ({m['kind']}, {m['launch'][:10]}): {e['note']}",
                )
        else:
            if m["kind"] in ("suborbital", "abort"):
                report.add(
                    "missions: suborbital flights and aborts with no vehicle or site",
                    f"{m['hsf_id']} {m['name']} ({m['kind']}, {m['launch'][:10]}): no GCAT row and no "
                    "curated entry with a source",
                )
            continue
        used.add(m["site"])
    report.figure("suborbital flights given vehicle and site from GCAT's suborbital rows", filled["gcat"])
    report.figure("suborbital flights given vehicle and site from curated/suborbital.toml", filled["curated"])
    return used
