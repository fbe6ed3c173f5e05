"""Questions asked of a Dataset, answered with plain result objects (no I/O, no Rich)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from spacefacts import nations, roles
from spacefacts.dataset import Dataset
from spacefacts.errors import Ambiguous, NotFound, UsageError
from spacefacts.model import Eva, Event, Launch, Mission, Person, Time
from spacefacts.nations import Nation
from spacefacts.text import fold

YEAR_RULE = "orbital launch attempts from Earth in GCAT, failures included, in launch order"
FAMILY_RULE = "crewed flights above 80 km in McDowell's list with the same spacecraft family, aborts excluded"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def suggest(query: str, keys: dict[str, list[str]], limit: int = 3) -> list[str]:
    """Ids whose folded names or aliases are closest to the query, best first (rapidfuzz WRatio,
    ties by id). Every alias counts, so a misspelt nickname finds its owner."""
    key = fold(query)
    if not key or len(key) > 60:  # nobody mistypes a name that long; comparing it would be slow
        return []
    from rapidfuzz import fuzz, process  # only a miss pays for the import

    ranked = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=None, score_cutoff=70)
    best: dict[str, float] = {}
    for choice, score, _ in ranked:
        for record_id in keys[choice]:
            best[record_id] = max(best.get(record_id, 0.0), score)
    return sorted(best, key=lambda i: (-best[i], i))[:limit]


def _suggest(query: str, keys: dict[str, list[str]], names: dict[str, str]) -> str:
    close = suggest(query, keys)
    return "; did you mean: " + ", ".join(names[c] for c in close) + "?" if close else ""


def _resolve(query: str, keys: dict[str, list[str]], names: dict[str, str], what: str, plural: str) -> str:
    """The one id whose folded name, alias or id equals the folded query; else NotFound/Ambiguous."""
    key = fold(query)
    ids = (keys.get(key) or keys.get(key.replace(" ", ""), [])) if key else []
    if len(ids) == 1:
        return ids[0]
    if ids:
        listed = ", ".join(f"{names[i]} ({i})" for i in ids)
        raise Ambiguous(f"'{query}' matches several {plural}: {listed}")
    raise NotFound(f"no {what} matches '{query}'{_suggest(query, keys, names)}")


def resolve_mission(ds: Dataset, query: str) -> Mission:
    """A mission by id, name, alias or COSPAR designator, in any case and spacing."""
    names = {m.id: m.name for m in ds.missions}
    return ds.mission_by_id[_resolve(query, ds.mission_keys, names, "mission", "missions")]


def resolve_person(ds: Dataset, query: str) -> Person:
    """A person by id, full name or unique surname; accents and hyphens do not matter."""
    names = {p.id: p.name for p in ds.people}
    return ds.person_by_id[_resolve(query, ds.person_keys, names, "person", "people")]


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
class Ordinal:
    number: int
    total: int
    scope: str
    rule: str


@dataclass(frozen=True)
class EvaRow:
    person: Person
    eva: Eva


@dataclass(frozen=True)
class MissionCard:
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


SPACEWALK_RULE = (
    "a spacewalk is a group leaving the hatch together: person-EVAs starting within 30 minutes of "
    "the group's first (on the same day when a start has no time) are one spacewalk"
)
SPACEWALK_WINDOW = timedelta(minutes=30)


def spacewalk_groups(evas: list[Eva]) -> list[list[Eva]]:
    """Person-EVAs grouped into spacewalks (SPACEWALK_RULE), in start order."""
    groups: list[list[Eva]] = []
    for eva in sorted(evas, key=lambda e: e.start.iso):
        if groups:
            first = groups[-1][0].start
            timed = len(first.iso) >= 17 and len(eva.start.iso) >= 17
            if (timed and eva.start.start - first.start <= SPACEWALK_WINDOW) or (
                not timed and eva.start.iso[:10] == first.iso[:10]
            ):
                groups[-1].append(eva)
                continue
        groups.append([eva])
    return groups


def flight_end(person: Person, mission: Mission) -> Time | None:
    """When the person came home from this flight: their own return, else the ship's landing."""
    back = person.return_from(mission.id)
    return back.landing if back else mission.landing


