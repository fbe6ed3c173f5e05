"""The person card: their flights, aborts, EVAs and time in space."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from spacefacts import nations, roles
from spacefacts.dataset import Dataset
from spacefacts.flights import crew_data_end, flight_end
from spacefacts.model import Eva, Mission, Person, Time
from spacefacts.nations import Nation


@dataclass(frozen=True)
class FlightRow:
    """One flight of a person: the mission, their return, role and the state they flew for."""

    mission: Mission
    end: Time | None  # the person's own return
    returned_on: Mission | None  # when they came home on another ship
    role: str
    nation: Nation  # the state they flew for (nations.RULE)
    role_name: str  # the role in words (roles.words)
    counted_to: datetime | None = None  # still up at the data's end: time aloft counts to here

    @property
    def duration(self) -> timedelta | None:
        if self.end:
            return self.end.start - self.mission.launch.start
        if self.counted_to:
            return self.counted_to - self.mission.launch.start
        return None


@dataclass(frozen=True)
class PersonCard:
    """What a person's card shows: flights, aborts, EVAs, whether in space, country."""

    person: Person
    flights: list[FlightRow]
    aborts: list[FlightRow]
    evas: list[Eva]
    in_space: bool  # still in space at the source's last update
    country: Nation  # today's citizenship (McDowell)

    @property
    def flew_for(self) -> list[Nation]:
        """The states the person flew for, in order, each once (nations.RULE)."""
        return list(dict.fromkeys(f.nation for f in [*self.flights, *self.aborts]))

    @property
    def time_in_space(self) -> timedelta:
        """Sum over flights of (own return - launch); a flight still up counts to the data's end."""
        return sum((f.duration for f in self.flights if f.duration is not None), timedelta())

    @property
    def counted_to(self) -> datetime | None:
        """Where a flight still in progress is counted to (the crew data's end), if there is one."""
        return next((f.counted_to for f in self.flights if f.counted_to), None)

    @property
    def eva_time(self) -> timedelta:
        return sum((e.duration for e in self.evas if e.duration is not None), timedelta())

    @property
    def evas_without_duration(self) -> int:
        return sum(1 for e in self.evas if e.duration is None)

    @property
    def age_at_first_flight(self) -> int | None:
        born = self.person.born
        if not self.flights or born is None or born.precision not in ("day", "minute", "second"):
            return None
        first = self.flights[0].mission.launch.start.date()
        birth = born.start.date()
        return first.year - birth.year - ((first.month, first.day) < (birth.month, birth.day))


def person_card(ds: Dataset, person: Person) -> PersonCard:
    flights: list[FlightRow] = []
    aborts: list[FlightRow] = []
    data_end = crew_data_end(ds)
    for mission in ds.missions_of_person.get(person.id, []):
        back = person.return_from(mission.id)
        role = next((seat.role for seat in mission.crew if seat.person == person.id), "")
        end = flight_end(person, mission)
        still_up = end is None and mission.in_flight and mission.kind != "abort"
        row = FlightRow(
            mission,
            end,
            ds.mission_by_id.get(back.on) if back and back.on else None,
            role,
            nations.flew_for(ds, person, mission),
            roles.words(ds, role),
            data_end if still_up else None,
        )
        (aborts if mission.kind == "abort" else flights).append(row)
    in_space = bool(flights) and flights[-1].end is None and flights[-1].mission.in_flight
    return PersonCard(person, flights, aborts, list(person.evas), in_space, nations.now(ds, person))
