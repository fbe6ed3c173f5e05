"""cosmos-book's person files and processed/missions.json: flights matched to McDowell's, their
times and crews cross-checked, and the EVAs read."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from spacefacts.build import reconcile
from spacefacts.build.hsf.astro import Person
from spacefacts.build.hsf.common import COSMOS_END, Record, cosmos_time, differ, match_key, parse_iso
from spacefacts.build.hsf.missions import Row, name_variants
from spacefacts.build.report import Report

COSMOS_TIME_WINDOW = timedelta(minutes=60)


@dataclass
class CosmosPerson:
    file: str
    top: dict[str, str]
    lists: dict[str, list[Any]]

    @property
    def name(self) -> str:
        return self.top.get("name", "")

    @property
    def missions(self) -> list[dict[str, str]]:
        return [m for m in self.lists.get("missions", []) if isinstance(m, dict)]

    @property
    def evas(self) -> list[dict[str, str]]:
        return [m for m in self.lists.get("evas", []) if isinstance(m, dict)]


def parse_front_matter(text: str) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The small YAML subset cosmos-book uses: `key: value`, and lists of scalars or flat mappings.

    Separators mix tabs and spaces (SOURCE.md), so every value is stripped.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    top: dict[str, str] = {}
    lists: dict[str, list[Any]] = {}
    current: list[Any] | None = None
    for line in lines[1:]:
        if line.strip() == "---":
            break
        if not line.strip():
            continue
        if not line[0].isspace():
            key, _, value = line.partition(":")
            value = value.strip()
            if value:
                top[key.strip()] = value
                current = None
            else:
                current = lists.setdefault(key.strip(), [])
            continue
        if current is None:
            continue
        item = line.strip()
        if item.startswith("- "):
            item = item[2:].strip()
            m = re.match(r"([A-Za-z_]+):\s*(.*)$", item)
            if m and not item.startswith("http"):
                current.append({m.group(1): m.group(2).strip()})
            else:
                current.append(item)
        else:
            m = re.match(r"([A-Za-z_]+):\s*(.*)$", item)
            if m and current and isinstance(current[-1], dict):
                current[-1][m.group(1)] = m.group(2).strip()
    return top, lists


def read_cosmos(folder: Path) -> list[CosmosPerson]:
    out = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        top, lists = parse_front_matter(path.read_text(encoding="utf-8"))
        out.append(CosmosPerson(path.name, top, lists))
    return out


@dataclass
class CosmosMission:
    name: str
    launch: str | None
    land: str | None
    crew: list[str]  # files of people who launched on it (entry has time_start)
    landed_only: list[str]  # files listing it without time_start: came home on it


def cosmos_missions(people: list[CosmosPerson], folder: Path) -> dict[str, CosmosMission]:
    summary = json.loads((folder / "processed" / "missions.json").read_text(encoding="utf-8"))
    out: dict[str, CosmosMission] = {}
    for p in people:
        for m in p.missions:
            name = m.get("name", "")
            cm = out.get(name)
            if cm is None:
                times = summary.get(name, {})
                cm = CosmosMission(
                    name,
                    cosmos_time(times.get("launch", "")) or None,
                    cosmos_time(times.get("land", "")) or None,
                    [],
                    [],
                )
                out[name] = cm
            (cm.crew if m.get("time_start") else cm.landed_only).append(p.file)
            # Names missing from processed/missions.json: fall back to the person entry.
            if cm.launch is None and m.get("time_start"):
                cm.launch = cosmos_time(m["time_start"])
    return out


def match_cosmos_missions(rows: list[Row], cms: dict[str, CosmosMission], report: Report) -> dict[str, Row]:
    """cosmos mission name -> McDowell row, by normalised name, else by launch time (unique, within 1 h)."""
    keys: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        names = [row.name, row.f["Ship"], *name_variants(row.name)]
        for key in dict.fromkeys(match_key(n) for n in names):
            keys[key].append(row)
    out: dict[str, Row] = {}
    for name in sorted(cms):
        cands = keys.get(match_key(name), [])
        flights = [r for r in cands if r.kind != "abort" or r.name == r.f["Ship"].strip("()")]
        if len(flights) == 1:
            out[name] = flights[0]
    for name in sorted(cms):
        cm = cms[name]
        if name in out or cm.launch is None:
            continue
        at = parse_iso(cm.launch).at
        near = [r for r in rows if r.launch and abs(parse_iso(r.launch).at - at) <= COSMOS_TIME_WINDOW]
        if len(near) == 1:
            out[name] = near[0]
            report.add(
                "missions: matched to cosmos-book by launch time",
                f'cosmos "{name}" ({cm.launch}) = {near[0].f["HSFID"]} {near[0].name} ({near[0].launch})',
            )
        else:
            report.add(
                "missions: cosmos-book flights not matched",
                f'"{name}" launch {cm.launch}: {len(near)} McDowell flights within 1 h',
            )
    for name, row in sorted(out.items(), key=lambda kv: (kv[1].line, kv[0])):
        row.cosmos.append(name)
    return out


def check_cosmos_missions(
    rows: list[Row],
    cms: dict[str, CosmosMission],
    cmap: dict[str, Row],
    people_by_no: dict[str, Person],
    joined: dict[str, Person],
    report: Report,
    found: list[reconcile.Disagreement],
) -> int:
    """Collect launch/landing differences over 5 minutes and crew differences. Returns the count."""
    count = 0
    landed = [r for r in rows if r.landing and len(r.landing) >= 16]
    for row in rows:
        if not row.cosmos:
            continue
        label = f"{row.f['HSFID']} {row.name} (cosmos " + " / ".join(f'"{n}"' for n in row.cosmos) + ")"
        for what, mine, theirs in (
            ("launch", row.launch, dict.fromkeys(cms[n].launch for n in row.cosmos)),
            ("landing", row.landing, dict.fromkeys(cms[n].land for n in row.cosmos)),
        ):
            for value in theirs:
                if mine and value and (d := differ(mine, value)):
                    text = f"{label} {what}: McDowell vs cosmos {d}{landing_note(what, value, row, landed)}"
                    found.append(reconcile.Disagreement("mission", what, row.f["HSFID"], text, mine, value))
                    count += 1
        mine_crew = {people_by_no[no].id for no, _ in row.crew}
        files = [f for n in row.cosmos for f in cms[n].crew]
        theirs_crew = {joined[f].id if f in joined else f"unmatched cosmos file {f}" for f in files}
        if mine_crew != theirs_crew:
            only_m = ", ".join(sorted(mine_crew - theirs_crew)) or "-"
            only_c = ", ".join(sorted(theirs_crew - mine_crew)) or "-"
            text = f"{label} launch crew: only in McDowell: {only_m}; only in cosmos: {only_c}"
            found.append(
                reconcile.Disagreement(
                    "mission",
                    "crew",
                    row.f["HSFID"],
                    text,
                    ",".join(sorted(mine_crew - theirs_crew)),
                    ",".join(sorted(theirs_crew - mine_crew)),
                )
            )
            count += 1
    matched = {id(r) for r in cmap.values()}
    late: list[Row] = []
    early: list[Row] = []
    for row in rows:
        if id(row) in matched:
            continue
        (late if (row.launch or "") >= COSMOS_END else early).append(row)
    if late:
        report.add(
            "missions: not in cosmos-book",
            f"expected, cosmos-book ends with 2023 launches: {len(late)} flights from 2024 on "
            f"({late[0].name} ... {late[-1].name})",
        )
    for row in early:
        report.add(
            "missions: not in cosmos-book",
            f"{row.f['HSFID']} {row.name} ({row.kind}, {row.launch}) - {row.src}",
        )
    return count


def landing_note(what: str, value: str, row: Row, landed: list[Row]) -> str:
    """Explain a cosmos landing that is another ship's landing (crews that swapped ships)."""
    if what != "landing" or len(value) < 16:
        return ""
    for other in landed:
        # Only ships that landed well apart from this one: Vostok 3 and 4 came down minutes apart.
        if other is row or not other.landing or not row.landing:
            continue
        far = abs(parse_iso(other.landing).at - parse_iso(row.landing).at) > timedelta(hours=1)
        if far and differ(other.landing, value) is None:
            return f" (= landing of {other.name}: cosmos gives a crew's own return)"
    return ""


