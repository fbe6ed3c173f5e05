"""The mission card: the crew's journeys up and home, its EVAs, events and ordinals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from spacefacts import nations, roles
from spacefacts.dataset import Dataset
from spacefacts.flights import crew_data_end, during, flight_end, spacewalk_groups
from spacefacts.model import Eva, Event, Launch, Mission, Person, Time
from spacefacts.nations import Nation
from spacefacts.queries.counting import Ordinal, family_ordinal, year_ordinal


@dataclass(frozen=True)
class CrewRow:
    """One person's journey on a mission: the ship they went up on and the one they came home on."""

    person: Person
    role: str
    flight_number: int | None  # which flight of theirs this was (aborts not counted)
    nation: Nation  # the state they flew for (nations.RULE)
    role_name: str  # the role in words (roles.words)
    up: Mission | None = None  # the ship they launched on
    home: Time | None = None  # their own return; None while still up (or lost in an accident)
    home_on: Mission | None = None  # the ship they came home on, when McDowell lists it
    home_on_name: str | None = None  # its name when it is not a crewed flight (flew up uncrewed)

    @property
    def time_aloft(self) -> timedelta | None:
        if self.up is None or self.home is None:
            return None
        return self.home.start - self.up.launch.start


@dataclass(frozen=True)
class EvaRow:
    """A spacewalk made on a mission, and who made it."""

    person: Person
    eva: Eva


@dataclass(frozen=True)
class MissionCard:
    """What a mission's card shows: launch, site, crew, ordinals, events, EVAs."""

    mission: Mission
    launch: Launch | None
    site_name: str | None
    crew: list[CrewRow]
    year_ordinal: Ordinal | None
    family_ordinal: Ordinal | None
    events: list[Event] = field(default_factory=list)
    evas: list[EvaRow] = field(default_factory=list)
    down: list[CrewRow] = field(default_factory=list)  # who came home on this ship
    counted_to: datetime | None = None  # in flight at the data's end: the duration so far runs to here
    station_name: str | None = None  # the station's name for McDowell's code in mission.station

    @property
    def duration(self) -> timedelta | None:
        if self.mission.duration is None and self.counted_to:
            return self.counted_to - self.mission.launch.start
        return self.mission.duration

    @property
    def up(self) -> list[CrewRow]:
        """Who launched on this ship (`crew`, by its journey's first leg)."""
        return self.crew

    @property
    def spacewalks(self) -> int:
        """EVAs counted once per hatch opening (SPACEWALK_RULE)."""
        return len(spacewalk_groups([row.eva for row in self.evas]))


def _flight_number(ds: Dataset, person: Person, mission: Mission) -> int | None:
    flown = [m for m in ds.missions_of_person.get(person.id, []) if m.kind != "abort"]
    return flown.index(mission) + 1 if mission in flown else None


def journey(ds: Dataset, person: Person, mission: Mission, role: str) -> CrewRow:
    """The person's leg that began with `mission`: own return, and the ship that brought them home."""
    back = person.return_from(mission.id)
    number = _flight_number(ds, person, mission)
    nation, role_name = nations.flew_for(ds, person, mission), roles.words(ds, role)
    if back is None:
        home_on = None if mission.in_flight or mission.landing is None else mission
        return CrewRow(person, role, number, nation, role_name, mission, mission.landing, home_on)
    on = ds.mission_by_id.get(back.on) if back.on else None
    return CrewRow(person, role, number, nation, role_name, mission, back.landing, on, back.ship)


def came_home_on(ds: Dataset, mission: Mission, up: list[CrewRow]) -> list[CrewRow]:
    """Who came home on this ship: its own crew that stayed with it, and people who launched on another."""
    if mission.accident or mission.landing is None:
        return []
    rows = [row for row in up if row.home_on is mission]
    for person_id in ds.returned_on.get(mission.id, ()):
        person = ds.person_by_id[person_id]
        for back in person.returns:
            if back.on == mission.id and back.mission != mission.id:
                launched = ds.mission_by_id.get(back.mission)
                if launched is not None:
                    role = next((s.role for s in launched.crew if s.person == person.id), "")
                    rows.append(journey(ds, person, launched, role))
    return rows


def mission_card(ds: Dataset, mission: Mission) -> MissionCard:
    from spacefacts.stations import name_of

    launch = ds.launch_by_tag.get(mission.launch_tag) if mission.launch_tag else None
    site_code = mission.site or (launch.site if launch else None)
    site = ds.sites.get(site_code) if site_code else None
    crew = []
    for seat in mission.crew:
        person = ds.person_by_id.get(seat.person)
        if person is not None:
            crew.append(journey(ds, person, mission, seat.role))
    events = [e for e in ds.events if e.mission == mission.id]
    evas = [
        EvaRow(row.person, eva)
        for row in crew
        for eva in row.person.evas
        if during(eva.start, mission.launch, flight_end(row.person, mission))
    ]
    evas.sort(key=lambda r: (r.eva.start.iso, r.person.sort_name))
    return MissionCard(
        mission=mission,
        launch=launch,
        site_name=site.name if site else site_code,
        crew=crew,
        year_ordinal=year_ordinal(ds, launch) if launch else None,
        family_ordinal=family_ordinal(ds, mission),
        events=events,
        evas=evas,
        down=came_home_on(ds, mission, crew),
        counted_to=crew_data_end(ds) if mission.in_flight else None,
        station_name=name_of(ds, mission.station),
    )
