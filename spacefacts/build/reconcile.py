"""Reconcile, don't pick: every date or crew on which McDowell and cosmos-book disagree is resolved.

A disagreement is settled, in this order, by
1. a rule with a second source (docs/data.md, "Where sources disagree"):
   - birth: tidytuesday-astronauts' birth year equals one side's year (and not the other's);
   - launch: GCAT's launch log agrees with one side within 5 minutes (and not the other);
   - landing: the flight's duration under one side's landing agrees with tidytuesday's mission hours
     (median over the crew who flew up and down on it) within 1 hour, and the other does not;
   - landing: cosmos-book's launch and landing are both shifted by the same whole number of hours and
     the launch is settled for McDowell: one time-zone slip, so McDowell's landing stands too;
   - crew: tidytuesday lists the person on that flight the way McDowell does (launched on it, or
     came home on it);
2. a curated correction (curated/corrections.toml) naming a public reference, which also fixes
   values both sources share when the public record differs (Chris Hadfield's birth date).
Anything left is reported as unresolved, and tests/test_reconcile.py fails on it.
"""

from __future__ import annotations

import csv
import re
import statistics
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

TT_FILE = "tidytuesday-astronauts/astronauts.csv"
TT_HOURS_TOLERANCE = 1.0
OUTCOME = {
    "mcdowell": "McDowell's value kept",
    "cosmos": "cosmos-book's value taken",
    "neither": "corrected to",
}
SECTIONS = {
    "person": "people: disagreements with cosmos-book",
    "mission": "missions: disagreements with cosmos-book",
}
FIELDS = {"person": ("born", "died"), "mission": ("launch", "landing", "crew")}
# A reference agrees with a source's time when they are this close (a minute-precision reference
# and a source with seconds).
AGREE = timedelta(seconds=60)


@dataclass
class Disagreement:
    record: str  # person or mission
    field: str  # born, launch, landing, crew
    key: str  # astro No or HSFID
    text: str  # what the build found, both values
    mcdowell: str
    cosmos: str
    winner: str = ""  # mcdowell, cosmos or correction
    how: str = ""  # rule or correction
    reason: str = ""
    value: str = ""


@dataclass(frozen=True)
class Correction:
    record: str
    key: str
    field: str
    value: str
    source: str
    note: str


def load_corrections(path: Path) -> list[Correction]:
    with path.open("rb") as fh:
        entries = tomllib.load(fh).get("correction", [])
    out = []
    for e in entries:
        where = f"{path.name}: {e.get('key')} {e.get('field')}"
        record = e.get("record")
        if record not in FIELDS or e.get("field") not in FIELDS[record]:
            raise ValueError(
                f"{where}: record must be person (born, died) or mission (launch, landing, crew)"
            )
        if not str(e.get("source", "")).startswith("http"):
            raise ValueError(f"{where}: needs an http source")
        value = str(e.get("value", ""))
        crew = e["field"] == "crew" and value == "mcdowell"
        if not crew and not re.fullmatch(r"\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?Z)?)?)?", value):
            raise ValueError(f"{where}: value must be an ISO date or UTC time ('mcdowell' for a crew)")
        out.append(Correction(record, e["key"], e["field"], e["value"], e["source"], e.get("note", "")))
    return out


# ---------------------------------------------------------------- tidytuesday


@dataclass(frozen=True)
class TTRow:
    surname: str
    born: int
    up: str  # match keys of the flight up and down
    down: str
    title: str
    hours: float


def read_tt(path: Path, match_key: Any, surname_key: Any) -> list[TTRow]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            name = r["name"]
            surname = surname_key(name if "," in name else name.split()[-1])
            try:
                hours = float(r["hours_mission"])
            except ValueError:
                hours = float("nan")
            out.append(
                TTRow(
                    surname,
                    int(r["year_of_birth"]),
                    match_key(r["ascend_shuttle"]),
                    match_key(r["descend_shuttle"]),
                    match_key(r["mission_title"]),
                    hours,
                )
            )
    return out


# ---------------------------------------------------------------- rules


