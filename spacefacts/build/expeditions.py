"""Stations and their long-duration crews (data/expeditions.toml), checked against the flights.

Both come from curated files, each record citing its public source: curated/stations.toml (a
station's first module in the GCAT launch log, McDowell's name for it, a cited re-entry) and
curated/expeditions.toml (who served, from when to when, on which ships). The build resolves
people and ships to the dataset's ids and checks every expedition against McDowell's crewed
flights:

Two shortcuts where a source names the crew but not the dates: `span = "flight"` (the crew of
one flight: its launch to its landing) and `span = "crew"` (the crew's launch to their own return),
both from McDowell's list.

- every member is in space (launched, not yet home) on a flight to that station for the whole
  time the record says they served;
- the ships a member arrived and left on are theirs (the launch ship, or their own return);
- each boundary falls on a crew arrival or departure: within ARRIVAL_DAYS after the launch of,
  or DEPARTURE_DAYS before the landing of, a crewed flight to the station (a docking follows the
  launch by hours to two days; a Shuttle undocked about two days before landing), or on the
  docking or undocking of a member's ship inside its flight that the record cites (a crew moving
  between two stations, or a Shuttle that landed days after undocking).

A record may list `disagreements`: where the pages read disagree with each other or with
McDowell's list, and which value it uses; they are reported as they are (the checks above still
run on the values used).

Every finding is reported. A finding that a cited correction (`[[correction]]`) answers is
listed as resolved; any other stops the build, so data/ never holds an unchecked expedition. A
correction either adds a station a flight visited (`also_visited`) or gives a flight's landing
where McDowell's date is contradicted by the cited source (`landing`, used by these checks only).
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report
from spacefacts.text import fold

ARRIVAL_DAYS = 3
DEPARTURE_DAYS = 3
CHECKED = "expeditions: checks against the crewed flights"
RESOLVED = "expeditions: findings resolved by a cited correction"
TRANSFERS = "expeditions: boundaries on a cited docking or undocking of a member's ship, during its flight"
GAPS = "expeditions: gaps (not in the curated records)"
DISAGREE = "expeditions: where the pages read disagree (with each other or McDowell), and the value used"
RULE = (
    "Each member is in space on a flight to the station (launched, not yet home: McDowell's list, a "
    "person's own return where they came home on another ship) for the whole time they served; "
    f"each boundary is within {ARRIVAL_DAYS} days after a crewed launch to the station or within "
    f"{DEPARTURE_DAYS} days before a landing from it, or on a cited docking or undocking of a member's "
    "ship during its flight (a move between stations, a landing delayed after undocking); dates known to the day are compared by day, times to the minute."
)

STATION_FIELDS = {
    "id",
    "name",
    "aliases",
    "short",
    "mcdowell",
    "gcat_launch",
    "gcat_payload",
    "reentry",
    "reentry_source",
}
EXPEDITION_FIELDS = {
    "id",
    "name",
    "station",
    "number",
    "start",
    "start_event",
    "end",
    "end_event",
    "span",
    "flight",
    "crew_of_flight",
    "note",
    "sources",
    "members",
    "disagreements",
}
MEMBER_FIELDS = {"astro_no", "name", "role", "up", "down", "joined", "left"}
CORRECTION_FIELDS = {"flight", "also_visited", "landing", "reason", "source"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$")


class ExpeditionError(ValueError):
    """A curated record that does not fit the data; the message names the record."""


def _lines(path: Path, key: str) -> dict[str, int]:
    """Line number of each `id = "..."` (or other key) in a curated file, for `src`."""
    found: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(rf'^{key} = "([^"]+)"', line)
        if m:
            found.setdefault(m[1], number)
    return found


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def _at_or_after(a: str, b: str) -> bool:
    """a >= b, by day when either is known only to the day, else to the minute (sources give the
    same docking or landing a few seconds apart)."""
    if len(a) <= 10 or len(b) <= 10:
        return a[:10] >= b[:10]
    return a[:16] >= b[:16]


def _within(boundary: str, start: str, days: int) -> bool:
    """start <= boundary <= start + days (by day when either is a date only)."""
    if len(boundary) <= 10 or len(start) <= 10:
        return _day(start) <= _day(boundary) <= _day(start) + timedelta(days=days)
    return _at_or_after(boundary, start) and _day(boundary) <= _day(start) + timedelta(days=days)


def _check_fields(record: dict[str, Any], allowed: set[str], what: str) -> None:
    extra = set(record) - allowed
    if extra:
        raise ExpeditionError(f"{what}: unknown field(s) {', '.join(sorted(extra))}")


def load_stations(
    curated: Path, launch_doc: dict[str, Any], report: Report
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    path = curated / "stations.toml"
    lines = _lines(path, "id")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))["station"]
    launches = {launch["tag"]: launch for launch in launch_doc["launch"]}
    out = []
    for record in raw:
        _check_fields(record, STATION_FIELDS, f"station {record.get('id')}")
        launch = launches.get(record["gcat_launch"])
        if launch is None or launch["payload"] != record["gcat_payload"]:
            found = launch["payload"] if launch else "no such launch"
            raise ExpeditionError(
                f"station {record['id']}: GCAT {record['gcat_launch']} is {found!r}, "
                f"not {record['gcat_payload']!r}"
            )
        if "reentry" in record and not _ISO.match(record["reentry"]):
            raise ExpeditionError(f"station {record['id']}: reentry {record['reentry']!r} is not ISO")
        if "reentry" not in record:
            report.add(GAPS, f"{record['name']}: no cited re-entry (or still in orbit); none is shown")
        out.append(
            {
                "id": record["id"],
                "name": record["name"],
                "short": record.get("short", record["name"]),
                "aliases": record.get("aliases", []),
                "mcdowell": record["mcdowell"],
                "launch_tag": launch["tag"],
                "launch": launch["date"],
                "launch_src": launch["src"],
                "reentry": record.get("reentry"),
                "reentry_source": record.get("reentry_source"),
                "src": f"curated/stations.toml:line {lines.get(record['id'], 0)}",
            }
        )
    return out, {s["id"]: s for s in out}


class _Flights:
    """The crewed-flight and people documents, indexed for the checks."""

    def __init__(self, mission_doc: dict[str, Any], people_doc: dict[str, Any]):
        self.missions: dict[str, dict[str, Any]] = {m["id"]: m for m in mission_doc["mission"]}
        self.by_name: dict[str, str] = {}
        for m in mission_doc["mission"]:
            for name in (m["id"], m["name"], *m.get("aliases", [])):
                self.by_name.setdefault(fold(name), m["id"])
        self.people: dict[str, dict[str, Any]] = {p["id"]: p for p in people_doc["person"]}
        self.by_astro = {p["astro_no"]: p["id"] for p in people_doc["person"] if p.get("astro_no")}

    def mission(self, name: str, where: str) -> dict[str, Any]:
        mission_id = self.by_name.get(fold(name))
        if mission_id is None:
            raise ExpeditionError(f"{where}: no crewed flight named {name!r}")
        return self.missions[mission_id]

    def person(self, astro_no: str, where: str) -> dict[str, Any]:
        person_id = self.by_astro.get(astro_no)
        if person_id is None:
            raise ExpeditionError(f"{where}: no person {astro_no} in McDowell's list")
        return self.people[person_id]

    def home(self, person: dict[str, Any], mission: dict[str, Any]) -> tuple[str | None, str | None]:
        """(when, on which ship id) the person came home from this flight; (None, None) if still up."""
        for back in person.get("returns", []):
            if back["mission"] == mission["id"]:
                return back["landing"], back.get("on")
        return mission.get("landing"), mission["id"] if mission.get("landing") else None


def _read_corrections(
    doc: dict[str, Any], flights: _Flights, report: Report
) -> tuple[dict[str, set[str]], dict[str, str], list[dict[str, str]]]:
    """The cited corrections: extra stations a flight visited, and landings the checks use instead of
    McDowell's (which also replace the flight's landing in `flights`)."""
    visited: dict[str, set[str]] = {}  # mission id -> extra station ids, from cited corrections
    corrections: dict[str, str] = {}
    cited_landings: list[dict[str, str]] = []  # cited landings the checks use instead of McDowell's
    for record in doc.get("correction", []):
        _check_fields(record, CORRECTION_FIELDS, f"correction {record.get('flight')}")
        mission = flights.mission(record["flight"], "correction")
        why = f"{record['reason']} ({record['source']})"
        if record.get("also_visited"):
            visited.setdefault(mission["id"], set()).add(record["also_visited"])
            corrections[mission["id"]] = why
            report.add(
                RESOLVED,
                f"{mission['name']} also visited {record['also_visited']} (counted as a visit there): {why}",
            )
        elif record.get("landing") and _ISO.match(record["landing"]):
            report.add(
                RESOLVED,
                f"{mission['name']} landed {record['landing']}, not {mission.get('landing')} as McDowell "
                f"has it (used by the expedition checks only): {why}",
            )
            flights.missions[mission["id"]] = {**mission, "landing": record["landing"]}
            cited_landings.append({"flight": mission["id"], "landing": record["landing"], "reason": why})
        else:
            raise ExpeditionError(f"correction {record['flight']}: needs also_visited or an ISO landing")
    return visited, corrections, cited_landings


def _span(
    record: dict[str, Any], flights: _Flights, where: str
) -> tuple[str, str | None, str | None, str | None, list[dict[str, Any]]]:
    """An expedition's start and end (and the events they are), and its members as the record gives
    them, filled in from the flight when the span is a flight's or a crew's."""
    members_in = list(record.get("members", []))
    start: str
    end: str | None
    start_event: str | None
    end_event: str | None
    if record.get("span") == "flight":
        flight = flights.mission(record["flight"], where)
        start, end = flight["launch"], flight.get("landing")
        start_event, end_event = f"launch of {flight['name']}", f"landing of {flight['name']}"
        if record.get("crew_of_flight"):
            members_in = [{"astro_no": flights.people[seat["person"]]["astro_no"]} for seat in flight["crew"]]
        for member in members_in:
            member.setdefault("up", flight["name"])
            if fold(member["up"]) == fold(flight["name"]):  # others may stay on after it
                member.setdefault("down", flight["name"])
    elif record.get("span") == "crew":
        # The source names the crew only: from their ship's launch to their own return.
        flight = flights.mission(record["flight"], where)
        for member in members_in:
            member.setdefault("up", flight["name"])
        homes = [flights.home(flights.person(m["astro_no"], where), flight) for m in members_in]
        back, on = min(homes, key=lambda h: h[0] or "~")
        start, end = flight["launch"], back
        start_event = f"launch of {flight['name']}"
        end_event = f"landing of {flights.missions[on]['name']}" if on else None
    else:
        start, end = record["start"], record.get("end")
        start_event, end_event = record.get("start_event"), record.get("end_event")
    for value in (start, end):
        if value is not None and not _ISO.match(value):
            raise ExpeditionError(f"{where}: {value!r} is not an ISO UTC date or time")
    if end is not None and not _at_or_after(end, start):
        raise ExpeditionError(f"{where}: ends before it starts")
    return start, end, start_event, end_event, members_in


def _check_boundaries(
    key: str,
    station: dict[str, Any],
    boundaries: dict[str, tuple[str | None, str | None]],
    members: list[dict[str, Any]],
    visits: list[dict[str, Any]],
    flights: _Flights,
    report: Report,
) -> list[str]:
    """Each boundary (start, end: when, and the event it is) must fall on a crew arrival or departure
    at the station, or on a cited docking inside a member's flight; what does not is a finding."""
    findings: list[str] = []
    for label, (boundary, event) in boundaries.items():
        if boundary is None:
            continue
        on_arrival = [m["name"] for m in visits if _within(boundary, m["launch"], ARRIVAL_DAYS)]
        # A landing from the station: a ship's, or a crew's own return on a ship that flew up
        # uncrewed (Soyuz MS-23 brought the MS-22 crew home).
        landings = [(m["name"], m["landing"]) for m in visits if m.get("landing")]
        landings += [
            (f"the {m['name']} crew's return", back["landing"])
            for m in visits
            for seat in m["crew"]
            for back in flights.people[seat["person"]].get("returns", [])
            if back["mission"] == m["id"] and not back.get("on")
        ]
        on_departure = sorted({name for name, when in landings if _within(when, boundary, DEPARTURE_DAYS)})
        transfer = _in_flight_docking(event, boundary, members, flights)
        if not on_arrival and not on_departure and transfer:
            report.add(
                TRANSFERS,
                f"{key} {label} {boundary}: the {event}, inside that flight, as the source gives it "
                "(a move between stations, or a landing more than "
                f"{DEPARTURE_DAYS} days after undocking)",
            )
        elif not on_arrival and not on_departure:
            findings.append(
                f"{key}: {label} {boundary} is on no crew arrival or departure at {station['name']}"
            )
        else:
            report.add(
                CHECKED,
                f"{key} {label} {boundary}: "
                + "; ".join(
                    [f"after the launch of {n}" for n in on_arrival]
                    + [f"before the landing of {n}" for n in on_departure]
                ),
            )
    return findings


