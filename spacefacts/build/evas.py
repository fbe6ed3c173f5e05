"""EVAs counted once, and the ones after cosmos-book's end from a sourced curated list.

cosmos-book lists some EVAs twice in a person's file: once with a date only and once with a time
(BARRY_DT.md: 2001-08-16 and 2001-08-16T13:58Z), or twice with the same time (MEIR_JU.md). A
person's EVAs are therefore merged by start: the same start, or a date-only start on the day of a
timed one, is one EVA (what either row adds, an end or a duration, is kept). Every merge is
reported. curated/evas.toml adds EVAs from 2024 on, each row naming its public source; what another
page says that differs (`disagrees`) goes to the data report, and its `[coverage]` table (how far the
rows were checked, what is known to be missing) goes into the coverage statement of `data info`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

Record = dict[str, Any]
SECTION = "people: EVAs listed twice by cosmos-book, counted once"
DISAGREE = "people: EVA pages that disagree (curated/evas.toml: the row's rule decides, see its header)"
ISO = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?Z)?")


def same_eva(a: Record, b: Record) -> bool:
    sa, sb = a["start"], b["start"]
    if sa == sb:
        return True
    timed = [s for s in (sa, sb) if len(s) > 10]
    return len(timed) == 1 and sa[:10] == sb[:10]


def dedupe(evas: list[Record], who: str, report: Report) -> list[Record]:
    """One record per EVA: later rows that are the same EVA as an earlier one are folded into it."""
    out: list[Record] = []
    for eva in evas:
        twin = next((kept for kept in out if same_eva(kept, eva)), None)
        if twin is None:
            out.append(dict(eva))
            continue
        first = twin["start"]
        if len(eva["start"]) > len(first):
            twin["start"] = eva["start"]
        for key in ("end", "duration_min"):
            if key not in twin and key in eva:
                twin[key] = eva[key]
        report.add(SECTION, f"{who}: {eva['start']} and {first} are one EVA ({eva['src']})")
    ordered = sorted(out, key=lambda e: e["start"])
    return [{k: e[k] for k in ("start", "end", "duration_min", "src") if k in e} for e in ordered]


def load(path: Path, known: set[str], report: Report | None = None) -> dict[str, list[Record]]:
    """astro No -> EVA records from curated/evas.toml; a row without people, start or source fails.

    A row's `disagrees` (what another page says and which value is used) is added to the report.
    """
    with path.open("rb") as fh:
        rows = tomllib.load(fh).get("eva", [])
    out: dict[str, list[Record]] = {}
    for row in rows:
        where = f"{path.name}: EVA {row.get('start')}"
        people, start, source = row.get("people"), str(row.get("start", "")), str(row.get("source", ""))
        if not people or any(no not in known for no in people):
            raise ValueError(f"{where}: people must be McDowell astro numbers")
        if not ISO.fullmatch(start) or not source.startswith("http"):
            raise ValueError(f"{where}: needs an ISO UTC start and an http source")
        rec: Record = {"start": start}
        if "end" in row:
            if not ISO.fullmatch(str(row["end"])) or len(start) <= 10:
                raise ValueError(f"{where}: end needs a timed start and an ISO UTC end")
            rec["end"] = row["end"]
        if "duration_min" in row:
            rec["duration_min"] = int(row["duration_min"])
        rec["src"] = f"curated/evas.toml: {source}"
        if report is not None and row.get("disagrees"):
            report.add(DISAGREE, f"{start} ({', '.join(people)}): {row['disagrees']}")
        for no in people:
            out.setdefault(no, []).append(dict(rec))
    return out


def gaps(path: Path) -> tuple[str | None, list[str]]:
    """curated/evas.toml `[coverage]`: the date the rows were looked for through, and the known gaps."""
    with path.open("rb") as fh:
        table = tomllib.load(fh).get("coverage", {})
    checked = table.get("checked_through")
    listed = table.get("gaps", [])
    if not isinstance(listed, list) or not all(isinstance(g, str) for g in listed):
        raise ValueError(f"{path.name}: [coverage] gaps must be a list of strings")
    return (str(checked) if checked else None), listed


def coverage(persons: list[Record], report: Report, path: Path | None = None) -> str:
    """The EVA coverage in words, for data info: where the complete list ends, what follows, what is missing."""
    cosmos = [e["start"] for p in persons for e in p.get("evas", []) if e["src"].startswith("cosmos-book")]
    curated = [e for p in persons for e in p.get("evas", []) if e["src"].startswith("curated/")]
    walks = {(e["start"], e["src"]) for e in curated}
    text = f"cosmos-book's EVAs through {max(cosmos)[:10]} (its list ends with 2023)"
    checked, missing = gaps(path) if path is not None else (None, [])
    if curated:
        last = max(e["start"] for e in curated)[:10]
        text += f"; then {len(walks)} spacewalks from curated/evas.toml through {last}"
        if checked:
            text += f", looked for through {checked}"
    if missing:
        text += "; not included: " + "; ".join(missing)
    elif curated:
        text += " (not every EVA since 2024)"
    report.figure("EVAs after cosmos-book (curated/evas.toml), person-EVAs", len(curated))
    report.figure("EVAs after cosmos-book (curated/evas.toml), spacewalks", len(walks))
    return text
