"""Questions across the whole history: who was in space at a moment, and records as of a date.

Every figure is computed here from the records; the rules are stated next to each result.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.errors import UsageError
from spacefacts.flights import crew_data_updated, flight_end
from spacefacts.model import Mission, Person, Time

IN_SPACE_RULE = (
    "launched at or before the moment and not yet home: a person's own return where they came home "
    "on another ship, else the ship's landing; crewed flights above 80 km in McDowell's list"
)


def parse_moment(text: str | None, now: datetime | None = None) -> datetime:
    """`YYYY-MM-DD` (noon UTC, so a day's launches and landings both show) or `YYYY-MM-DDTHH:MM`.

    A time is UTC unless it carries an offset (`Z`, `+05:00`): then it is converted to UTC.
    """
    if text is None:
        return now or datetime.now(UTC)
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.fromisoformat(value).replace(hour=12, tzinfo=UTC)
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise UsageError(
            f"not a date: '{text}' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC unless it ends in an offset)"
        ) from None


@dataclass(frozen=True)
class Aloft:
    """Someone in space at a moment: the ship they launched on, since when, where, for whom."""

    person: Person
    mission: Mission  # the ship they launched on
    since: Time
    station: str | None
    nation: nations.Nation  # the state they flew for (nations.RULE)
    station_name: str | None = None  # the station's name for the code in `station`
    station_short: str | None = None  # its short name ("ISS"), for tables

    def days(self, moment: datetime) -> float:
        return (moment - self.since.start).total_seconds() / 86400


@dataclass(frozen=True)
class InSpace:
    """Everyone in space at a moment, and how far the crewed-flight data reaches."""

    moment: datetime
    aloft: list[Aloft]
    data_end: str  # date of the crewed-flight list's last update
    beyond_data: bool  # the moment is after that update: later launches are unknown
    rule: str = IN_SPACE_RULE
    counted_to: datetime | None = None  # days aloft run to here: the moment, or the data's end before it


def _seats_by(ds: Dataset, moment: datetime) -> Iterator[tuple[Mission, str]]:
    """(flight, person id) for every seat of every flight launched by `moment`, aborts excluded."""
    for mission in ds.missions:
        if mission.kind != "abort" and mission.launch.start <= moment:
            for seat in mission.crew:
                yield mission, seat.person


def flights_by(ds: Dataset, moment: datetime) -> Iterator[tuple[Mission, Person, Time | None]]:
    """(flight, person, their own return) for every flight launched by `moment`, aborts excluded."""
    for mission, person_id in _seats_by(ds, moment):
        person = ds.person_by_id.get(person_id)
        if person is not None:
            yield mission, person, flight_end(person, mission)


def in_space(ds: Dataset, moment: datetime) -> InSpace:
    from spacefacts.stations import names_of

    aloft = []
    # As flights_by, but a person is decoded only if still up: their own return (kept with the
    # records, Dataset.own_returns) or else the ship's landing is not before the moment.
    for mission, person_id in _seats_by(ds, moment):
        own = ds.own_returns.get(mission.id, {}).get(person_id)
        home = Time(own) if own is not None else mission.landing
        person = None if home is not None and home.start < moment else ds.person_by_id.get(person_id)
        if person is not None:
            nation = nations.flew_for(ds, person, mission)
            aloft.append(
                Aloft(
                    person, mission, mission.launch, mission.station, nation, *names_of(ds, mission.station)
                )
            )
    aloft.sort(key=lambda a: (a.station or "~", a.since.iso, a.person.sort_name))
    data_end = crew_data_updated(ds)
    beyond = bool(data_end) and moment.date() > date.fromisoformat(data_end)
    known_to = data_end_moment(ds)
    counted_to = min(moment, known_to) if beyond and known_to else moment
    return InSpace(moment, aloft, data_end, beyond, counted_to=counted_to)


# ---- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One record (longest flight, most EVAs, ...): its holder, value and rule."""

    key: str  # stable snake_case name
    title: str
    holder: Person | None  # the first to reach the value
    value: str
    detail: str
    rule: str
    holders: tuple[Person, ...] = ()  # everyone who holds the value (a tie), first to reach it first
    in_progress: bool = False  # a holder's value counts a flight still up at the data's end


@dataclass(frozen=True)
class Records:
    """Every record as of a moment, and each country's first flyer."""

    as_of: datetime
    records: list[Record]
    firsts: list[tuple[str, Person, Mission]]  # (country, person, mission)
    data_end: str
    counted_to: datetime  # flights still up are counted to here: the as-of moment or the data's end


def data_end_moment(ds: Dataset) -> datetime | None:
    """The crew-data update as a moment (its date at 00:00 UTC): flights still up count to here."""
    end = crew_data_updated(ds)
    return datetime.fromisoformat(end[:10]).replace(tzinfo=UTC) if len(end) >= 10 else None


def _stays(
    ds: Dataset, as_of: datetime, until: datetime
) -> tuple[dict[str, list[tuple[Mission, timedelta]]], set[str]]:
    """Per person: (flight, time aloft) for flights launched by as_of, aborts excluded; and the people
    with a flight still up, whose time counts to `until` (no later than the data's end)."""
    out: dict[str, list[tuple[Mission, timedelta]]] = {}
    up: set[str] = set()
    for mission, person, end in flights_by(ds, as_of):
        if end is None or end.start > as_of:
            stop = as_of if end is not None else until
            if end is None:
                up.add(person.id)
        else:
            stop = end.start
        out.setdefault(person.id, []).append((mission, max(stop - mission.launch.start, timedelta())))
    return out, up


def _fmt(value: timedelta) -> str:
    days = value.total_seconds() / 86400
    return f"{days:,.1f} days"


def _age(person: Person, at: datetime) -> float | None:
    if person.born is None or person.born.precision not in ("day", "minute", "second"):
        return None
    return (at.date() - person.born.start.date()).days / 365.2425


def records(ds: Dataset, as_of: datetime) -> Records:
    """The records as of a moment. From the moment nothing in the data is later than (`settled`:
    the data's end, every launch, return and EVA start), they no longer change, and are kept beside
    the dataset as computed at that moment: `records` without a date answers from there."""
    if ds.cache is not None:
        from spacefacts import cache

        settled, kept = cache.derived(
            ds, "records", lambda: _settled(ds), _encode, lambda stored: _decode(ds, stored)
        )
        if settled is not None and as_of >= settled:
            return replace(kept, as_of=as_of)
    return _records(ds, as_of)


def _settled(ds: Dataset) -> tuple[datetime | None, Records]:
    """The first moment after which the records cannot change, and the records then (None while the
    crew data names no end: flights still up then count to the as-of moment itself)."""
    end = data_end_moment(ds)
    if end is None:
        return None, _records(ds, datetime.now(UTC))
    moments = [end]
    for mission in ds.missions:
        moments.append(mission.launch.start)
        for seat in mission.crew:
            person = ds.person_by_id.get(seat.person)
            back = flight_end(person, mission) if person is not None else mission.landing
            if back is not None:
                moments.append(back.start)
    moments += [e.start.start for p in ds.people for e in p.evas]
    settled = max(moments)
    return settled, _records(ds, settled)


def _encode(kept: tuple[datetime | None, Records]) -> object:
    settled, r = kept
    rows = tuple(
        (x.key, x.title, x.holder and x.holder.id, x.value, x.detail, x.rule, tuple(p.id for p in x.holders),
         x.in_progress)
        for x in r.records
    )  # fmt: skip
    firsts = tuple((country, person.id, mission.id) for country, person, mission in r.firsts)
    return (
        settled and settled.isoformat(),
        r.as_of.isoformat(),
        rows,
        firsts,
        r.data_end,
        r.counted_to.isoformat(),
    )


def _decode(ds: Dataset, stored: Any) -> tuple[datetime | None, Records]:
    settled, as_of, rows, firsts, data_end, counted_to = stored
    people, missions = ds.person_by_id, ds.mission_by_id
    found = [
        Record(key, title, people[holder] if holder else None, value, detail, rule,
               tuple(people[p] for p in holders), bool(going))
        for key, title, holder, value, detail, rule, holders, going in rows
    ]  # fmt: skip
    records = Records(
        datetime.fromisoformat(as_of),
        found,
        [(country, people[p], missions[m]) for country, p, m in firsts],
        data_end,
        datetime.fromisoformat(counted_to),
    )
    return (datetime.fromisoformat(settled) if settled else None), records


def _records(ds: Dataset, as_of: datetime) -> Records:
    end = data_end_moment(ds)
    until = min(as_of, end) if end else as_of
    stays, up = _stays(ds, as_of, until)
    people = ds.person_by_id
    found: list[Record] = []

    def best(
        key: str, title: str, rule: str, scores: dict[str, tuple[float, str, str]], timed: bool = False
    ) -> None:
        if not scores:
            found.append(Record(key, title, None, "-", "no data yet", rule))
            return
        # Everyone with the highest score holds it (a tie), first to reach it first, then by id.
        top = max(score for score, _, _ in scores.values())
        tied = sorted((p for p in scores if scores[p][0] == top), key=lambda p: (_day(scores[p][2]), p))
        pid = tied[0]
        holders = tuple(people[p] for p in tied)
        going = timed and any(p in up for p in tied)
        found.append(Record(key, title, people[pid], scores[pid][1], scores[pid][2], rule, holders, going))

    single = {
        pid: (max(d for _, d in flights).total_seconds(), *_single(flights)) for pid, flights in stays.items()
    }
    best(
        "longest_single_flight",
        "Longest single flight",
        "launch to the person's own return; a flight still up counts to the as-of date, or to the data's "
        "end if that is earlier",
        single,
        timed=True,
    )
    total = {
        pid: (
            sum((d for _, d in flights), timedelta()).total_seconds(),
            _fmt(sum((d for _, d in flights), timedelta())),
            flights[-1][0].launch.iso[:10],
        )
        for pid, flights in stays.items()
    }
    best(
        "most_time_in_space",
        "Most time in space",
        "sum over flights, aborts excluded; a flight still up counts to the as-of date or the data's end",
        total,
        timed=True,
    )
    count = {
        pid: (float(len(flights)), f"{len(flights)} flights", flights[-1][0].launch.iso[:10])
        for pid, flights in stays.items()
    }
    best(
        "most_flights",
        "Most flights",
        "flights above 80 km (McDowell), suborbital included; aborts excluded",
        count,
    )
    orbital = {
        pid: (
            float(n),
            f"{n} orbital flights",
            [m for m, _ in flights if m.kind == "orbital"][-1].launch.iso[:10],
        )
        for pid, flights in stays.items()
        if (n := sum(1 for m, _ in flights if m.kind == "orbital"))
    }
    best(
        "most_orbital_flights",
        "Most orbital flights",
        "orbital flights only (McDowell's ORB numbering)",
        orbital,
    )
    evas = {pid: [e for e in people[pid].evas if e.start.start <= as_of] for pid in people}
    eva_count = {
        pid: (float(len(es)), f"{len(es)} EVAs", es[-1].start.iso[:10]) for pid, es in evas.items() if es
    }
    best(
        "most_evas",
        "Most EVAs",
        "person-EVAs up to the date, each counted once (cosmos-book; curated/evas.toml since 2024)",
        eva_count,
    )
    eva_time = {}
    for pid, es in evas.items():
        spent = sum((e.duration for e in es if e.duration is not None), timedelta())
        if spent:
            eva_time[pid] = (spent.total_seconds(), _hours(spent), es[-1].start.iso[:10])
    best("most_eva_time", "Most EVA time", "EVAs with a recorded duration or end time", eva_time)
    young: dict[str, tuple[float, str, str]] = {}
    old: dict[str, tuple[float, str, str]] = {}
    for pid, flights in stays.items():
        for mission, _ in flights:
            age = _age(people[pid], mission.launch.start)
            if age is None:
                continue
            label = f"{age:.1f} years on {mission.name}"
            if pid not in young or -age > young[pid][0]:
                young[pid] = (-age, label, mission.launch.iso[:10])
            if pid not in old or age > old[pid][0]:
                old[pid] = (age, label, mission.launch.iso[:10])
    best(
        "youngest_at_launch", "Youngest at launch", "age at launch from the birth date (day precision)", young
    )
    best("oldest_at_launch", "Oldest at launch", "age at launch from the birth date (day precision)", old)
    return Records(as_of, found, national_firsts(ds, as_of), crew_data_updated(ds), until)


def _single(flights: list[tuple[Mission, timedelta]]) -> tuple[str, str]:
    mission, longest = max(flights, key=lambda f: f[1])
    return f"{_fmt(longest)} ({mission.name})", mission.launch.iso[:10]


def _hours(value: timedelta) -> str:
    return f"{value.total_seconds() / 3600:,.1f} hours"


def _day(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal() if len(iso) >= 10 else 0


FIRSTS_RULE = f"first flight above 80 km by launch time; {nations.RULE}"


def national_firsts(ds: Dataset, as_of: datetime) -> list[tuple[str, Person, Mission]]:
    """The first person of each country to fly, by the state they flew for (nations.RULE); a
    country appears only from its first citizen's flight."""
    firsts: dict[str, tuple[Person, Mission]] = {}
    for mission in sorted(ds.missions, key=lambda m: m.launch.iso):
        if mission.kind == "abort" or mission.launch.start > as_of:
            continue
        for seat in mission.crew:
            person = ds.person_by_id.get(seat.person)
            if person is None or not person.citizen:
                continue
            state = nations.flew_for(ds, person, mission).name
            if state not in firsts:
                firsts[state] = (person, mission)
    return [(state, p, m) for state, (p, m) in firsts.items()]