def during(moment: Time, start: Time, end: Time | None) -> bool:
    """Whether `moment` falls in [start, end], at the coarser precision of the two sides.

    A date-only EVA on launch or landing day counts as during the flight.
    """
    day = moment.iso[:10]
    if len(moment.iso) < 17 or len(start.iso) < 17:
        after_start = day >= start.iso[:10]
    else:
        after_start = moment.start >= start.start
    if end is None:
        return after_start
    if len(moment.iso) < 17 or len(end.iso) < 17:
        return after_start and day <= end.iso[:10]
    return after_start and moment.start <= end.start


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
    for person in ds.people:
        for back in person.returns:
            if back.on == mission.id and back.mission != mission.id:
                launched = ds.mission_by_id.get(back.mission)
                if launched is not None:
                    role = next((s.role for s in launched.crew if s.person == person.id), "")
                    rows.append(journey(ds, person, launched, role))
    return rows


def mission_card(ds: Dataset, mission: Mission) -> MissionCard:
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

    def by_family(self) -> list[FamilyCount]:
        """Launches per vehicle family, most first, with the family's vehicles this year.

        The family is GCAT's LV_Family (engineering lineage: the Chang Zheng 2/3/4 rockets are
        family DF5, named "Long March 2/3/4" by curated/families.toml; Soyuz rockets R-7); its
        vehicles are listed most used first. Render turns this into a label.
        """
        families = Counter(launch.family or launch.vehicle for launch in self.launches)
        vehicles: dict[str, Counter[str]] = {}
        for launch in self.launches:
            vehicles.setdefault(launch.family or launch.vehicle, Counter())[launch.vehicle] += 1
        return [
            FamilyCount(family, tuple(name for name, _ in vehicles[family].most_common()), n)
            for family, n in families.most_common()
        ]


@dataclass(frozen=True)
class FamilyCount:
    """One vehicle family's launches in a year, and its vehicles that year (most used first)."""

    family: str
    vehicles: tuple[str, ...]
    launches: int


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
    (
        "payloads.toml",
        "payload",
        "GCAT launch log (every payload); curated common names, each sourced; atlasofspace and "
        "cosmos-book probe visits",
        "CC-BY; Apache-2.0; CC BY-SA 3.0 / per record",
    ),
)


