"""Space stations and their expeditions: records from data/expeditions.toml, and the questions
asked of them (a station's page, who served when, which expeditions a crew or person served in).

Pure queries (no Rich, no Typer). The records are curated and cited (curated/expeditions.toml);
everything counted here (visits, stays, people aboard) is computed from McDowell's crewed flights.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from spacefacts.dataset import Dataset, read_toml
from spacefacts.errors import DataError, NotFound
from spacefacts.flights import crew_data_updated, flight_end
from spacefacts.model import Mission, Person, Time
from spacefacts.text import fold

FILE = "expeditions.toml"
VISIT_RULE = (
    "crewed flights whose Station column in McDowell's list names the station (or that a cited "
    "correction adds), flights that failed to reach orbit (aborts and launch failures) left out"
)
STAY_RULE = "a person's launch to their own return, on a flight to the station"
ABOARD_RULE = (
    "people on a flight to the station, launched and not yet home, at 12:00 UTC each day "
    "(the days of the flight to and from the station count)"
)
LABEL_DAYS = 30
LABEL_RULE = (
    "the expeditions the flight's crew served in; one they joined late or left early for fewer than "
    f"{LABEL_DAYS} days (an overlap at a hand-over) is named apart"
)


@dataclass(frozen=True, slots=True)
class Station:
    """A space station: names, McDowell's codes, its launch and re-entry."""

    id: str
    name: str
    aliases: tuple[str, ...]
    mcdowell: tuple[str, ...]
    launch_tag: str
    launch: Time
    launch_src: str
    reentry: Time | None
    reentry_source: str | None
    src: str
    short: str  # the name where a table has little room ("ISS")


@dataclass(frozen=True, slots=True)
class Member:
    """Someone in an expedition: role, the ships up and down, when they joined and left."""

    person: str
    role: str | None
    up: str
    down: str | None
    joined: Time | None
    left: Time | None


@dataclass(frozen=True, slots=True)
class Expedition:
    """A station expedition: its number, dates and members."""

    id: str
    name: str
    station: str
    number: int | None
    start: Time
    start_event: str | None
    end: Time | None
    end_event: str | None
    note: str | None
    sources: tuple[str, ...]
    members: tuple[Member, ...]
    src: str

    @property
    def commanders(self) -> list[Member]:
        """Those the source names commander; several when command passed during the expedition."""
        return [m for m in self.members if m.role == "commander"]

    @property
    def commander(self) -> Member | None:
        """The one commander, or None when there were several (or none is known)."""
        return self.commanders[0] if len(self.commanders) == 1 else None

    def span_of(self, member: Member) -> tuple[Time, Time | None]:
        return member.joined or self.start, member.left or self.end


@dataclass(frozen=True)
class Stations:
    """Every station and expedition, and the station visits cited corrections add."""

    stations: tuple[Station, ...]
    expeditions: tuple[Expedition, ...]
    extra_visits: dict[str, tuple[str, ...]]  # mission id -> station ids a cited correction adds
    rule: str

    def station(self, station_id: str) -> Station:
        return next(s for s in self.stations if s.id == station_id)

    def of_station(self, station_id: str) -> list[Expedition]:
        return [e for e in self.expeditions if e.station == station_id]

    def of_person(self, person_id: str) -> list[tuple[Expedition, Member]]:
        return [(e, m) for e in self.expeditions for m in e.members if m.person == person_id]

    def station_ids_of(self, mission: Mission) -> set[str]:
        found = {s.id for s in self.stations if mission.station in s.mcdowell}
        return found | set(self.extra_visits.get(mission.id, ()))


_LOADED: weakref.WeakKeyDictionary[Dataset, Stations] = weakref.WeakKeyDictionary()


def _time(value: Any, file: str, record: str, field: str) -> Time | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) not in (10, 17, 20):
        raise DataError(file, record, field, f"not an ISO date or UTC time: {value!r}")
    return Time(value)


def load(ds: Dataset) -> Stations:
    """The stations and expeditions of the dataset's folder (none if it has no expeditions.toml),
    kept in the dataset cache beside the other derived data: parsing the TOML costs more than
    the mission card it adds a line to."""
    from spacefacts import cache

    return cache.derived(ds, "stations", lambda: _parse(ds), _encode, _decode, kept=_LOADED)


