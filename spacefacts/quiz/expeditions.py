"""Question kinds on stations and expeditions: who commanded an expedition, and which station
hosted a long-duration crew.

Each generator returns `Made` (spacefacts.quiz.questions): (prompt, answer, distractors,
explanation, lookup, source), or None when there are too few fair distractors.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacefacts import stations
    from spacefacts.quiz.bank import Bank
    from spacefacts.quiz.questions import Made

KINDS = {"expedition-commander": "crew", "expedition-station": "history"}
DISTRACTORS = 3
ERA_YEARS = 10
DIFFICULTY_RULE = (
    "An expedition question is easy for the first expedition of a station with a record, else medium."
)


def _level(sd: stations.Stations, e: stations.Expedition) -> str:
    first = min(sd.of_station(e.station), key=lambda x: x.start.iso)
    return "easy" if first.id == e.id else "medium"


def _index(bank: Bank) -> dict[str, Any]:
    """What the expedition questions ask, for every expedition: built once per bank from the
    stations and kept with it (spacefacts.quiz.kept), so a question does not load the stations.

    "commander": expedition id -> (commander, crewmates, station id, start year, prompt,
    explanation, lookup, source); "station": expedition id -> (prompt, station name, the names of
    stations in orbit in the era, explanation, lookup, source); per station id, "members" (of all
    its expeditions) and "seats" ((launch year, person) of its visits), nameable people only;
    "stations": every station's name; "specs": (kind, subject, difficulty)."""
    return bank.index("expeditions", lambda: _build(bank))


def _build(bank: Bank) -> dict[str, Any]:
    from spacefacts import stations

    sd = stations.load(bank.ds)
    found: dict[str, Any] = {
        "specs": [],
        "commander": {},
        "station": {},
        "members": {},
        "seats": {},
        "stations": [s.name for s in sd.stations],
    }
    for station in sd.stations:
        found["members"][station.id] = [
            m.person for x in sd.of_station(station.id) for m in x.members if m.person in bank.nameable
        ]
        found["seats"][station.id] = [
            (m.launch.year, seat.person)
            for m in stations.visits(bank.ds, station)
            for seat in m.crew
            if seat.person in bank.nameable
        ]
    for e in sd.expeditions:
        level = _level(sd, e)
        commander = e.commander
        if commander is not None:
            found["commander"][e.id] = _commander(bank, sd, e, commander.person)
            if commander.person in bank.nameable:
                found["specs"].append(("expedition-commander", e.id, level))
        found["station"][e.id] = _station(bank, sd, e)
        if any(m.person in bank.nameable for m in e.members):
            found["specs"].append(("expedition-station", e.id, level))
    return found


def specs(bank: Bank) -> list[tuple[str, str, str]]:
    """(kind, subject, difficulty) for every expedition that can be asked about."""
    return list(_index(bank)["specs"])


def _sample(rng: random.Random, tiers: list[list[str]], exclude: set[str]) -> list[str] | None:
    pool: list[str] = []
    for tier in tiers:
        pool += [v for v in dict.fromkeys(tier) if v not in exclude and v not in pool]
        if len(pool) >= DISTRACTORS:
            break
    return rng.sample(pool, DISTRACTORS) if len(pool) >= DISTRACTORS else None


def _title(sd: stations.Stations, e: stations.Expedition) -> str:
    station = sd.station(e.station)
    if e.station == "iss":
        return f"ISS {e.name}"
    return e.name if station.name.split("-")[0] in e.name else f"the {e.name} on {station.name}"


def _source(e: stations.Expedition) -> str:
    return f"{e.sources[0]} ({e.src})"


def _commander(bank: Bank, sd: stations.Stations, e: stations.Expedition, boss: str) -> tuple[Any, ...]:
    ds = bank.ds
    crewmates = [m.person for m in e.members if m.person != boss and m.person in bank.nameable]
    name = ds.person_by_id[boss].name
    crew = ", ".join(ds.person_by_id[m.person].name for m in e.members if m.person in ds.person_by_id)
    explanation = f"{name} commanded {e.name} ({e.start.iso[:10]} to {e.end.iso[:10] if e.end else 'later'}); crew: {crew}."
    prompt = f"Who commanded {_title(sd, e)}, which began in {e.start.year}?"
    return (
        boss,
        crewmates,
        e.station,
        e.start.year,
        prompt,
        explanation,
        f"spacefacts station {e.station}",
        _source(e),
    )


def _station(bank: Bank, sd: stations.Stations, e: stations.Expedition) -> tuple[Any, ...]:
    ds = bank.ds
    right = sd.station(e.station)
    year = e.start.year
    # Stations in orbit within ERA_YEARS of the crew first, then any other.
    near = [
        s.name
        for s in sd.stations
        if abs(s.launch.year - year) <= ERA_YEARS or (s.reentry and abs(s.reentry.year - year) <= ERA_YEARS)
    ]
    names = [ds.person_by_id[m.person].name for m in e.members if m.person in ds.person_by_id]
    shown = names if len(names) <= 3 else names[:3]
    crew = ", ".join(shown) + (" and others" if len(names) > len(shown) else "")
    return (
        f"Which space station hosted the long-duration crew of {crew} from {e.start.iso[:10]}?",
        right.name,
        near,
        f"{crew} served as {e.name} aboard {right.name}.",
        f"spacefacts station {right.id}",
        _source(e),
    )


def commander(bank: Bank, subject: str, rng: random.Random) -> Made:
    index = _index(bank)
    asked = index["commander"].get(subject)
    if asked is None:
        return None
    boss, crewmates, station, year, prompt, explanation, lookup, source = asked
    same_era = [person for launched, person in index["seats"][station] if abs(launched - year) <= ERA_YEARS]
    picked = _sample(rng, [crewmates, index["members"][station], same_era], {boss})
    if picked is None:
        return None
    return prompt, bank.name(boss), [bank.name(p) for p in picked], explanation, lookup, source


def station_of(bank: Bank, subject: str, rng: random.Random) -> Made:
    index = _index(bank)
    prompt, right, near, explanation, lookup, source = index["station"][subject]
    picked = _sample(rng, [near, index["stations"]], {right})
    if picked is None:
        return None
    return prompt, right, picked, explanation, lookup, source