def eva_records(c: CosmosPerson, report: Report) -> list[Record]:
    src = f"cosmos-book human-spaceflight-data/{c.file}"
    out = []
    for eva in c.evas:
        rec: Record = {}
        for key, out_key in (("time_start", "start"), ("time_end", "end")):
            raw = eva.get(key)
            if not raw:
                continue
            iso = cosmos_time(raw)
            if iso is None:
                iso = non_iso_time(raw)
                report.add(
                    "people: cosmos-book values converted",
                    f"{c.file} EVA {key} {raw!r} is not ISO 8601; read as {iso or 'unreadable (dropped)'} "
                    "(taken as UTC like the file's other times)",
                )
            if iso:
                rec[out_key] = iso
        dur = eva.get("duration")
        if dur:
            m = re.fullmatch(r"(\d+)h(\d+)m", dur.strip())
            if m:
                rec["duration_min"] = int(m.group(1)) * 60 + int(m.group(2))
            else:
                report.add(
                    "people: cosmos-book values converted", f"{c.file} EVA duration {dur!r} unreadable"
                )
        if "start" not in rec:
            report.add("people: cosmos-book EVAs dropped", f"{c.file}: EVA without a start time {eva}")
            continue
        rec["src"] = src
        out.append(rec)
    return out


def non_iso_time(raw: str) -> str | None:
    """'February 3, 2006 9:55' (TOKAREV_VI.md) -> '2006-02-03T09:55Z'; '2023-12-21T' -> '2023-12-21'."""
    if re.fullmatch(r"\d{4}-\d\d-\d\dT", raw.strip()):
        return raw.strip()[:-1]
    for fmt in ("%B %d, %Y %H:%M", "%B %d, %Y"):
        try:
            at = datetime.strptime(raw.strip(), fmt)
        except ValueError:
            continue
        return at.strftime("%Y-%m-%dT%H:%MZ" if "%H" in fmt else "%Y-%m-%d")
    return None
