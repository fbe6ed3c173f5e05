"""Events (data/events.toml) from three places, each record naming its source.

- planetary: every dated, completed part (flyby, orbit insertion, landing, rover, sample
  collection or return, perihelion) of the cosmos-book interplanetary missions list;
- launch: crewed flights that McDowell lists as launch failures or aborts (from the built
  mission document), unless a curated event already covers the mission;
- curated: hand-added events in curated/events.toml, each with a public source URL.

Curated `[[drop]]` records remove interplanetary parts that a public source shows to be wrong.
Everything dropped, and why, goes to the report.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report
from spacefacts.text import slug

PLANETARY_FILE = "cosmos-book-human-spaceflight/missions-data/interplanetary.json"
PLANETARY_SOURCE = "cosmos-book-human-spaceflight missions-data/interplanetary.json"
MISSIONS_SOURCE = "mcdowell-hsf/missions.html"
# The copied repository's commit date (cosmos-book-human-spaceflight/SOURCE.md): anything dated
# later was a plan when the list was written.
SOURCE_CUTOFF = "2024-05-21"

CATEGORIES = frozenset({"planetary", "docking", "accident", "first", "launch", "landing", "eva", "crewed"})
EVENT_FIELDS = {
    "id": True,
    "date": True,
    "date_uncertain": False,
    "title": True,
    "category": True,
    "mission": False,
    "person": False,
    "body": False,
    "source": True,
    "note": False,
}
DROP_FIELDS = {"mission": True, "to": False, "type": False, "date": False, "reason": True, "source": True}

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?)?)?$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PART_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?Z?)?$")

DROPPED = "events: interplanetary parts dropped"
MIDNIGHT = "events: interplanetary times of exactly 00:00 read as day precision"
REFS = "events: references not found (field dropped)"
RESOLVED = "events: references resolved by name"
COVERED = "events: mission failures covered by a curated event"


def build(
    sources: Path, curated: Path, mission_doc: dict[str, Any], people_doc: dict[str, Any], report: Report
) -> dict[str, Any]:
    """Return {"meta": {...}, "event": [...]} ready for spacefacts.build.tomlw.dumps."""
    curated_file = curated / "events.toml"
    curated_events, drops = load_curated(curated_file)
    missions = _Index("mission", mission_doc.get("mission", []), report)
    people = _Index("person", people_doc.get("person", []), report)

    planetary = planetary_events(sources / PLANETARY_FILE, drops, report)
    hand = [_curated_event(rec, curated_file, missions, people) for rec in curated_events]
    derived = mission_events(mission_doc, hand, report)

    events: list[dict[str, Any]] = []
    seen: set[str] = set()
    for event in [*hand, *planetary, *derived]:  # curated ids win a clash
        if event["id"] in seen:
            report.add("events: duplicate ids", f"{event['id']} ({event['src']}): a second record, left out")
            continue
        seen.add(event["id"])
        events.append(event)
    events.sort(key=lambda e: (e["date"], e["id"]))

    counts: dict[str, int] = {}
    for event in events:
        counts[event["category"]] = counts.get(event["category"], 0) + 1
    report.figure("events", len(events))
    for category in sorted(counts):
        report.figure(f"events: {category}", counts[category])
    report.figure("events: curated", len(hand))
    return {
        "meta": {
            "sources": [
                f"{PLANETARY_SOURCE} (Stuart Lowe & Chris North, CC BY-SA 3.0); parts dated after "
                f"{SOURCE_CUTOFF} or marked in progress are left out",
                f"{MISSIONS_SOURCE} (Jonathan McDowell, planet4589.org): crewed launch failures and aborts",
                "curated/events.toml: hand-added events, each with a public source URL",
            ],
        },
        "event": events,
    }


# curated/events.toml --------------------------------------------------------------------------


def load_curated(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Read and validate curated events and drops; raise ValueError naming file, record and field."""
    name = f"curated/{path.name}"
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{name}: not valid TOML: {exc}") from exc
    unknown = set(doc) - {"event", "drop"}
    if unknown:
        raise ValueError(f"{name}: unknown table(s) {', '.join(sorted(unknown))}")
    events = _table(doc, "event", name)
    drops = _table(doc, "drop", name)
    seen: set[str] = set()
    for index, rec in enumerate(events):
        rid = str(rec.get("id", f"#{index + 1}"))
        _check_fields(rec, EVENT_FIELDS, name, rid)

        def bad(field: str, problem: str, rid: str = rid) -> ValueError:
            return ValueError(f"{name}: record {rid}: field '{field}': {problem}")

        if not _ID.match(rec["id"]):
            raise bad("id", "must be a lowercase slug (a-z, 0-9, '-')")
        if rec["id"] in seen:
            raise bad("id", "used twice")
        seen.add(rec["id"])
        if not _ISO.match(rec["date"]):
            raise bad("date", f"not an ISO date (YYYY[-MM[-DD[THH:MM[:SS]Z]]]): {rec['date']!r}")
        if rec["category"] not in CATEGORIES:
            raise bad("category", f"{rec['category']!r} is not one of {', '.join(sorted(CATEGORIES))}")
        if not rec["title"].strip():
            raise bad("title", "empty")
        if not rec["source"].startswith(("https://", "http://")):
            raise bad("source", "must be the URL of a public source")
        if "date_uncertain" in rec and rec["date_uncertain"] is not True:
            raise bad("date_uncertain", "write it only as true")
    for index, rec in enumerate(drops):
        _check_fields(rec, DROP_FIELDS, name, f"drop #{index + 1} ({rec.get('mission', '?')})")
    return events, drops