def build(
    curated: Path,
    launch_doc: dict[str, Any],
    mission_doc: dict[str, Any],
    people_doc: dict[str, Any],
    report: Report,
) -> dict[str, Any]:
    """The document for data/expeditions.toml: [meta], [[station]], [[expedition]]."""
    stations, station_by_id = load_stations(curated, launch_doc, report)
    path = curated / "expeditions.toml"
    lines = _lines(path, "id")
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    flights = _Flights(mission_doc, people_doc)

    visited, corrections, cited_landings = _read_corrections(doc, flights, report)

    code_to_station = {code: s["id"] for s in stations for code in s["mcdowell"]}

    def stations_of(mission: dict[str, Any]) -> set[str]:
        found = {code_to_station[mission["station"]]} if mission.get("station") in code_to_station else set()
        return found | visited.get(mission["id"], set())

    def to_station(station_id: str) -> list[dict[str, Any]]:
        return [
            m
            for m in flights.missions.values()
            # A flight that reached orbit counts, whatever its end (Soyuz 11, lost at landing).
            if station_id in stations_of(m) and m["kind"] != "abort" and m["outcome"] != "launch failure"
        ]

    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in doc.get("expedition", []):
        key = record.get("id", "?")
        where = f"expedition {key}"
        _check_fields(record, EXPEDITION_FIELDS, where)
        if key in seen:
            raise ExpeditionError(f"{where}: id used twice")
        seen.add(key)
        station = station_by_id.get(record["station"])
        if station is None:
            raise ExpeditionError(f"{where}: no station {record['station']!r}")
        findings: list[str] = []
        for line in record.get("disagreements", []):
            report.add(DISAGREE, f"{key}: {line}")
        start, end, start_event, end_event, members_in = _span(record, flights, where)

        members = []
        for member in members_in:
            _check_fields(member, MEMBER_FIELDS, where)
            person = flights.person(member["astro_no"], where)
            joined, left = member.get("joined", start), member.get("left", end)
            up = flights.mission(member["up"], where) if member.get("up") else None
            if up is None:  # the last flight the person launched on before joining
                launched = [
                    flights.missions[f]
                    for f in person["flights"]
                    if _at_or_after(joined, flights.missions[f]["launch"])
                ]
                up = launched[-1] if launched else None
            if up is None or up["id"] not in person["flights"]:
                raise ExpeditionError(f"{where}: {person['name']} did not launch on {member.get('up')}")
            if station["id"] not in stations_of(up):
                findings.append(
                    f"{key}: {person['name']} arrived on {up['name']}, which McDowell lists for "
                    f"{up.get('station') or 'no station'}, not {station['name']}"
                )
            back, on = flights.home(person, up)
            if not _at_or_after(joined, up["launch"]):
                findings.append(f"{key}: {person['name']} served from {joined}, before {up['name']} launched")
            if back is not None and (left is None or not _at_or_after(back, left)):
                findings.append(
                    f"{key}: {person['name']} served until {left or 'the data end'}, but was home {back}"
                )
            down = None
            if member.get("down"):
                down = flights.mission(member["down"], where)
                if on is not None and down["id"] != on:
                    findings.append(f"{key}: {person['name']} left on {down['name']}, but came home on {on}")
            members.append(
                {
                    "person": person["id"],
                    "role": member.get("role"),
                    "up": up["id"],
                    "down": down["id"] if down else on,
                    "joined": member.get("joined"),
                    "left": member.get("left"),
                }
            )
        if not members:
            raise ExpeditionError(f"{where}: no members")

        boundaries = {"start": (start, start_event), "end": (end, end_event)}
        findings += _check_boundaries(
            key, station, boundaries, members, to_station(station["id"]), flights, report
        )
        if findings:
            raise ExpeditionError("; ".join(findings))
        out.append(
            {
                "id": key,
                "name": record["name"],
                "station": station["id"],
                "number": record.get("number"),
                "start": start,
                "start_event": start_event,
                "end": end,
                "end_event": end_event,
                "note": record.get("note"),
                "sources": record["sources"],
                "members": members,
                "src": f"curated/expeditions.toml:line {lines.get(key, 0)}",
            }
        )
    out.sort(key=lambda e: (e["station"], e["start"], e["id"]))
    visits_corrected = [
        {"flight": m_id, "also_visited": sorted(extra), "reason": corrections[m_id]}
        for m_id, extra in sorted(visited.items())
    ]
    report.figure("expeditions", len(out))
    report.figure("stations", len(stations))
    _report_gaps(stations, out, report)
    return {
        "meta": {"rule": RULE, "arrival_days": ARRIVAL_DAYS, "departure_days": DEPARTURE_DAYS},
        "station": stations,
        "visit": visits_corrected,
        "landing": cited_landings,
        "expedition": out,
    }