def _encode(sd: Stations) -> object:
    """Stations and expeditions as rows of their fields (spacefacts.cache.Codec)."""
    from spacefacts.cache import codec

    return (
        codec(Station).encode_all(sd.stations),
        codec(Expedition).encode_all(sd.expeditions),
        sd.extra_visits,
        sd.rule,
    )


def _decode(payload: Any) -> Stations:
    from spacefacts.cache import codec

    stations, expeditions, extra, rule = payload
    return Stations(
        codec(Station).decode_all(stations), codec(Expedition).decode_all(expeditions), dict(extra), rule
    )


def _parse(ds: Dataset) -> Stations:
    path = ds.directory / FILE
    doc: dict[str, Any] = read_toml(path) if path.is_file() else {}
    try:
        stations = tuple(
            Station(
                id=s["id"],
                name=s["name"],
                aliases=tuple(s.get("aliases", [])),
                mcdowell=tuple(s["mcdowell"]),
                launch_tag=s["launch_tag"],
                launch=Time(s["launch"]),
                launch_src=s["launch_src"],
                reentry=_time(s.get("reentry"), FILE, s["id"], "reentry"),
                reentry_source=s.get("reentry_source"),
                src=s["src"],
                short=s.get("short", s["name"]),
            )
            for s in doc.get("station", [])
        )
        expeditions = tuple(
            Expedition(
                id=e["id"],
                name=e["name"],
                station=e["station"],
                number=e.get("number"),
                start=Time(e["start"]),
                start_event=e.get("start_event"),
                end=_time(e.get("end"), FILE, e["id"], "end"),
                end_event=e.get("end_event"),
                note=e.get("note"),
                sources=tuple(e["sources"]),
                members=tuple(
                    Member(
                        m["person"],
                        m.get("role"),
                        m["up"],
                        m.get("down"),
                        _time(m.get("joined"), FILE, e["id"], "joined"),
                        _time(m.get("left"), FILE, e["id"], "left"),
                    )
                    for m in e["members"]
                ),
                src=e["src"],
            )
            for e in doc.get("expedition", [])
        )
        extra = {v["flight"]: tuple(v["also_visited"]) for v in doc.get("visit", [])}
    except (KeyError, TypeError) as exc:
        raise DataError(FILE, None, str(exc), "missing or malformed field") from None
    meta = doc.get("meta", {})
    return Stations(stations, expeditions, extra, str(meta.get("rule", "")) if isinstance(meta, dict) else "")


def resolve_station(ds: Dataset, query: str) -> Station:
    """A station by id, name, alias or McDowell's name for it (iss, mir, salyut-7, tiangong-1)."""
    sd = load(ds)
    key = fold(query)
    for s in sd.stations:
        if key and key in {fold(n) for n in (s.id, s.name, *s.aliases, *s.mcdowell)}:
            return s
    known = ", ".join(s.id for s in sd.stations)
    raise NotFound(f"no station matches '{query}'; known stations: {known}")


def names_of(ds: Dataset, code: str | None) -> tuple[str | None, str | None]:
    """The station's name and short name for McDowell's Station column code ("TG" -> ("Tiangong space
    station", "Tiangong"), the short one for tables with little room); the code itself for both where
    no station record names it; (None, None) for no code."""
    if not code:
        return None, None
    station = next((s for s in load(ds).stations if code in s.mcdowell), None)
    return (code, code) if station is None else (station.name, station.short)


def name_of(ds: Dataset, code: str | None) -> str | None:
    """The station's name for McDowell's Station column code (see names_of)."""
    return names_of(ds, code)[0]


# ---- a station's page -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stay:
    """A person's time aboard a station on one flight."""

    person: Person
    mission: Mission
    end: Time | None  # own return; None while still in space at the data's end

    def duration(self, until: datetime) -> timedelta:
        stop = self.end.start if self.end else until
        return stop - self.mission.launch.start


