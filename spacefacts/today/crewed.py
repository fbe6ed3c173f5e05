"""Rows from the crewed-flight records: crewed launches and landings (McDowell), EVAs (cosmos-book),
births and deaths of people who flew, and the national firsts of people in space.
"""

from __future__ import annotations

from spacefacts.dataset import Dataset
from spacefacts.model import Eva, Mission, Person, Time
from spacefacts.today.rows import (
    Anniversary,
    country_at,
    crew_of,
    from_country,
    has_day,
    hours,
    make_row,
    names,
)

EVA_RECORD_RULE = "longer than every earlier EVA in the cosmos-book EVA list"


def crewed_launches(ds: Dataset, firsts: dict[str, list[str]]) -> list[Anniversary]:
    """A row per crewed flight that went above 80 km; a flight with a national first names its people."""
    rows = []
    for m in ds.missions:
        # Launch failures and aborts are events of their own (data/events.toml), and so is an accident on
        # its launch day (Challenger); a flight lost later (Soyuz 11, Columbia) still launched that day.
        lost_at_launch = (
            m.accident is not None and m.landing is not None and m.landing.iso[:10] == m.launch.iso[:10]
        )
        if m.outcome not in ("success", "fatal accident") or lost_at_launch or not has_day(m.launch):
            continue
        crew = crew_of(ds, m)
        notes = tuple(firsts.get(m.id, []))
        verb = "flies to space and back (suborbital)" if m.kind == "suborbital" else "launches"
        title = f"{m.name} {verb}" + (f" with {names(crew)}" if crew and not notes else "")
        sources = [f"McDowell {m.src}"]
        launch = ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
        if launch:
            sources.append(f"GCAT {launch.src}")
        rows.append(
            make_row(
                key=f"launch-{m.id}",
                when=m.launch,
                kind="crewed launch",
                tier=1 if notes else 2,
                title=title,
                sources=tuple(sources),
                notes=notes,
                mission=m.id,
                launch_tag=m.launch_tag,
                people=tuple(p.id for p in crew),
            )
        )
    return rows


def crewed_landings(ds: Dataset) -> list[Anniversary]:
    """A row per landing of a crewed ship, naming who came home on it (their own return)."""
    aboard: dict[str, list[Person]] = {}
    orphans: dict[tuple[str, str], list[tuple[Person, str, str | None]]] = {}
    for m in ds.missions:
        for person in crew_of(ds, m):
            back = person.return_from(m.id)
            if back is None:
                aboard.setdefault(m.id, []).append(person)
            elif back.on:
                aboard.setdefault(back.on, []).append(person)
            elif has_day(back.landing):
                orphans.setdefault((back.landing.iso, m.id), []).append((person, back.src, back.ship))
    rows = []
    for m in ds.missions:
        # A suborbital flight lands the day it launches; its launch row tells the story.
        if m.kind != "orbital" or m.landing is None or not has_day(m.landing):
            continue
        people = aboard.get(m.id, [])
        title = f"{m.name} lands" + (
            f", bringing home {names(people)}"
            if people
            else " uncrewed: its crew came home on another ship"
            if m.crew
            else ""
        )
        rows.append(
            make_row(
                key=f"landing-{m.id}",
                when=m.landing,
                kind="crewed landing",
                tier=2,
                title=title,
                sources=(f"McDowell {m.src}",),
                mission=m.id,
                people=tuple(p.id for p in people),
            )
        )
    for (iso, mission_id), came_home in sorted(orphans.items()):
        name = ds.mission_by_id[mission_id].name
        people = [p for p, _, _ in came_home]
        ships = {ship for _, _, ship in came_home}
        ship = ships.pop() if len(ships) == 1 else None
        on = f"on {ship}, which flew up uncrewed" if ship else "on a ship that flew up uncrewed"
        rows.append(
            make_row(
                key=f"landing-{mission_id}-return",
                when=Time(iso),
                kind="crewed landing",
                tier=2,
                title=f"{names(people)} land {on}, ending the flight that began on {name}",
                sources=tuple(dict.fromkeys(src for _, src, _ in came_home)),
                mission=mission_id,
                people=tuple(p.id for p in people),
            )
        )
    return rows


def _on_board(ds: Dataset, person: Person, eva: Eva) -> Mission | None:
    """The flight the person was on when the EVA began (launch <= start <= their own landing)."""
    start = eva.start.iso
    for m in ds.missions_of_person.get(person.id, []):
        if m.kind == "abort" or m.launch.iso[:10] > start[:10]:
            continue
        back = person.return_from(m.id)
        end = back.landing if back else m.landing
        if end is None or end.iso[:10] >= start[:10]:
            return m
    return None