def resolve(
    found: list[Disagreement], sources: Path, curated: Path, ctx: dict[str, Any], report: Report
) -> list[Correction]:
    """Settle every disagreement; return the corrections to apply to the records.

    `ctx` holds the build's parsed inputs: rows_by_id (HSFID -> Row), people_by_no, gcat
    (HSFID -> GCAT launch record), match_key, surname_key, parse_iso, differ, mission_keys (HSFID ->
    match keys of the flight's names).
    """
    tt = read_tt(sources / TT_FILE, ctx["match_key"], ctx["surname_key"])
    corrections = load_corrections(curated / "corrections.toml")
    by_key = {(c.record, c.key, c.field): c for c in corrections}
    ctx["found"] = found
    for d in found:
        rule = RULES.get(d.field)
        if rule is not None:
            rule(d, tt, ctx)
        c = by_key.get((d.record, d.key, d.field))
        if c is not None and not d.winner:
            d.winner, d.how, d.value = agreeing(c.value, d, ctx), "correction", c.value
            d.reason = f"{c.source}" + (f" ({c.note})" if c.note else "")
    disputed = {(d.record, d.key, d.field) for d in found}
    for d in found:
        value = f" {d.value}" if d.value and d.field != "crew" else ""
        tail = f" -> {OUTCOME[d.winner]}{value}, by {d.how}: {d.reason}" if d.winner else " -> UNRESOLVED"
        report.add(SECTIONS[d.record], d.text + tail)
    for c in corrections:
        if (c.record, c.key, c.field) not in disputed:
            report.add(
                "corrections outside the disagreements (no second source disputes the value)",
                f"{c.record} {c.key} {c.field}: {c.value} ({c.source})" + (f": {c.note}" if c.note else ""),
            )
    by_rule = sum(1 for d in found if d.how == "rule")
    by_correction = sum(1 for d in found if d.how == "correction")
    report.figure("disagreements with cosmos-book", len(found))
    report.figure("disagreements resolved by a rule", by_rule)
    report.figure("disagreements resolved by a curated correction", by_correction)
    report.figure("disagreements unresolved", len(found) - by_rule - by_correction)
    report.figure("curated corrections outside the disagreements", len(corrections) - by_correction)
    applied = [c for c in corrections if (c.record, c.key, c.field) not in disputed]
    for d in found:
        if d.winner == "mcdowell" or d.field == "crew" or not d.winner:
            continue
        if d.how == "correction":
            applied.append(by_key[(d.record, d.key, d.field)])
        else:
            applied.append(Correction(d.record, d.key, d.field, d.cosmos, "", d.reason))
    return applied


def agreeing(value: str, d: Disagreement, ctx: dict[str, Any]) -> str:
    """Which source a curated value agrees with: mcdowell, cosmos, or neither (a third value)."""
    if d.field == "crew":
        return "mcdowell" if value == "mcdowell" else "neither"
    for name, theirs in (("mcdowell", d.mcdowell), ("cosmos", d.cosmos)):
        if len(value) >= 16 and len(theirs) >= 16:
            parse = ctx["parse_iso"]
            if abs(parse(value).at - parse(theirs).at) <= AGREE:
                return name
        elif value == theirs:
            return name
    return "neither"


def rule_born(d: Disagreement, tt: list[TTRow], ctx: dict[str, Any]) -> None:
    p = ctx["people_by_no"][d.key]
    surname = ctx["surname_key"](p.f["Name"])
    flights = {k for tag, _ in p.rides for k in ctx["mission_keys"].get(ctx["tag_to_id"][tag], ())}
    years = {r.born for r in tt if r.surname == surname and (r.up in flights or r.title in flights)}
    if len(years) != 1:
        return
    (year,) = years
    mine, theirs = int(d.mcdowell[:4]), int(d.cosmos[:4])
    if mine != theirs and year in (mine, theirs):
        d.winner = "mcdowell" if year == mine else "cosmos"
        d.how = "rule"
        d.value = d.mcdowell if year == mine else d.cosmos
        d.reason = f"tidytuesday-astronauts gives birth year {year}"


def rule_launch(d: Disagreement, tt: list[TTRow], ctx: dict[str, Any]) -> None:
    la = ctx["gcat"].get(d.key)
    if la is None or not la.get("date"):
        return
    differ = ctx["differ"]
    agree_m = differ(d.mcdowell, la["date"]) is None
    agree_c = differ(d.cosmos, la["date"]) is None
    if agree_m != agree_c:
        d.winner = "mcdowell" if agree_m else "cosmos"
        d.how = "rule"
        d.value = d.mcdowell if agree_m else d.cosmos
        d.reason = f"GCAT's launch log gives {la['date']} ({la['tag']})"