@dataclass(frozen=True)
class StationCard:
    """What a station's card shows: visits, the longest stay, expeditions."""

    station: Station
    reentry_source: str | None
    visits: list[Mission]
    longest: Stay | None
    expeditions: list[Expedition]
    people: dict[str, Person]
    data_end: str
    aboard_at_end: list[Stay]
    per_day: list[tuple[date, date, int]]  # runs of days with the same number aboard
    visit_rule: str = VISIT_RULE
    stay_rule: str = STAY_RULE
    aboard_rule: str = ABOARD_RULE

    @property
    def ended(self) -> bool:
        return self.station.reentry is not None


def visits(ds: Dataset, station: Station) -> list[Mission]:
    sd = load(ds)
    return [
        m
        for m in ds.missions
        if m.kind != "abort" and m.outcome != "launch failure" and station.id in sd.station_ids_of(m)
    ]


def _stays(ds: Dataset, flights: list[Mission]) -> list[Stay]:
    stays = []
    for m in flights:
        for seat in m.crew:
            person = ds.person_by_id.get(seat.person)
            if person is not None:
                stays.append(Stay(person, m, flight_end(person, m)))
    return stays


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def aboard_per_day(stays: list[Stay], first: date, last: date) -> list[tuple[date, date, int]]:
    """Runs (from, to, count) of the number aboard at 12:00 UTC each day from `first` to `last`."""
    if last < first:
        return []
    size = (last - first).days + 1
    change = [0] * (size + 1)
    for stay in stays:
        start = stay.mission.launch.start
        begin = start.date() if start <= _noon(start.date()) else start.date() + timedelta(days=1)
        if stay.end is None:
            stop = last
        else:
            back = stay.end.start
            stop = back.date() if back > _noon(back.date()) else back.date() - timedelta(days=1)
        lo, hi = max((begin - first).days, 0), min((stop - first).days, size - 1)
        if lo <= hi:
            change[lo] += 1
            change[hi + 1] -= 1
    runs: list[tuple[date, date, int]] = []
    count = 0
    for offset in range(size):
        count += change[offset]
        day = first + timedelta(days=offset)
        if runs and runs[-1][2] == count:
            runs[-1] = (runs[-1][0], day, count)
        else:
            runs.append((day, day, count))
    return runs


def station_card(ds: Dataset, station: Station) -> StationCard:
    sd = load(ds)
    flights = visits(ds, station)
    stays = _stays(ds, flights)
    data_end = crew_data_updated(ds)
    end_day = date.fromisoformat(data_end) if data_end else date.today()
    until = _noon(end_day)
    longest = max(stays, key=lambda s: s.duration(until), default=None)
    last_day = end_day
    if station.reentry is not None:
        # After the last crew came home an ended station stays empty: the chart stops there.
        homes = [s.end.start.date() for s in stays if s.end is not None]
        last_day = min(station.reentry.start.date(), end_day, max(homes, default=end_day))
    first_day = flights[0].launch.start.date() if flights else last_day
    aboard = []
    if station.reentry is None or station.reentry.start.date() > end_day:
        aboard = [
            s for s in stays if s.mission.launch.start <= until and (s.end is None or s.end.start >= until)
        ]
    people = {m.person: ds.person_by_id[m.person] for e in sd.of_station(station.id) for m in e.members}
    return StationCard(
        station=station,
        reentry_source=station.reentry_source,
        visits=flights,
        longest=longest,
        expeditions=sorted(sd.of_station(station.id), key=lambda e: (e.start.iso, e.id)),
        people=people,
        data_end=data_end,
        aboard_at_end=sorted(aboard, key=lambda s: (s.mission.launch.iso, s.person.sort_name)),
        per_day=aboard_per_day(stays, first_day, last_day) if flights else [],
    )


# ---- expeditions of a crew, a person, a moment --------------------------------------------------


def _until(ds: Dataset) -> datetime:
    """Noon of the crew data's last update: how long an open expedition has run, reproducibly."""
    end = crew_data_updated(ds)
    return _noon(date.fromisoformat(end)) if end else datetime(2000, 1, 1, tzinfo=UTC)