def evas(ds: Dataset, first_eva_by_country: dict[tuple[str, str], str]) -> list[Anniversary]:
    """One row per EVA (people who went out at the same start time), with firsts and records."""
    groups: dict[str, list[tuple[Person, Eva]]] = {}
    for person in ds.people:
        for eva in person.evas:
            groups.setdefault(eva.start.iso, []).append((person, eva))
    first_of: dict[str, str] = {}
    for person in ds.people:
        if person.evas:
            first_of[person.id] = min(e.start.iso for e in person.evas)
    rows = []
    longest = 0
    first_start = {
        who: min(
            (
                s
                for s, members in groups.items()
                if any(who == "person" or p.gender == "F" for p, _ in members)
            ),
            default="",
        )
        for who in ("person", "woman")
    }
    for start in sorted(groups):
        members = groups[start]
        people = [p for p, _ in members]
        minutes = max(
            (int(e.duration.total_seconds()) // 60 for _, e in members if e.duration is not None), default=0
        )
        notes = []
        if minutes > longest:
            if longest:
                notes.append(f"the longest EVA to date ({hours(minutes)}; {EVA_RECORD_RULE})")
            longest = minutes
        firsts = [p for p in people if first_of.get(p.id) == start]
        national = False
        for who, noun in (("person", "EVA"), ("woman", "EVA by a woman")):
            for p in firsts:
                if first_eva_by_country.get((who, country_at(ds, p, start))) != p.id:
                    continue
                national = True
                world = start == first_start[who]
                notes.append(f"{p.name}, the first {noun}" + ("" if world else from_country(ds, p, start)))
        named = {n.split(",")[0] for n in notes}
        others = [p for p in firsts if p.name not in named]
        if others:
            notes.append(f"first EVA for {names(others)}")
        tier = 1 if national else 3 if notes else 4
        mission = next((m for p, e in members if (m := _on_board(ds, p, e))), None)
        length = f" ({hours(minutes)})" if minutes else ""
        where = f", {mission.name}" if mission else ""
        rows.append(
            make_row(
                key=f"eva-{start}",
                when=Time(start, any(e.start.uncertain for _, e in members)),
                kind="eva",
                tier=tier,
                title=f"EVA by {names(people)}{length}{where}",
                sources=tuple(dict.fromkeys(f"cosmos-book {e.src}" for _, e in members)),
                notes=tuple(notes),
                mission=mission.id if mission else None,
                person=people[0].id,
                people=tuple(p.id for p in people),
            )
        )
    return [r for r in rows if has_day(r.when)]


def national_people_firsts(ds: Dataset) -> tuple[dict[str, list[str]], dict[tuple[str, str], str]]:
    """Notes per mission id for a country's first person and first woman in space, and each
    country's first person and first woman on an EVA, keyed ("person" or "woman", country at the time).

    Rule: the state the person was a citizen of at the flight (nations.RULE); flights above 80 km (aborts excluded) in launch order; women
    by McDowell's gender column; compatriots on the same first flight share the first.
    """
    firsts: dict[tuple[str, str], tuple[str, list[Person]]] = {}
    for m in sorted((m for m in ds.missions if m.kind != "abort"), key=lambda m: m.launch.iso):
        for person in crew_of(ds, m):
            for who in ("person", "woman") if person.gender == "F" else ("person",):
                mission_id, people = firsts.setdefault(
                    (who, country_at(ds, person, m.launch.iso)), (m.id, [])
                )
                if mission_id == m.id:
                    people.append(person)
    notes: dict[str, list[str]] = {}
    world = {"person": True, "woman": True}
    for (who, _), (mission_id, people) in firsts.items():
        many = len(people) > 1
        noun = ("people" if many else "person") if who == "person" else ("women" if many else "woman")
        where = "" if world[who] else from_country(ds, people[0], ds.mission_by_id[mission_id].launch.iso)
        world[who] = False
        notes.setdefault(mission_id, []).append(f"{names(people)}, the first {noun} in space{where}")
    first_eva: dict[tuple[str, str], str] = {}
    for _, citizen, gender, person_id in sorted(
        (e.start.iso, country_at(ds, p, e.start.iso), p.gender or "", p.id) for p in ds.people for e in p.evas
    ):
        first_eva.setdefault(("person", citizen), person_id)
        if gender == "F":
            first_eva.setdefault(("woman", citizen), person_id)
    return notes, first_eva


def births_and_deaths(ds: Dataset) -> list[Anniversary]:
    """Birthdays and deaths of people who flew (McDowell's Born and Died columns, day precision)."""
    rows = []
    for person in ds.people:
        flown = [m for m in ds.missions_of_person.get(person.id, []) if m.kind != "abort"]
        if not flown:
            continue
        first = flown[0]
        flights = f"{len(flown)} flights" if len(flown) > 1 else "1 flight"
        summary = f"{flights}, the first on {first.name} ({first.launch.year})"
        for when, verb in ((person.born, "is born"), (person.died, "dies")):
            if when is None or not has_day(when):
                continue
            rows.append(
                make_row(
                    key=f"{'born' if verb == 'is born' else 'died'}-{person.id}",
                    when=when,
                    kind="birth" if verb == "is born" else "death",
                    tier=4,
                    title=f"{person.name} ({country_at(ds, person, when.iso)}) {verb}: {summary}",
                    sources=(f"McDowell {person.src}",),
                    person=person.id,
                    people=(person.id,),
                )
            )
    return rows
