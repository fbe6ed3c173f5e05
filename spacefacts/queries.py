"""Questions asked of a Dataset, answered with plain result objects (no I/O, no Rich)."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from spacefacts.dataset import Dataset, fold
from spacefacts.errors import Ambiguous, NotFound
from spacefacts.model import Event, Launch, Mission, Person, Time

YEAR_RULE = "orbital launch attempts from Earth in GCAT, failures included, in launch order"
FAMILY_RULE = "crewed flights above 80 km in McDowell's list with the same spacecraft family, aborts excluded"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _suggest(query: str, names: dict[str, str]) -> str:
    close = difflib.get_close_matches(fold(query), list(names), n=3, cutoff=0.6)
    return "; did you mean: " + ", ".join(names[c] for c in close) + "?" if close else ""


def resolve_mission(ds: Dataset, query: str) -> Mission:
    """A mission by id, name, alias or COSPAR designator, in any case and spacing."""
    key = fold(query)
    ids = ds.mission_keys.get(key, []) if key else []
    if len(ids) == 1:
        return ds.mission_by_id[ids[0]]
    if len(ids) > 1:
        listed = ", ".join(f"{ds.mission_by_id[i].name} ({i})" for i in ids)
        raise Ambiguous(f"'{query}' matches several missions: {listed}")
    names = {fold(m.name): m.name for m in ds.missions}
    raise NotFound(f"no mission matches '{query}'{_suggest(query, names)}")


def resolve_person(ds: Dataset, query: str) -> Person:
    """A person by id, full name or unique surname; accents and hyphens do not matter."""
    key = fold(query)
    ids = ds.person_keys.get(key, []) if key else []
    if len(ids) == 1:
        return ds.person_by_id[ids[0]]
    if len(ids) > 1:
        listed = ", ".join(f"{ds.person_by_id[i].name} ({i})" for i in ids)
        raise Ambiguous(f"'{query}' matches several people: {listed}")
    names = {fold(p.name): p.name for p in ds.people}
    raise NotFound(f"no person matches '{query}'{_suggest(query, names)}")


@dataclass(frozen=True)
class CrewRow:
    person: Person
    role: str
    flight_number: int | None  # which flight of theirs this was (aborts not counted)


@dataclass(frozen=True)
class Ordinal:
    number: int
    total: int
    scope: str
    rule: str


@dataclass(frozen=True)
class MissionCard:
    mission: Mission
    launch: Launch | None
    site_name: str | None
    crew: list[CrewRow]
    year_ordinal: Ordinal | None
    family_ordinal: Ordinal | None
    events: list[Event] = field(default_factory=list)

    @property
    def duration(self) -> timedelta | None:
        return self.mission.duration


def flight_end(person: Person, mission: Mission) -> Time | None:
    """When the person came home from this flight: their own return, else the ship's landing."""
    back = person.return_from(mission.id)
    return back.landing if back else mission.landing


def _flight_number(ds: Dataset, person: Person, mission: Mission) -> int | None:
    flown = [m for m in ds.missions_of_person.get(person.id, []) if m.kind != "abort"]
    return flown.index(mission) + 1 if mission in flown else None


def year_ordinal(ds: Dataset, launch: Launch) -> Ordinal | None:
    if not launch.earth:
        return None
    year = ds.launches_by_year.get(launch.date.year, [])
    if launch not in year:
        return None
    return Ordinal(year.index(launch) + 1, len(year), f"orbital launch of {launch.date.year}", YEAR_RULE)


def family_ordinal(ds: Dataset, mission: Mission) -> Ordinal | None:
    if mission.kind == "abort" or not mission.family:
        return None
    flights = [m for m in ds.missions if m.family == mission.family and m.kind != "abort"]
    return Ordinal(flights.index(mission) + 1, len(flights), f"crewed {mission.family} flight", FAMILY_RULE)


