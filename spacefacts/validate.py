"""Referential and ordering checks over a whole dataset, one line per problem."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from spacefacts.dataset import Dataset
from spacefacts.errors import DataError
from spacefacts.model import Event, Launch, Mission, Person, Time
from spacefacts.queries import flight_end
from spacefacts.text import fold

# A date-only EVA or landing may sit anywhere in its day.
SLACK = timedelta(days=1)


def check(ds: Dataset, only_user: bool = False) -> list[str]:
    """Return the problems found; an empty list means the data is clean.

    `only_user` checks just the records from the user's own folders (--data): the built-in
    records are checked when the data is built, and this runs on every command that has --data.
    """
    try:
        ds.load_all()
    except DataError as exc:
        return [str(exc)]

    def mine(table: str, key: str) -> bool:
        return not only_user or (table, key) in ds.origins

    found: list[str] = []
    if not only_user:
        found += _unique_ids(ds)
    found += _missions(ds, [m for m in ds.missions if mine("missions.toml", m.id)])
    found += _people(ds, [p for p in ds.people if mine("people.toml", p.id)])
    found += _events(ds, [e for e in ds.events if mine("events.toml", e.id)])
    return found


def check_launches(ds: Dataset) -> list[str]:
    """The launch table alone: every row loads, tags are unique, no text holds a control character."""
    try:
        for name in ("sites", "launches", "launch_by_tag", "launches_by_year"):
            getattr(ds, name)
    except DataError as exc:
        return [str(exc)]
    found = [
        f"launches.toml: record {value}: id used {count} times"
        for value, count in Counter(launch.tag for launch in ds.launches).items()
        if count > 1
    ]
    for launch in ds.launches:
        for field, value in zip(Launch._fields, launch, strict=True):
            if isinstance(value, str) and not value.isprintable():
                found.append(
                    f"launches.toml: record {launch.tag!r}: field '{field}': holds a control character"
                )
    return found


def _unique_ids(ds: Dataset) -> list[str]:
    found = []
    for file, ids in (
        ("launches.toml", [launch.tag for launch in ds.launches]),
        ("missions.toml", [m.id for m in ds.missions]),
        ("people.toml", [p.id for p in ds.people]),
        ("events.toml", [e.id for e in ds.events]),
    ):
        for value, count in Counter(ids).items():
            if count > 1:
                found.append(f"{file}: record {value}: id used {count} times")
    for key, ids in ds.mission_keys.items():
        if len(ids) > 1:
            found.append(f"missions.toml: name or alias '{key}' is shared by {', '.join(ids)}")
    return found


def _missions(ds: Dataset, missions: list[Mission]) -> list[str]:
    found = []
    for m in missions:
        where = f"{ds.file_of('missions.toml', m.id)}: record {m.id}"
        if m.landing is not None and m.landing.start + SLACK < m.launch.start:
            found.append(f"{where}: field 'landing': {m.landing.iso} is before launch {m.launch.iso}")
        if m.launch_tag and m.launch_tag not in ds.launch_by_tag:
            found.append(f"{where}: field 'launch_tag': no launch {m.launch_tag} in launches.toml")
        for seat in m.crew:
            if seat.person not in ds.person_by_id:
                found.append(f"{where}: field 'crew': no person '{seat.person}' in people.toml")
    return found


def _windows(ds: Dataset, person: Person) -> list[tuple[Mission, Time | None]]:
    """(launch mission, the person's own return) for each flight; None while still up."""
    windows = []
    for mission_id in person.flights:
        mission = ds.mission_by_id.get(mission_id)
        if mission is not None:
            windows.append((mission, flight_end(person, mission)))
    return windows


def _people(ds: Dataset, people: list[Person]) -> list[str]:
    found = []
    for person in people:
        where = f"{ds.file_of('people.toml', person.id)}: record {person.id}"
        for mission_id in person.flights:
            mission = ds.mission_by_id.get(mission_id)
            back = person.return_from(mission_id)
            if back and back.on and back.on not in ds.mission_by_id:
                found.append(f"{where}: field 'returns': no mission '{back.on}' in missions.toml")
            if mission is None:
                found.append(f"{where}: field 'flights': no mission '{mission_id}' in missions.toml")
            elif person.id not in {seat.person for seat in mission.crew}:
                found.append(f"{where}: field 'flights': not in the crew of {mission_id}")
        if person.born and person.died and person.died.start < person.born.start:
            found.append(f"{where}: field 'died': before birth")
        windows = _windows(ds, person)
        for eva in person.evas:
            start = eva.start.start
            inside = any(
                m.launch.start - SLACK <= start and (end is None or start <= end.start + SLACK)
                for m, end in windows
            )
            if not inside:
                found.append(
                    f"{where}: field 'evas': EVA on {eva.start.iso} is outside every flight ({eva.src})"
                )
    return found


def _events(ds: Dataset, events: list[Event]) -> list[str]:
    found = []
    for event in events:
        where = f"{ds.file_of('events.toml', event.id)}: record {event.id}"
        if event.mission and event.mission not in ds.mission_by_id:
            found.append(f"{where}: field 'mission': no mission '{event.mission}'")
        if event.person and event.person not in ds.person_by_id:
            found.append(f"{where}: field 'person': no person '{event.person}'")
        if not fold(event.title):
            found.append(f"{where}: field 'title': empty")
    return found