def data_info(ds: Dataset) -> dict[str, object]:
    """What the dataset holds, how far each part reaches, and whose it is."""
    from spacefacts import __version__
    from spacefacts.payloads import payloads_of

    launches = ds.launches
    missions = ds.missions
    payload_data = payloads_of(ds)
    landed = [m.landing.iso for m in missions if m.landing]
    cosmos_evas = [e.start.iso for p in ds.people for e in p.evas]
    covers = {
        "launches.toml": f"launches {launches[0].date.iso[:10]} through {launches[-1].date.iso[:10]}",
        "missions.toml": f"crewed flights through {max(m.launch.iso for m in missions)[:10]}"
        f" (landings through {max(landed)[:10]})",
        "people.toml": f"{len(ds.people)} people; EVAs: "
        + str(
            ds.meta("people.toml").get("eva_coverage")
            or f"through {max(cosmos_evas)[:10] if cosmos_evas else 'none'}"
        ),
        "events.toml": f"events {min(e.date.iso for e in ds.events)[:10]} through "
        f"{max(e.date.iso for e in ds.events)[:10]}",
        "payloads.toml": f"{len(payload_data.rows)} payloads; {len(payload_data.famous)} by common name",
    }
    counts = {
        "launches.toml": len(launches),
        "missions.toml": len(missions),
        "people.toml": len(ds.people),
        "events.toml": len(ds.events),
        "payloads.toml": len(payload_data.rows),
    }
    return {
        "version": __version__,
        "directory": str(ds.directory),
        "imported_launches": str(ds.launch_file) if ds.imported else None,
        "eva_coverage": ds.meta("people.toml").get("eva_coverage"),
        "evas_through": max(cosmos_evas)[:10] if cosmos_evas else None,
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


# ---- people -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FlightRow:
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


def crew_data_end(ds: Dataset) -> datetime | None:
    """The crew data's last update (McDowell's list), as the start of that day in UTC."""
    updated = str(ds.meta("missions.toml").get("updated", ""))
    return datetime.fromisoformat(updated[:10]).replace(tzinfo=UTC) if len(updated) >= 10 else None


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


# ---- launch years -------------------------------------------------------------------------


@dataclass(frozen=True)
class LaunchFilter:
    country: str | None = None  # launching state code or name, e.g. "RU", "Russia"
    vehicle: str | None = None  # vehicle name or family, e.g. "Falcon 9", "R-7"
    outcome: str | None = None  # success, failure or partial
    crewed: bool | None = None

    def is_set(self) -> bool:
        return any(v is not None for v in vars(self).values())


OUTCOMES = ("success", "failure", "partial")


def state_names(ds: Dataset) -> dict[str, str]:
    """GCAT state code -> English name (data/countries.toml)."""
    return {code: country.name for code, country in ds.countries.items()}


def crewed_tags(ds: Dataset) -> set[str]:
    return {m.launch_tag for m in ds.missions if m.launch_tag and m.crew}


def filter_launches(ds: Dataset, launches: list[Launch], flt: LaunchFilter) -> list[Launch]:
    if flt.outcome is not None and flt.outcome not in OUTCOMES:
        raise UsageError(f"--outcome must be one of {', '.join(OUTCOMES)}, not '{flt.outcome}'")
    chosen = launches
    if flt.country:
        codes = nations.resolve_state(ds, flt.country)
        chosen = [x for x in chosen if x.state in codes]
    if flt.vehicle:
        key = fold(flt.vehicle)
        chosen = [x for x in chosen if key in (fold(x.vehicle), fold(x.family or ""))]
    if flt.outcome:
        chosen = [x for x in chosen if x.outcome == flt.outcome]
    if flt.crewed is not None:
        tags = crewed_tags(ds)
        chosen = [x for x in chosen if (x.tag in tags) == flt.crewed]
    return chosen


@dataclass(frozen=True)
class YearList:
    summary: YearSummary
    rows: list[tuple[int, Launch]]  # (ordinal in the year, launch), after filters
    filters: LaunchFilter
    crewed: set[str]


def list_year(ds: Dataset, year: int, flt: LaunchFilter) -> YearList:
    summary = launches_in_year(ds, year)
    chosen = set(filter_launches(ds, summary.launches, flt))
    rows = [(n, x) for n, x in enumerate(summary.launches, 1) if x in chosen]
    return YearList(summary, rows, flt, crewed_tags(ds))


@dataclass(frozen=True)
class YearCount:
    year: int
    attempts: int
    successes: int
    failures: int


def launches_by_year(ds: Dataset) -> list[YearCount]:
    years = ds.launches_by_year
    out = []
    for year in range(min(years), max(years) + 1):
        launches = years.get(year, [])
        ok = sum(1 for x in launches if x.success)
        out.append(YearCount(year, len(launches), ok, len(launches) - ok))
    return out


# ---- search -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: str  # mission, person, event, launch, station, expedition, payload
    id: str
    title: str
    detail: str
    score: int


def search(ds: Dataset, text: str, limit: int = 20) -> list[Hit]:
    """Missions, people, events, launch payloads, stations and expeditions whose names hold every
    word of `text`, as a word or the start of one ("Mir" finds Mir, Mir-2 and Mir EO-1, not Vladimir).

    Ranking: the whole name; a name that starts with the words; every word whole; every word as
    the start of a word. Within a rank, missions and people before events and launches, then
    oldest first. Punctuation inside names is ignored ("dobrovolskiy" finds Dobrovol'skiy).
    """
    words = fold(text).split()
    if not words:
        raise UsageError("search needs at least one letter or digit")
    phrase = " ".join(words)
    hits: list[Hit] = []
    from spacefacts import payloads
    from spacefacts.stations import search_entries

    for kind, key, title, detail, bonus, folded in [
        *ds.search_index,
        *search_entries(ds),
        *payloads.search_candidates(ds, words),
    ]:
        best = max((_word_score(words, phrase, name) for name in folded), default=0)
        if best:
            hits.append(Hit(kind, key, title, detail, best * 10 + bonus))
    hits.sort(key=lambda h: (-h.score, h.detail if h.kind != "person" else "", h.id))
    return hits[:limit]


def _word_score(words: list[str], phrase: str, name: str) -> int:
    """4 the whole name, 3 the name starts with the words, 2 every word whole, 1 every word as the
    start of a word (or of the words after it run together), 0 no match."""
    if name == phrase:
        return 4
    if name.startswith(phrase + " "):
        return 3
    tokens = name.split()
    if all(w in tokens for w in words):
        return 2
    runs = ["".join(tokens[i:]) for i in range(len(tokens))]
    return 1 if all(any(run.startswith(w) for run in runs) for w in words) else 0


# ---- counting rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class CountUnderRule:
    key: str
    rule: str
    count: int
    default: bool = False


def year_under_rules(ds: Dataset, year: int) -> list[CountUnderRule]:
    """The year's launch count under the common counting rules; the first is the one we use."""
    summary = launches_in_year(ds, year)
    launches = summary.launches
    everything = [x for x in ds.launches if x.date.year == year]
    return [
        CountUnderRule("attempts_from_earth", YEAR_RULE, len(launches), True),
        CountUnderRule(
            "successes",
            "successes only, by GCAT's pass/fail letter (partial successes in)",
            summary.successes,
        ),
        CountUnderRule(
            "full_successes",
            "full successes only (no GCAT success fraction below 1)",
            sum(1 for x in launches if x.outcome == "success"),
        ),
        CountUnderRule(
            "earth_orbit_attempts",
            "attempts aimed at Earth orbit only (GCAT class O; deep-space launches left out)",
            sum(1 for x in launches if x.code.startswith("O")),
        ),
        CountUnderRule(
            "including_other_worlds",
            "attempts including ascents from the Moon and other worlds (GCAT class X)",
            len(everything),
        ),
    ]


def family_under_rules(ds: Dataset, mission: Mission) -> list[CountUnderRule]:
    """Which flight of its spacecraft family a mission was, under several rules.

    Sources disagree (the origin article calls Soyuz MS-11 'the 140th flight of a Soyuz
    spacecraft'); each rule here is computed, so a reader can see which one gives which number.
    """
    if not mission.family:
        return []
    up_to = [m for m in ds.missions if m.launch.iso <= mission.launch.iso]
    family = mission.family
    related = {family, f"{family}/MirCorp"}  # McDowell files Soyuz TM-30 under Soyuz/MirCorp
    rules = [
        CountUnderRule(
            "crewed_flights",
            f"crewed {family} flights above 80 km in McDowell's list, aborts excluded",
            sum(1 for m in up_to if m.family == family and m.kind != "abort"),
            True,
        ),
        CountUnderRule(
            "crewed_flights_and_aborts",
            f"crewed {family} launches, aborts below 80 km included",
            sum(1 for m in up_to if m.family == family),
        ),
        CountUnderRule(
            "orbital_crewed_flights",
            f"crewed {family} flights that reached orbit",
            sum(1 for m in up_to if m.family == family and m.kind == "orbital"),
        ),
    ]
    if any(m.family == f"{family}/MirCorp" for m in ds.missions):
        rules.append(
            CountUnderRule(
                "with_commercial",
                f"as the first rule, with McDowell's {family}/MirCorp flights",
                sum(1 for m in up_to if m.family in related and m.kind != "abort"),
            )
        )
    prefix = fold(family)
    named = [
        x for x in ds.launches if x.date.iso <= mission.launch.iso and fold(x.payload).split()[:1] == [prefix]
    ]
    if len(named) >= rules[0].count:
        rules.append(
            CountUnderRule(
                "gcat_spacecraft_launches",
                f"GCAT launches whose main payload is named '{family}...', crewed and uncrewed, "
                "failures included (test ships under other names, such as Kosmos, are not counted)",
                len(named),
            )
        )
    return rules