def mission_card(ds: Dataset, mission: Mission) -> MissionCard:
    launch = ds.launch_by_tag.get(mission.launch_tag) if mission.launch_tag else None
    site_code = mission.site or (launch.site if launch else None)
    site = ds.sites.get(site_code) if site_code else None
    crew = []
    for seat in mission.crew:
        person = ds.person_by_id.get(seat.person)
        if person is not None:
            crew.append(CrewRow(person, seat.role, _flight_number(ds, person, mission)))
    events = [e for e in ds.events if e.mission == mission.id]
    return MissionCard(
        mission=mission,
        launch=launch,
        site_name=site.name if site else site_code,
        crew=crew,
        year_ordinal=year_ordinal(ds, launch) if launch else None,
        family_ordinal=family_ordinal(ds, mission),
        events=events,
    )


@dataclass(frozen=True)
class YearSummary:
    year: int
    launches: list[Launch]
    first_year: int
    last_year: int
    coverage_end: str
    rule: str = YEAR_RULE

    @property
    def total(self) -> int:
        return len(self.launches)

    @property
    def successes(self) -> int:
        return sum(1 for launch in self.launches if launch.success)

    @property
    def failures(self) -> int:
        return self.total - self.successes

    @property
    def partial(self) -> int:
        return sum(1 for launch in self.launches if launch.outcome == "partial")

    @property
    def complete(self) -> bool:
        return self.coverage_end[:4] != str(self.year) or self.coverage_end[5:] == "12-31"

    def by_state(self) -> list[tuple[str, int]]:
        return Counter(launch.state for launch in self.launches).most_common()


def launches_in_year(ds: Dataset, year: int) -> YearSummary:
    years = ds.launches_by_year
    first, last = min(years), max(years)
    if year not in years:
        raise NotFound(f"no launches for {year}: the data covers {first} to {last}")
    end = str(ds.launch_meta.get("last", ""))
    return YearSummary(year, years[year], first, last, end)


FILES = (
    ("launches.toml", "launch", "GCAT launch log, Jonathan McDowell, planet4589.org", "CC-BY"),
    (
        "missions.toml",
        "mission",
        "McDowell crewed-flight list; cosmos-book cross-check",
        "credit McDowell (no statement found)",
    ),
    (
        "people.toml",
        "person",
        "McDowell astro list; cosmos-book (EVAs)",
        "credit McDowell; cosmos-book CC BY-SA 3.0",
    ),
    (
        "events.toml",
        "event",
        "cosmos-book interplanetary; curated, each record sourced",
        "CC BY-SA 3.0 / per record",
    ),
)


def data_info(ds: Dataset) -> dict[str, object]:
    """What the dataset holds, how far each part reaches, and whose it is."""
    from spacefacts import __version__

    launches = ds.launches
    missions = ds.missions
    landed = [m.landing.iso for m in missions if m.landing]
    cosmos_evas = [e.start.iso for p in ds.people for e in p.evas]
    covers = {
        "launches.toml": f"launches {launches[0].date.iso[:10]} through {launches[-1].date.iso[:10]}",
        "missions.toml": f"crewed flights through {max(m.launch.iso for m in missions)[:10]}"
        f" (landings through {max(landed)[:10]})",
        "people.toml": f"{len(ds.people)} people; EVAs through {max(cosmos_evas)[:10] if cosmos_evas else 'none'}",
        "events.toml": f"events {min(e.date.iso for e in ds.events)[:10]} through "
        f"{max(e.date.iso for e in ds.events)[:10]}",
    }
    counts = {
        "launches.toml": len(launches),
        "missions.toml": len(missions),
        "people.toml": len(ds.people),
        "events.toml": len(ds.events),
    }
    return {
        "version": __version__,
        "directory": str(ds.directory),
        "files": [
            {
                "file": file,
                "records": counts[file],
                "covers": covers[file],
                "source": source,
                "license": license_,
                "updated": ds.meta(file).get("updated"),
            }
            for file, _table, source, license_ in FILES
        ],
    }
