"""How well known a flight, a person, an event or a year is, measured from the records.

A question's difficulty is how well known its subject is, not a guess by program. Renown is a sum
of points for what the records say about the subject (FAME_RULE); the thresholds turn points
into easy, medium and hard. Questions that ask for a date or an order (on-date, which-came-first)
need more renown to be easy: knowing a flight is not knowing its day.

New question kinds use `Fame.level(points, recall=...)` with their own points, or the points of
the mission, person or event they ask about; `Fame.mentions(text)` counts curated events naming
a thing, for subjects that are not missions or people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from spacefacts.dataset import Dataset
from spacefacts.model import Event, Mission

CURATED = 3  # per curated event naming it (at most two counted)
FIRST = 2  # per first of its kind: of a spacecraft family, of a program's orbital flights, a record
WORLD_FIRST, PROGRAM_FIRST, NATIONAL_FIRST = 4, 3, 1  # first person, woman or spacewalker: in the
# world; of a country with its own crewed program; of any other country (only the best one counts)
SMALL = 1  # one of a small program's flights
ENDED_YEARS = 5  # a family with no crewed flight in the data's last this many years has ended
SMALL_PROGRAM = 15  # crewed flights at most, for a small program (Vostok, Mercury, Gemini, Apollo)
EASY, MEDIUM = 3, 1  # points at least, for easy and for medium
RECALL_EASY, RECALL_MEDIUM = 5, 3  # the same, for questions that ask for a date or an order

FAME_RULE = (
    "Difficulty is how well known the subject is, measured from the records in points: "
    f"+{CURATED} for each hand-picked (curated) event naming it (at most two); "
    f"+{FIRST} for each first, last or record it holds: first crewed flight of an orbital spacecraft "
    f"family, last of one that has ended (no crewed flight in the data's last {ENDED_YEARS} years), "
    "first crewed orbital flight of its country's program, a record held today (records command); "
    f"+{SMALL} for the first or last flight of a suborbital family; "
    "for the first person, first woman or first spacewalker (the flight and the person, best one "
    f"only): +{WORLD_FIRST} in the world, +{PROGRAM_FIRST} of a country with its own crewed program, "
    f"+{NATIONAL_FIRST} of any other country; "
    f"+{SMALL} for a flight of an orbital program with at most {SMALL_PROGRAM} crewed flights; "
    "a person adds the points of their best-known flight (less its people's firsts, counted once "
    "already); an event earns the points of its "
    f"flight (or +{CURATED} if curated and about no flight), and +{FIRST} if it is the first event in the data at its planet or body; a year "
    f"earns +{EASY} for being the first year of spaceflight and +{EASY} for being the busiest. "
    f"Easy is at least {EASY} points, medium at least {MEDIUM}, else hard; questions asking for a "
    f"date or an order (on-date, which-came-first) need {RECALL_EASY} for easy and "
    f"{RECALL_MEDIUM} for medium."
)


@dataclass(frozen=True)
class Renown:
    """How well known something is: points, and the reasons for them."""

    points: int
    reasons: tuple[str, ...]

    def __add__(self, other: Renown) -> Renown:
        return Renown(self.points + other.points, self.reasons + other.reasons)


NOTHING = Renown(0, ())


def level(points: int, recall: bool = False) -> str:
    easy, medium = (RECALL_EASY, RECALL_MEDIUM) if recall else (EASY, MEDIUM)
    return "easy" if points >= easy else "medium" if points >= medium else "hard"


class Fame:
    """Renown of every mission, person and event, computed once per dataset."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.curated = [e for e in ds.events if e.src.startswith("curated/")]
        flown = sorted((m for m in ds.missions if m.kind != "abort"), key=lambda m: m.launch.iso)
        self._mission: dict[str, Renown] = {}
        self._person: dict[str, Renown] = {}
        self._add_curated()
        self._add_families(flown)
        self._add_orbital_programs(flown)
        crew_firsts = self._add_people_firsts()
        self._add_records()
        self._add_best_flights(crew_firsts)

    @staticmethod
    def _add(table: dict[str, Renown], key: str, points: int, reason: str) -> None:
        table[key] = table.get(key, NOTHING) + Renown(points, (reason,))

    def _add_curated(self) -> None:
        ds = self.ds
        for e in self.curated:
            if e.mission and e.mission in ds.mission_by_id:
                self._add(self._mission, e.mission, CURATED, f"curated event: {e.title}")
            if e.person and e.person in ds.person_by_id:
                self._add(self._person, e.person, CURATED, f"curated event: {e.title}")
        self._mission = {k: _capped(v) for k, v in self._mission.items()}
        self._person = {k: _capped(v) for k, v in self._person.items()}

    def _add_families(self, flown: list[Mission]) -> None:
        families: dict[str, list[Mission]] = {}
        for m in flown:
            families.setdefault((m.family or m.name).split("/")[0], []).append(m)
        ended = max(m.launch.year for m in flown) - ENDED_YEARS
        for family, flights in families.items():
            orbital = any(m.kind == "orbital" for m in flights)
            self._add(
                self._mission,
                flights[0].id,
                FIRST if orbital else SMALL,
                f"first crewed flight of the {family} family",
            )
            if flights[-1].launch.year <= ended and len(flights) > 1:
                self._add(
                    self._mission,
                    flights[-1].id,
                    FIRST if orbital else SMALL,
                    f"last crewed flight of the {family} family",
                )
            if orbital and len(flights) <= SMALL_PROGRAM:
                for m in flights:
                    self._add(self._mission, m.id, SMALL, f"one of {len(flights)} crewed {family} flights")

    def _add_orbital_programs(self, flown: list[Mission]) -> None:
        orbital_states: set[str] = set()
        for m in flown:
            launch = self.ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
            if m.kind == "orbital" and launch is not None:
                state = {"SU": "RU"}.get(launch.state, launch.state)
                if state not in orbital_states:
                    orbital_states.add(state)
                    self._add(
                        self._mission, m.id, FIRST, "first crewed orbital flight of its country's program"
                    )

    def _add_people_firsts(self) -> dict[str, int]:
        """People's firsts: only the best one of each flight and of each person counts.
        Returns each flight's points for its people's firsts."""
        from spacefacts.today.crewed import national_people_firsts

        ds = self.ds
        firsts: dict[tuple[str, str], tuple[int, str]] = {}
        program_states = self._program_states()

        def first(table: str, key: str, citizen: str, world: bool, text: str) -> None:
            points = WORLD_FIRST if world else PROGRAM_FIRST if citizen in program_states else NATIONAL_FIRST
            if points > firsts.get((table, key), (0, ""))[0]:
                firsts[(table, key)] = (points, text)

        notes, first_eva = national_people_firsts(ds)
        for mission_id, texts in notes.items():
            m = ds.mission_by_id[mission_id]
            for text in texts:
                crew = [p for s in m.crew if (p := ds.person_by_id.get(s.person)) and p.name in text]
                citizen = crew[0].citizen if crew else ""
                world = " from " not in text
                first("mission", mission_id, citizen, world, text)
                for person in crew:
                    first("person", person.id, citizen, world, text)
        world_eva: set[str] = set()
        for (who, citizen), person_id in first_eva.items():  # in date order: the world's first first
            if person_id in ds.person_by_id:
                world = who not in world_eva
                text = f"the first {who} on a spacewalk" + ("" if world else " from their country")
                first("person", person_id, citizen, world, text)
                world_eva.add(who)
        for (table, key), (points, text) in firsts.items():
            self._add(self._mission if table == "mission" else self._person, key, points, text)
        return {key: points for (table, key), (points, _) in firsts.items() if table == "mission"}

    def _add_records(self) -> None:
        from spacefacts.history import records

        for record in records(self.ds, datetime(9999, 12, 31, tzinfo=UTC)).records:
            if record.holder is not None:
                self._add(self._person, record.holder.id, FIRST, f"holds the record: {record.title.lower()}")

    def _add_best_flights(self, crew_firsts: dict[str, int]) -> None:
        """A person is also as well known as their best-known flight, less its people's firsts
        (a first person's own first is counted above, a crewmate's is not theirs)."""
        ds = self.ds
        for person in ds.people:
            points, flight = max(
                ((self.mission(f).points - crew_firsts.get(f, 0), f) for f in person.flights), default=(0, "")
            )
            if points > 0:
                name = ds.mission_by_id[flight].name if flight in ds.mission_by_id else flight
                reason = f"best-known flight {name}: {points} point{'s' if points > 1 else ''}"
                self._person[person.id] = self.person(person.id) + Renown(points, (reason,))

    def _program_states(self) -> set[str]:
        """Citizen codes of countries with crewed programs of their own (SU, RU, US, CN)."""
        states = {"SU", "RU"}
        for m in self.ds.missions:
            launch = self.ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
            if launch is not None:
                states.add(launch.state)
        return states

    def mission(self, mission_id: str) -> Renown:
        return self._mission.get(mission_id, NOTHING)

    def person(self, person_id: str) -> Renown:
        return self._person.get(person_id, NOTHING)

    def event(self, e: Event, first_at_body: bool) -> Renown:
        renown = NOTHING
        if e.mission and e.mission in self.ds.mission_by_id:
            renown = self.mission(e.mission)  # its curated events are counted there
        elif e.src.startswith("curated/"):
            renown = Renown(CURATED, (f"curated event: {e.title}",))
        if first_at_body:
            renown += Renown(FIRST, (f"first event in the data at {e.body}",))
        return renown

    def mentions(self, text: str) -> Renown:
        """Curated events whose title names `text` (at most two counted)."""
        found = [e for e in self.curated if text and text in e.title]
        return _capped(Renown(CURATED * len(found), tuple(f"curated event: {e.title}" for e in found)))


def _capped(renown: Renown) -> Renown:
    return Renown(min(renown.points, 2 * CURATED), renown.reasons)