def _days(expedition: Expedition, member: Member, until: datetime) -> float:
    start, end = expedition.span_of(member)
    stop = end.start if end else until
    return (stop - start.start).total_seconds() / 86400


@dataclass(frozen=True)
class Served:
    """A person's part in one expedition, and its days."""

    expedition: Expedition
    member: Member
    days: float

    @property
    def short(self) -> str:
        """`58` for ISS Expedition 58, else the expedition's name."""
        e = self.expedition
        return str(e.number) if e.station == "iss" and e.number is not None else e.name


@dataclass(frozen=True)
class CrewExpeditions:
    """The expeditions a mission's crew served, long ones apart from hand-overs."""

    label: list[Served]  # served at least LABEL_DAYS by someone of the crew
    brief: list[Served]  # the others (a hand-over overlap)
    rule: str = LABEL_RULE


def crew_expeditions(ds: Dataset, mission: Mission) -> CrewExpeditions:
    """The expeditions the people who launched on this flight served in, on this flight's stay."""
    sd = load(ds)
    crew = {seat.person for seat in mission.crew}
    best: dict[str, Served] = {}
    until = _until(ds)
    for e in sd.expeditions:
        for m in e.members:
            if m.person in crew and m.up == mission.id:
                served = Served(e, m, _days(e, m, until))
                if e.id not in best or served.days > best[e.id].days:
                    best[e.id] = served
    ordered = sorted(best.values(), key=lambda s: (s.expedition.start.iso, s.expedition.id))
    brief = [s for s in ordered if s.days < LABEL_DAYS and (s.member.joined or s.member.left)]
    return CrewExpeditions([s for s in ordered if s not in brief], brief)


def person_expeditions(ds: Dataset, person_id: str) -> list[Served]:
    until = _until(ds)
    return sorted(
        (Served(e, m, _days(e, m, until)) for e, m in load(ds).of_person(person_id)),
        key=lambda s: s.expedition.start.iso,
    )


def expedition_at(ds: Dataset, person_id: str, moment: datetime) -> Expedition | None:
    """The expedition the person served in at that moment, if a record says so (a side known
    only to the day counts the whole day)."""
    for e, m in load(ds).of_person(person_id):
        start, end = e.span_of(m)
        began = start.start.date() <= moment.date() if start.precision == "day" else start.start <= moment
        if not began:
            continue
        if end is None or (
            moment.date() <= end.start.date() if end.precision == "day" else moment <= end.start
        ):
            return e
    return None


SearchRow = tuple[str, str, str, str, int, tuple[str, ...]]


def search_entries(ds: Dataset) -> list[SearchRow]:
    """Search-index rows (kind, id, title, detail, bonus, folded names) for stations and expeditions;
    kept beside the dataset (`station-search.cache`), so a search neither decodes the stations nor
    folds their names."""
    from spacefacts import cache

    return cache.derived(ds, "station-search", lambda: _search_entries(ds), tuple, _checked_rows)


def _checked_rows(stored: Any) -> list[SearchRow]:
    if not isinstance(stored, tuple) or not all(
        isinstance(row, tuple)
        and len(row) == 6
        and all(isinstance(v, str) for v in row[:4])
        and isinstance(row[4], int)
        and isinstance(row[5], tuple)
        and all(isinstance(n, str) for n in row[5])
        for row in stored
    ):
        raise ValueError("malformed station search rows")
    return list(stored)


def _search_entries(ds: Dataset) -> list[SearchRow]:
    sd = load(ds)
    rows = []
    for s in sd.stations:
        names = tuple(fold(n) for n in (s.id, s.name, *s.aliases, *s.mcdowell))
        rows.append(("station", s.id, s.name, s.launch.iso[:10], 2, names))
    for e in sd.expeditions:
        station = sd.station(e.station)
        titles = [e.name, e.id]
        if e.station == "iss" and e.number is not None:
            titles += [f"ISS Expedition {e.number}", f"Expedition {e.number}"]
        rows.append(
            (
                "expedition",
                e.id,
                f"{e.name} ({station.name})",
                e.start.iso[:10],
                2,
                tuple(fold(n) for n in titles),
            )
        )
    return rows