def rule_landing(d: Disagreement, tt: list[TTRow], ctx: dict[str, Any]) -> None:
    """tidytuesday's hours for everyone who came home on the ship, added to their own launch."""
    row = ctx["rows_by_id"][d.key]
    parse = ctx["parse_iso"]
    keys = set(ctx["mission_keys"].get(row.id, ()))
    launches = ctx["launch_by_key"]
    predicted = [
        launches[r.up] + timedelta(hours=r.hours)
        for r in tt
        if r.down in keys and r.up in launches and r.hours == r.hours
    ]
    if predicted:
        base = min(predicted)
        median = base + statistics.median([p - base for p in predicted])
        off_m = abs((parse(d.mcdowell).at - median).total_seconds()) / 3600
        off_c = abs((parse(d.cosmos).at - median).total_seconds()) / 3600
        ok_m, ok_c = off_m <= TT_HOURS_TOLERANCE, off_c <= TT_HOURS_TOLERANCE
        if ok_m != ok_c:
            d.winner = "mcdowell" if ok_m else "cosmos"
            d.how = "rule"
            d.value = d.mcdowell if ok_m else d.cosmos
            d.reason = (
                f"tidytuesday-astronauts' mission hours of the {len(predicted)} people who came home on it, "
                f"added to their launches, put the landing at {median:%Y-%m-%d %H:%M} (median); "
                f"McDowell's is {off_m:.1f} h off it, cosmos-book's {off_c:.1f} h"
            )
            return
    shift = next(
        (
            parse(x.cosmos).at - parse(x.mcdowell).at
            for x in ctx["found"]
            if x.key == d.key and x.field == "launch" and x.winner == "mcdowell"
        ),
        None,
    )
    if shift is None:
        return
    secs = abs(shift.total_seconds())
    whole_hours = secs >= 3000 and min(secs % 3600, 3600 - secs % 3600) <= 60
    if whole_hours and abs(parse(d.cosmos).at - parse(d.mcdowell).at - shift) <= timedelta(minutes=1):
        d.winner, d.how, d.value = "mcdowell", "rule", d.mcdowell
        d.reason = (
            f"cosmos-book's launch and landing are both {format_shift(shift)} off McDowell's, and the "
            "launch is settled for McDowell: one time-zone slip"
        )


def format_shift(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:+.0f} h"


def rule_crew(d: Disagreement, tt: list[TTRow], ctx: dict[str, Any]) -> None:
    row = ctx["rows_by_id"][d.key]
    keys = set(ctx["mission_keys"].get(row.id, ()))
    people = ctx["people_by_id"]
    notes = []
    for pid in filter(None, d.mcdowell.split(",")):
        p = people.get(pid)
        surname = ctx["surname_key"](p.f["Name"]) if p else pid
        if not any(r.surname == surname and (r.up in keys or r.title in keys) for r in tt):
            return
        notes.append(f"{pid} launched on it")
    for pid in filter(None, d.cosmos.split(",")):
        p = people.get(pid)
        if p is None:
            return
        surname = ctx["surname_key"](p.f["Name"])
        if not any(r.surname == surname and r.down in keys and r.up not in keys for r in tt):
            return
        notes.append(f"{pid} came home on it, having launched on another flight")
    d.winner, d.how = "mcdowell", "rule"
    d.reason = "tidytuesday-astronauts agrees with McDowell: " + "; ".join(notes)


RULES = {"born": rule_born, "launch": rule_launch, "landing": rule_landing, "crew": rule_crew}


def apply(
    corrections: list[Correction],
    missions: list[dict[str, Any]],
    persons: list[dict[str, Any]],
    id_of: dict[str, str],
) -> None:
    """Write the settled values into the records; returns on a corrected ship follow its landing."""
    by_mission = {m["hsf_id"]: m for m in missions}
    by_person = {p["astro_no"]: p for p in persons}
    new_landing: dict[str, str] = {}
    for c in corrections:
        rec = by_mission[c.key] if c.record == "mission" else by_person[c.key]
        old = rec.get(c.field)
        rec[c.field] = c.value
        rec.pop(f"{c.field}_uncertain", None)
        why = c.source or "a rule with a second source, see docs/data-report.md"
        rec["src"] += f"; {c.field} {c.value} (was {old}): {why}"
        if c.record == "mission" and c.field == "landing":
            new_landing[id_of[c.key]] = c.value
    returns: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in persons:
        for back in p.get("returns", []):
            returns[back.get("on", "")].append(back)
    for mission_id, value in new_landing.items():
        for back in returns.get(mission_id, []):
            back["landing"] = value