def _table(doc: dict[str, Any], table: str, name: str) -> list[dict[str, Any]]:
    records = doc.get(table, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ValueError(f"{name}: '{table}' must be an array of tables ([[{table}]])")
    return records


def _check_fields(rec: dict[str, Any], fields: Mapping[str, bool], name: str, rid: str) -> None:
    for field, required in fields.items():
        if field not in rec:
            if required:
                raise ValueError(f"{name}: record {rid}: field '{field}': missing")
            continue
        want = bool if field.endswith("_uncertain") else str
        if not isinstance(rec[field], want):
            raise ValueError(
                f"{name}: record {rid}: field '{field}': expected {want.__name__}, "
                f"got {type(rec[field]).__name__}"
            )
        if want is str and not rec[field].strip():
            raise ValueError(f"{name}: record {rid}: field '{field}': empty")
    extra = set(rec) - set(fields)
    if extra:
        raise ValueError(f"{name}: record {rid}: field '{sorted(extra)[0]}': unknown field")


def _curated_event(rec: dict[str, Any], path: Path, missions: _Index, people: _Index) -> dict[str, Any]:
    event: dict[str, Any] = {"id": rec["id"], "date": rec["date"]}
    if rec.get("date_uncertain"):
        event["date_uncertain"] = True
    event["title"] = rec["title"]
    event["category"] = rec["category"]
    where = f"curated/events.toml: record {rec['id']}"
    for field, index in (("mission", missions), ("person", people)):
        if field in rec:
            resolved = index.resolve(rec[field], where)
            if resolved:
                event[field] = resolved
    if "body" in rec:
        event["body"] = rec["body"]
    event["source"] = rec["source"]
    event["src"] = f"curated/events.toml:{_line_of(path, rec['id'])}"
    return event


def _line_of(path: Path, rid: str) -> int:
    pattern = re.compile(rf'^\s*id\s*=\s*"{re.escape(rid)}"')
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return lineno
    return 0


class _Index:
    """Ids of missions or people, and a fallback from the slug of any name or alias to an id."""

    def __init__(self, kind: str, records: Iterable[Mapping[str, Any]], report: Report):
        self.kind, self.report = kind, report
        self.ids: set[str] = set()
        by_name: dict[str, set[str]] = {}
        for rec in records:
            rid = str(rec["id"])
            self.ids.add(rid)
            for name in self._names(rec):
                key = slug(name)
                if key:
                    by_name.setdefault(key, set()).add(rid)
        self.by_name = {key: ids.pop() for key, ids in by_name.items() if len(ids) == 1}

    @staticmethod
    def _names(rec: Mapping[str, Any]) -> list[str]:
        names = [str(rec.get("name", ""))]
        names += [str(a) for a in rec.get("aliases", []) or []]
        sort_name = str(rec.get("sort_name", ""))
        if "," in sort_name:  # McDowell's "Leonov, Aleksei Arkhipovich" -> "Aleksei Leonov"
            surname, given = (part.strip() for part in sort_name.split(",", 1))
            first = given.replace("*", "").split()
            if first:
                names.append(f"{first[0]} {surname}")
        return names

    def resolve(self, ref: str, where: str) -> str | None:
        if ref in self.ids:
            return ref
        found = self.by_name.get(slug(ref))
        if found:
            self.report.add(RESOLVED, f"{where}: {self.kind} '{ref}' -> '{found}'")
            return found
        self.report.add(REFS, f"{where}: no {self.kind} '{ref}'")
        return None


# interplanetary.json ----------------------------------------------------------------------------

TITLES = {
    "flyby": "{m} flies by {b}",
    "orbit": "{m} enters orbit around {b}",
    "lander": "{m} lands on {b}",
    "rover": "{m} rover lands on {b}",
    "sample collection": "{m} collects a sample from {b}",
    "sample return": "{m} returns a sample to {b}",
    "perihelion": "{m} reaches perihelion",
}


def body_name(to: str) -> str:
    """Display name of a target: HTML entities decoded, lower-case planet names capitalised."""
    name = html.unescape(to).strip()
    return name.capitalize() if name.islower() else name


def part_date(text: str) -> tuple[str, bool]:
    """The source's date as an ISO string at its precision, and whether a 00:00 time was cut.

    "2004-01-25T05:05" -> "2004-01-25T05:05Z"; "1969-07-31T05:03:00" keeps its seconds.
    A time of exactly midnight ("2000-02-14T00:00:00") is a placeholder in this list, so it
    becomes the day alone.
    """
    m = _PART_DATE.match(text.strip())
    if not m:
        raise ValueError(f"not a date: {text!r}")
    day, hhmm, ss = m.groups()
    if not hhmm:
        return day, False
    if hhmm == "00:00" and ss in (None, ":00"):
        return day, True
    return f"{day}T{hhmm}{ss or ''}Z", False


def _drop_matches(drop: dict[str, Any], mission: str, part: dict[str, Any]) -> bool:
    return (
        drop["mission"] == mission
        and drop.get("to", part.get("to")) == part.get("to")
        and drop.get("type", part.get("type")) == part.get("type")
        and drop.get("date", part.get("date")) == part.get("date")
    )


def planetary_events(path: Path, drops: list[dict[str, Any]], report: Report) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        missions = json.load(fh)["missions"]
    used = [False] * len(drops)
    events = []
    for mission in missions:
        name = str(mission["name"]).strip()
        launch_day = str(mission.get("launch", ""))[:10]
        for index, part in enumerate(mission.get("parts", [])):
            kind = str(part.get("type", ""))
            to = str(part.get("to", ""))
            raw_date = str(part.get("date", "") or "")
            label = f"{name}: {kind} {html.unescape(to)} {raw_date or '(no date)'}".rstrip()
            src = f"{PLANETARY_FILE}: {name}, parts[{index}]"

            reason = None
            for i, drop in enumerate(drops):
                if _drop_matches(drop, name, part):
                    used[i] = True
                    reason = f"known wrong: {drop['reason']} ({drop['source']})"
                    break
            if reason is None:
                reason = _drop_reason(mission, part, kind, raw_date, launch_day)
            if reason:
                report.add(DROPPED, f"{label}: {reason}")
                continue

            date, midnight = part_date(raw_date)
            if midnight:
                report.add(MIDNIGHT, f"{label} -> {date}")
            body = body_name(to)
            if kind == "lander" and body == "Earth":  # a return capsule; the craft itself may fly on
                title = f"{name}: landing on Earth"
            else:
                title = TITLES[kind].format(m=name, b=body)
            events.append(
                {
                    "id": f"{date[:10]}-{slug(name)}-{slug(body)}-{slug(kind)}",
                    "date": date,
                    "title": title,
                    "category": "planetary",
                    "body": body,
                    "source": PLANETARY_SOURCE,
                    "src": src,
                }
            )
    for drop, hit in zip(drops, used, strict=True):
        if not hit:
            report.add(DROPPED, f"curated drop for {drop['mission']} matched no part of {PLANETARY_FILE}")
    report.figure("events: interplanetary parts kept", len(events))
    return events


def _drop_reason(mission: dict[str, Any], part: dict[str, Any], kind: str, date: str, launch_day: str) -> str:
    if part.get("inprogress") or mission.get("inprogress"):
        return "marked in progress (planned) in the source"
    if not date:
        return f"no date (type '{kind}')" if kind else "no date"
    if date[:10] > SOURCE_CUTOFF:
        return f"dated after the source's commit date {SOURCE_CUTOFF} (a plan, not an event)"
    if kind not in TITLES:
        return f"unknown part type '{kind}'"
    if "success" not in part:
        return "the source gives no success flag, so the outcome is unknown"
    if part["success"] is not True:
        return (
            "the source marks it unsuccessful without saying what happened; its date may be a "
            "planned arrival, so no event is written"
        )
    if date[:10] == launch_day:
        return "dated on the mission's launch day, which is not when it reached its target"
    return ""


# missions.toml --------------------------------------------------------------------------------


def mission_events(
    mission_doc: dict[str, Any], curated: list[dict[str, Any]], report: Report
) -> list[dict[str, Any]]:
    """A `launch` event for every crewed launch failure or abort in McDowell's list."""
    covered = {
        e["mission"]: e["id"] for e in curated if e.get("mission") and e["category"] in ("launch", "accident")
    }
    events = []
    for mission in mission_doc.get("mission", []):
        outcome = mission.get("outcome")
        if outcome not in ("launch failure", "abort") or not mission.get("crew"):
            continue
        mid, name = str(mission["id"]), str(mission["name"])
        if mid in covered:
            report.add(COVERED, f"{name} ({mid}): see curated event {covered[mid]}")
            continue
        if outcome == "launch failure":
            title, what = f"{name} launch failure (crewed)", "launch-failure"
        else:  # McDowell's HA list: aborts and failures that did not reach 80 km
            what = "abort"
            head = name if "abort" in name.lower() else f"{name} abort"
            title = f"{head} (crewed; did not reach 80 km)"
        rid = f"{str(mission['launch'])[:10]}-{mid}"
        event: dict[str, Any] = {"id": rid if mid.endswith(what) else f"{rid}-{what}"}
        event["date"] = str(mission["launch"])
        if mission.get("launch_uncertain"):
            event["date_uncertain"] = True
        event.update(
            {
                "title": title,
                "category": "launch",
                "mission": mid,
                "source": MISSIONS_SOURCE,
                "src": str(mission.get("src", MISSIONS_SOURCE)),
            }
        )
        events.append(event)
    report.figure("events: from mission failures and aborts", len(events))
    return events