def _in_flight_docking(
    event: str | None, boundary: str, members: list[dict[str, Any]], flights: _Flights
) -> bool:
    """Whether the cited boundary event is a docking or undocking of a ship a member arrived or
    left on, inside that ship's flight (a crew moving between two stations, as Soyuz T-15 did, or a
    Shuttle whose landing came days after undocking, as STS-111's did)."""
    m = re.fullmatch(r"(?:un)?docking of (.+)", event or "")
    if m is None:
        return False
    ship = flights.by_name.get(fold(m[1]))
    if ship is None or ship not in {member[end] for member in members for end in ("up", "down")}:
        return False
    mission = flights.missions[ship]
    landing = mission.get("landing")
    return _at_or_after(boundary, mission["launch"]) and (landing is None or _at_or_after(landing, boundary))


def _report_gaps(stations: list[dict[str, Any]], expeditions: list[dict[str, Any]], report: Report) -> None:
    for station in stations:
        numbers = sorted(e["number"] for e in expeditions if e["station"] == station["id"] and e["number"])
        names = [e["name"] for e in expeditions if e["station"] == station["id"]]
        if not names:
            report.add(GAPS, f"{station['name']}: no expedition records")
            continue
        if numbers:
            missing = [n for n in range(numbers[0], numbers[-1] + 1) if n not in numbers]
            if missing:
                report.add(
                    GAPS,
                    f"{station['name']}: numbered crews {numbers[0]}..{numbers[-1]} have no record for "
                    + ", ".join(str(n) for n in missing),
                )
