"""On this day: every dated happening in the dataset, by calendar day, ranked by a stated rule.

Pure queries (no Rich, no Typer). Rows are derived from the records that hold them, each
carrying its source: crewed launches and landings (McDowell), EVAs (cosmos-book), national
firsts and each launch-vehicle family's first launch (GCAT, McDowell), and every event of
data/events.toml (cosmos-book interplanetary list, McDowell, curated records with their URL).
GCAT launches that are none of these are only counted.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import weakref
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field, replace
from datetime import date
from typing import Any

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.errors import UsageError
from spacefacts.model import Eva, Event, Mission, Person, Time
from spacefacts.text import fold

CATEGORIES = ("launch", "crewed", "eva", "landing", "planetary", "docking", "accident", "first")

RULE = (
    "Ranked by tier, then by year (oldest first), then by time of day. Tier 1: fatal accidents, crewed "
    "launch failures, and national firsts (a launching state's first orbital launch attempt and first "
    "success, by GCAT's LVState taken as its orgs.tsv UCode, so Russia continues the USSR; a country's "
    "first person, first woman and first EVA in space, by "
    "the state the person was a citizen of at the time (Soviet citizens before 1991-12-26 for the Soviet "
    "Union), flights above 80 km). Tier 2: crewed launches and landings, planetary "
    "arrivals, flybys, landings and samples, crewed aborts, a space station's launch and (cited) re-entry, "
    "the start of each station's first expedition with a record, and other hand-added events. Tier 3: "
    "dockings, a person's first EVA, EVA duration records, the first orbital launch of each "
    "launch-vehicle family (GCAT lv.tsv LV_Family) and from each launch site (GCAT site UCode: a renamed site is one site), launches from the Moon, perihelion passes. Tier 4: "
    "other EVAs. Other uncrewed orbital launches are counted, not listed."
)
# `launch` holds every launch row, crewed or not; `first` every row that is a first by the rules.
CATEGORY_RULE = (
    "a row belongs to its own category, to 'launch' if it is a launch, and to 'first' if it is a first"
)
OTHER_LAUNCHES_RULE = "GCAT orbital launch attempts (failures included) that carried no crew and are no first of the rules above"
EVA_RECORD_RULE = "longer than every earlier EVA in the cosmos-book EVA list"

STATE_NAMES_SOURCE = "data/countries.toml (GCAT orgs.tsv names, corrected in curated/countries.toml)"

TIER_BY_EVENT_CATEGORY = {
    "accident": 1,
    "first": 1,
    "launch": 2,
    "crewed": 2,
    "landing": 2,
    "planetary": 2,
    "docking": 3,
    "eva": 3,
}
# A data event on the same UTC day as a derived row about the same mission or person tells the
# same story in better words (the Challenger accident, not "STS-51-L launches"), so it replaces it.
COVERS = {"launch": {"crewed"}, "accident": {"crewed", "landing"}, "eva": {"eva"}, "landing": {"landing"}}

DEFAULT_LIMIT = 12
MAX_DAYS = 183  # a window of +-183 days is the whole calendar year

# Every calendar day once, in a leap year so that 02-29 has its place.
CALENDAR_DAYS = tuple(
    f"{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, calendar.monthrange(2000, m)[1] + 1)
)


@dataclass(frozen=True)
class Anniversary:
    """Something that happened on a calendar day, with the record(s) it comes from."""

    key: str
    when: Time
    category: str
    kind: str
    tier: int
    title: str
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()
    mission: str | None = None
    person: str | None = None
    launch_tag: str | None = None
    people: tuple[str, ...] = ()

    @property
    def month_day(self) -> str:
        return self.when.iso[5:10]

    @property
    def year(self) -> int:
        return self.when.year

    @property
    def text(self) -> str:
        """The title with what makes it notable, in one sentence."""
        if not self.notes:
            return self.title
        return f"{self.title}: {'; '.join(self.notes)}"

    @property
    def lookup(self) -> tuple[str, str] | None:
        """The spacefacts command to run next: ("mission", id), ("person", id), or for a launch
        ("launches", "YEAR --list"), which lists it with its GCAT tag."""
        if self.mission:
            return ("mission", self.mission)
        if self.person:
            return ("person", self.person)
        if self.launch_tag:
            return ("launches", f"{self.year} --list")
        return None

    def sort_key(self) -> tuple[int, str, str]:
        return (self.tier, self.when.iso, self.key)


@dataclass(frozen=True)
class Today:
    """The answer for a date: the listed rows, what was left out, and the uncrewed launches."""

    date: date
    month_days: tuple[str, ...]
    days: int
    category: str | None
    limit: int | None
    rows: list[Anniversary]
    more: int
    other_launches: dict[str, int]
    rule: str = RULE
    other_launches_rule: str = OTHER_LAUNCHES_RULE
    hidden_by_day: dict[str, int] = field(default_factory=dict)

    @property
    def other_launch_total(self) -> int:
        return sum(self.other_launches.values())

    def years_ago(self, row: Anniversary) -> int:
        return self.date.year - row.year


# Parsing the date ------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?")
_DAY_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?")
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")
_FULL = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_FORMS = "YYYY-MM-DD, MM-DD, or a month name and day such as 'Jan 27' or '27 January'"


def resolve_date(text: str | None, today: date) -> tuple[date, str, bool]:
    """The reference date, its calendar day (`MM-DD`) and whether the text named a year.

    Without a year the reference is this year's date; 02-29 in a year without one keeps its
    calendar day and takes 28 February as the reference (for "years ago").
    """
    if text is None:
        return today, today.strftime("%m-%d"), False
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if full := _FULL.fullmatch(cleaned):
        try:
            when = date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            raise _bad_date(text) from None
        return when, when.strftime("%m-%d"), True
    month = day = None
    if m := _MONTH_DAY.fullmatch(cleaned):
        month, day = int(m[1]), int(m[2])
    elif m := _NAME_DAY.fullmatch(cleaned):
        month, day = _MONTHS.get(m[1]), int(m[2])
    elif m := _DAY_NAME.fullmatch(cleaned):
        month, day = _MONTHS.get(m[2]), int(m[1])
    if month is None or day is None or f"{month:02d}-{day:02d}" not in CALENDAR_DAYS:
        raise _bad_date(text)
    if (month, day) == (2, 29) and not calendar.isleap(today.year):
        return date(today.year, 2, 28), "02-29", False
    return date(today.year, month, day), f"{month:02d}-{day:02d}", False


def _bad_date(text: str) -> UsageError:
    return UsageError(f"invalid date {text!r}: use {DATE_FORMS}")


def window(month_day: str, days: int) -> tuple[str, ...]:
    """Calendar days within +-days of month_day, in order, wrapping around the year."""
    if not 0 <= days <= MAX_DAYS:
        raise UsageError(f"--days must be between 0 and {MAX_DAYS}, not {days}")
    centre = CALENDAR_DAYS.index(month_day)
    seen: dict[str, None] = {}
    for offset in range(-days, days + 1):
        seen.setdefault(CALENDAR_DAYS[(centre + offset) % len(CALENDAR_DAYS)], None)
    return tuple(seen)


# Building every anniversary once per dataset ------------------------------------------------------


@dataclass
class _Calendar:
    rows: dict[str, list[Anniversary]]
    other_launches: dict[str, list[int]]  # day -> years of the ordinary launches on that day


_CACHE: weakref.WeakKeyDictionary[Dataset, _Calendar] = weakref.WeakKeyDictionary()


def _has_day(when: Time | None) -> bool:
    return when is not None and len(when.iso) >= 10


def _names(people: Iterable[Person]) -> str:
    names = [p.name for p in people]
    if len(names) > 4:
        return f"{len(names)} people"
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _country(ds: Dataset, person: Person, day: str) -> str:
    """The state the person was a citizen of on that day (nations.RULE)."""
    return nations.at(ds, person.citizen, day).name


def _from(ds: Dataset, person: Person, day: str) -> str:
    """' from the Soviet Union', ' from Japan': the state of `_country`, for a sentence."""
    return " from " + nations.with_article(ds, nations.at(ds, person.citizen, day))


def _crew(ds: Dataset, mission: Mission) -> list[Person]:
    return [ds.person_by_id[s.person] for s in mission.crew if s.person in ds.person_by_id]


def _crewed_launches(ds: Dataset, firsts: dict[str, list[str]]) -> list[Anniversary]:
    """A row per crewed flight that went above 80 km; a flight with a national first names its people."""
    rows = []
    for m in ds.missions:
        # Launch failures and aborts are events of their own (data/events.toml), and so is an accident on
        # its launch day (Challenger); a flight lost later (Soyuz 11, Columbia) still launched that day.
        lost_at_launch = (
            m.accident is not None and m.landing is not None and m.landing.iso[:10] == m.launch.iso[:10]
        )
        if m.outcome not in ("success", "fatal accident") or lost_at_launch or not _has_day(m.launch):
            continue
        crew = _crew(ds, m)
        notes = tuple(firsts.get(m.id, []))
        verb = "flies to space and back (suborbital)" if m.kind == "suborbital" else "launches"
        title = f"{m.name} {verb}" + (f" with {_names(crew)}" if crew and not notes else "")
        sources = [f"McDowell {m.src}"]
        launch = ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
        if launch:
            sources.append(f"GCAT {launch.src}")
        rows.append(
            Anniversary(
                key=f"launch-{m.id}",
                when=m.launch,
                category="crewed",
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


def _crewed_landings(ds: Dataset) -> list[Anniversary]:
    """A row per landing of a crewed ship, naming who came home on it (their own return)."""
    aboard: dict[str, list[Person]] = {}
    orphans: dict[tuple[str, str], list[tuple[Person, str, str | None]]] = {}
    for m in ds.missions:
        for person in _crew(ds, m):
            back = person.return_from(m.id)
            if back is None:
                aboard.setdefault(m.id, []).append(person)
            elif back.on:
                aboard.setdefault(back.on, []).append(person)
            elif _has_day(back.landing):
                orphans.setdefault((back.landing.iso, m.id), []).append((person, back.src, back.ship))
    rows = []
    for m in ds.missions:
        # A suborbital flight lands the day it launches; its launch row tells the story.
        if m.kind != "orbital" or m.landing is None or not _has_day(m.landing):
            continue
        people = aboard.get(m.id, [])
        title = f"{m.name} lands" + (
            f", bringing home {_names(people)}"
            if people
            else " uncrewed: its crew came home on another ship"
            if m.crew
            else ""
        )
        rows.append(
            Anniversary(
                key=f"landing-{m.id}",
                when=m.landing,
                category="landing",
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
            Anniversary(
                key=f"landing-{mission_id}-return",
                when=Time(iso),
                category="landing",
                kind="crewed landing",
                tier=2,
                title=f"{_names(people)} land {on}, ending the flight that began on {name}",
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


def _evas(ds: Dataset, first_eva_by_country: dict[tuple[str, str], str]) -> list[Anniversary]:
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
                notes.append(f"the longest EVA to date ({_hours(minutes)}; {EVA_RECORD_RULE})")
            longest = minutes
        firsts = [p for p in people if first_of.get(p.id) == start]
        national = False
        for who, noun in (("person", "EVA"), ("woman", "EVA by a woman")):
            for p in firsts:
                if first_eva_by_country.get((who, _country(ds, p, start))) != p.id:
                    continue
                national = True
                world = start == first_start[who]
                notes.append(f"{p.name}, the first {noun}" + ("" if world else _from(ds, p, start)))
        named = {n.split(",")[0] for n in notes}
        others = [p for p in firsts if p.name not in named]
        if others:
            notes.append(f"first EVA for {_names(others)}")
        tier = 1 if national else 3 if notes else 4
        mission = next((m for p, e in members if (m := _on_board(ds, p, e))), None)
        length = f" ({_hours(minutes)})" if minutes else ""
        where = f", {mission.name}" if mission else ""
        rows.append(
            Anniversary(
                key=f"eva-{start}",
                when=Time(start, any(e.start.uncertain for _, e in members)),
                category="eva",
                kind="eva",
                tier=tier,
                title=f"EVA by {_names(people)}{length}{where}",
                sources=tuple(dict.fromkeys(f"cosmos-book {e.src}" for _, e in members)),
                notes=tuple(notes),
                mission=mission.id if mission else None,
                person=people[0].id,
                people=tuple(p.id for p in people),
            )
        )
    return [r for r in rows if _has_day(r.when)]


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"


def _national_people_firsts(ds: Dataset) -> tuple[dict[str, list[str]], dict[tuple[str, str], str]]:
    """Notes per mission id for a country's first person and first woman in space, and each
    country's first person and first woman on an EVA, keyed ("person" or "woman", country at the time).

    Rule: the state the person was a citizen of at the flight (nations.RULE); flights above 80 km (aborts excluded) in launch order; women
    by McDowell's gender column; compatriots on the same first flight share the first.
    """
    firsts: dict[tuple[str, str], tuple[str, list[Person]]] = {}
    for m in sorted((m for m in ds.missions if m.kind != "abort"), key=lambda m: m.launch.iso):
        for person in _crew(ds, m):
            for who in ("person", "woman") if person.gender == "F" else ("person",):
                mission_id, people = firsts.setdefault((who, _country(ds, person, m.launch.iso)), (m.id, []))
                if mission_id == m.id:
                    people.append(person)
    notes: dict[str, list[str]] = {}
    world = {"person": True, "woman": True}
    for (who, _), (mission_id, people) in firsts.items():
        many = len(people) > 1
        noun = ("people" if many else "person") if who == "person" else ("women" if many else "woman")
        where = "" if world[who] else _from(ds, people[0], ds.mission_by_id[mission_id].launch.iso)
        world[who] = False
        notes.setdefault(mission_id, []).append(f"{_names(people)}, the first {noun} in space{where}")
    first_eva: dict[tuple[str, str], str] = {}
    for _, citizen, gender, person_id in sorted(
        (e.start.iso, _country(ds, p, e.start.iso), p.gender or "", p.id) for p in ds.people for e in p.evas
    ):
        first_eva.setdefault(("person", citizen), person_id)
        if gender == "F":
            first_eva.setdefault(("woman", citizen), person_id)
    return notes, first_eva


def _launch_firsts(ds: Dataset) -> list[Anniversary]:
    """A launching state's first orbital launch attempt and first success; each LV family's and
    each launch site's first orbital launch attempt (GCAT, launches from Earth in date order)."""
    notes: dict[str, list[str]] = {}
    tiers: dict[str, int] = {}
    attempted: set[str] = set()
    succeeded: set[str] = set()
    families: set[str] = set()
    sites: set[str] = set()
    earth = sorted((launch for launch in ds.launches if launch.earth), key=lambda launch: launch.date.iso)
    # Identities, not codes: GCAT's UCode of a state (Russia continues the USSR) and of a site (a
    # renamed site is the same site), so a change of name is never a first.
    identity = {code: ucode for code, (_, ucode) in ds.launch_meta.get("states", {}).items()}
    for index, launch in enumerate(earth):
        state = nations.with_article(ds, nations.country(ds, launch.state))
        state_id = identity.get(launch.state, launch.state)
        if state_id not in attempted:
            attempted.add(state_id)
            if index == 0:
                what = f"the first orbital launch (by {state})"
            elif launch.success:
                what = f"the first orbital launch by {state}"
            else:
                what = f"the first orbital launch attempt by {state} (failed)"
            notes.setdefault(launch.tag, []).append(what)
            tiers[launch.tag] = 1
            if launch.success:
                succeeded.add(state_id)
        elif launch.success and state_id not in succeeded:
            succeeded.add(state_id)
            notes.setdefault(launch.tag, []).append(f"the first successful orbital launch by {state}")
            tiers[launch.tag] = 1
        if launch.family and launch.family not in families:
            families.add(launch.family)
            notes.setdefault(launch.tag, []).append(f"the first orbital launch of the {launch.family} family")
            tiers.setdefault(launch.tag, 3)
        site = ds.sites.get(launch.site)
        site_id = site.identity if site else launch.site
        if site_id not in sites and not launch.site_uncertain:
            sites.add(site_id)
            notes.setdefault(launch.tag, []).append(
                f"the first orbital launch from {site.name if site else launch.site}"
            )
            tiers.setdefault(launch.tag, 3)
    rows = []
    for tag, firsts in notes.items():
        launch = ds.launch_by_tag[tag]
        if not _has_day(launch.date):
            continue
        result = "" if launch.outcome == "success" else f" ({launch.outcome})"
        rows.append(
            Anniversary(
                key=f"first-{tag}",
                when=launch.date,
                category="first",
                kind="first launch",
                tier=tiers[tag],
                title=f"{launch.vehicle} launches {launch.payload}{result}",
                sources=(f"GCAT {launch.src}", STATE_NAMES_SOURCE)
                if tiers[tag] == 1
                else (f"GCAT {launch.src}",),
                notes=tuple(firsts),
                launch_tag=tag,
            )
        )
    return rows


def _off_earth_launches(ds: Dataset) -> list[Anniversary]:
    rows = []
    for launch in ds.launches:
        if launch.earth or not _has_day(launch.date):
            continue
        site = ds.sites.get(launch.site)
        body = "the Moon" if site and site.state == "LUNA" else "another world"
        rows.append(
            Anniversary(
                key=f"launch-{launch.tag}",
                when=launch.date,
                category="launch",
                kind="launch from another world",
                tier=3,
                title=f"{launch.payload} ({launch.vehicle}) lifts off from {body}",
                sources=(f"GCAT {launch.src}",),
                launch_tag=launch.tag,
            )
        )
    return rows


def _deep_space_launches(ds: Dataset) -> list[Anniversary]:
    """Launches GCAT classes as deep space (code D: sent beyond Earth orbit, to the Moon, the
    planets or the Sun). They are the start of every planetary mission, so they are listed, not
    counted among the ordinary launches."""
    rows = []
    for launch in ds.launches:
        if not launch.earth or not launch.code.startswith("D") or not _has_day(launch.date):
            continue
        failed = not launch.success
        title = (
            f"{launch.vehicle} fails to send {launch.payload} beyond Earth orbit"
            if failed
            else f"{launch.vehicle} launches {launch.payload} beyond Earth orbit"
        )
        rows.append(
            Anniversary(
                key=f"launch-{launch.tag}",
                when=launch.date,
                category="planetary",
                kind="deep-space launch",
                tier=3,
                title=title,
                sources=(f"GCAT {launch.src}",),
                launch_tag=launch.tag,
            )
        )
    return rows


def _births_and_deaths(ds: Dataset) -> list[Anniversary]:
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
            if when is None or not _has_day(when):
                continue
            rows.append(
                Anniversary(
                    key=f"{'born' if verb == 'is born' else 'died'}-{person.id}",
                    when=when,
                    category="crewed",
                    kind="birth" if verb == "is born" else "death",
                    tier=4,
                    title=f"{person.name} ({_country(ds, person, when.iso)}) {verb}: {summary}",
                    sources=(f"McDowell {person.src}",),
                    person=person.id,
                    people=(person.id,),
                )
            )
    return rows


def _event_tier(ds: Dataset, event: Event) -> int:
    if event.category == "launch" and event.mission in ds.mission_by_id:
        return 1 if ds.mission_by_id[event.mission].outcome == "launch failure" else 2
    if event.category == "planetary" and event.id.endswith("-perihelion"):
        return 3
    return TIER_BY_EVENT_CATEGORY.get(event.category, 2)


def _launch_named_in(ds: Dataset, event: Event) -> str | None:
    """The GCAT launch of the event's day whose payload the title names (a curated uncrewed launch)."""
    title = f" {fold(event.title)} "
    day = event.date.iso[:10]
    for launch in ds.launches_by_year.get(event.date.year, []):
        if launch.date.iso[:10] == day and f" {fold(launch.payload)} " in title:
            return launch.tag
    return None


def _event_rows(ds: Dataset) -> list[Anniversary]:
    rows = []
    for event in ds.events:
        if not _has_day(event.date):
            continue
        mission = ds.mission_by_id.get(event.mission) if event.mission else None
        people = tuple(s.person for s in mission.crew) if mission else ()
        launch_tag = None
        same_day = mission is not None and mission.launch.iso[:10] == event.date.iso[:10]
        if mission and event.category in ("launch", "accident") and same_day:
            launch_tag = mission.launch_tag
        elif event.category == "launch" and mission is None:
            launch_tag = _launch_named_in(ds, event)
        rows.append(
            Anniversary(
                key=f"event-{event.id}",
                when=event.date,
                category=event.category,
                kind=f"{event.category} event",
                tier=_event_tier(ds, event),
                title=event.title,
                sources=(event.source,),
                mission=event.mission,
                person=event.person,
                launch_tag=launch_tag,
                people=(event.person, *people) if event.person else people,
            )
        )
    return rows


def _merge_covered(rows: list[Anniversary], events: list[Anniversary]) -> list[Anniversary]:
    """Drop derived rows that a data event of the same day and subject replaces; keep their notes."""
    merged_events = []
    covered: set[str] = set()
    for event in events:
        kinds = COVERS.get(event.category, set())
        absorbed = [
            row
            for row in rows
            if row.category in kinds
            and row.when.iso[:10] == event.when.iso[:10]
            and (
                (event.mission and row.mission == event.mission)
                or (event.person and event.person in row.people)
            )
        ]
        for row in absorbed:
            covered.add(row.key)
        notes = tuple(n for row in absorbed for n in row.notes)
        tier = min([event.tier, *(row.tier for row in absorbed if row.notes)])
        sources = tuple(dict.fromkeys([*event.sources, *(s for row in absorbed for s in row.sources)]))
        merged_events.append(replace(event, notes=event.notes + notes, tier=tier, sources=sources))
    return [row for row in rows if row.key not in covered] + merged_events


def _merge_launch_firsts(rows: list[Anniversary], firsts: list[Anniversary]) -> list[Anniversary]:
    """A first that is also a listed launch (STS-1, a curated launch) becomes a note of that row."""
    by_tag = {row.launch_tag: i for i, row in enumerate(rows) if row.launch_tag}
    merged = list(rows)
    for first in firsts:
        i = by_tag.get(first.launch_tag or "")
        if i is None:
            merged.append(first)
            continue
        row = merged[i]
        sources = tuple(dict.fromkeys([*row.sources, *first.sources]))
        merged[i] = replace(
            row, notes=row.notes + first.notes, tier=min(row.tier, first.tier), sources=sources
        )
    return merged


def _build(ds: Dataset) -> _Calendar:
    from spacefacts import landmarks, stations

    person_notes, first_eva = _national_people_firsts(ds)
    derived = [
        *_crewed_launches(ds, person_notes),
        *_crewed_landings(ds),
        *_evas(ds, first_eva),
        *_off_earth_launches(ds),
        *_births_and_deaths(ds),
        *landmarks.rows(ds),
    ]
    rows = _merge_covered(derived, _event_rows(ds))
    # A deep-space launch that a hand-added event already tells (a curated launch) is not repeated.
    told = {row.launch_tag for row in rows if row.launch_tag}
    rows += [row for row in _deep_space_launches(ds) if row.launch_tag not in told]
    rows += [row for row in stations.anniversaries(ds) if not row.launch_tag or row.launch_tag not in told]
    rows = _merge_launch_firsts(rows, _launch_firsts(ds))
    rows = landmarks.first_arrivals(landmarks.dedupe(landmarks.supersede(rows)))
    by_day: dict[str, list[Anniversary]] = {}
    for row in rows:
        by_day.setdefault(row.month_day, []).append(row)
    for listed_day in by_day.values():
        listed_day.sort(key=Anniversary.sort_key)
    listed = {row.launch_tag for row in rows if row.launch_tag}
    listed.update(m.launch_tag for m in ds.missions if m.launch_tag)
    other: dict[str, list[int]] = {}
    for launch in ds.launches:
        if launch.earth and launch.tag not in listed and (day := launch.date.month_day):
            other.setdefault(day, []).append(launch.date.year)
    return _Calendar(by_day, other)


def _encode(book: _Calendar) -> object:
    rows = {
        day: [(*astuple(row)[:1], (row.when.iso, row.when.uncertain), *astuple(row)[2:]) for row in listed]
        for day, listed in book.rows.items()
    }
    return (rows, book.other_launches)


def _decode(payload: object) -> _Calendar:
    rows: dict[str, list[tuple[Any, ...]]]
    other: dict[str, list[int]]
    rows, other = payload  # type: ignore[misc]
    return _Calendar(
        {day: [Anniversary(r[0], Time(*r[1]), *r[2:]) for r in listed] for day, listed in rows.items()},
        dict(other),
    )


def calendar_of(ds: Dataset) -> _Calendar:
    """The calendar of every day's rows; kept in the dataset cache, as building it takes a while."""
    from spacefacts import cache

    return cache.derived(ds, "today", lambda: _build(ds), _encode, _decode, kept=_CACHE)


# Queries ---------------------------------------------------------------------------------------


def on_this_day(
    ds: Dataset,
    when: date,
    month_day: str,
    *,
    days: int = 0,
    category: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    up_to_date: bool = True,
) -> Today:
    """Rows for the calendar days around month_day, ranked; at most `limit` per day (None: all).

    With up_to_date, nothing later than the reference date (in its year) is listed.
    """
    if category is not None and category not in CATEGORIES:
        raise UsageError(f"unknown category {category!r}: use one of {', '.join(CATEGORIES)}")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit must be 0 (all) or more, not {limit}")
    from spacefacts import landmarks

    book = calendar_of(ds)
    days_listed = window(month_day, days)
    rows: list[Anniversary] = []
    hidden: dict[str, int] = {}
    for day in days_listed:
        found = [
            row
            for row in book.rows.get(day, [])
            if (category is None or category in landmarks.categories(row))
            and (not up_to_date or row.when.iso[:10] <= f"{when.year:04d}-{day}")
        ]
        shown = found if not limit else found[:limit]
        rows.extend(shown)
        if len(found) > len(shown):
            hidden[day] = len(found) - len(shown)
    others = {
        day: sum(1 for year in book.other_launches.get(day, []) if year <= when.year) for day in days_listed
    }
    return Today(
        date=when,
        month_days=days_listed,
        days=days,
        category=category,
        limit=limit or None,
        rows=rows,
        more=sum(hidden.values()),
        other_launches={day: n for day, n in others.items() if n and category in (None, "launch")},
        hidden_by_day=hidden,
        rule=f"{RULE} {landmarks.RULE} Categories: {CATEGORY_RULE}.",
    )


def motd(result: Today) -> str:
    """One plain line for a shell start-up file, the same all day: a top-tier row chosen by the date."""
    if not result.rows:
        return (
            f"On this day ({day_name(result.month_days[len(result.month_days) // 2])}): nothing in the data."
        )
    best = min(row.tier for row in result.rows)
    candidates = sorted((r for r in result.rows if r.tier == best), key=Anniversary.sort_key)
    with_lookup = [r for r in candidates if r.mission or r.person] or candidates
    digest = hashlib.sha256(result.date.isoformat().encode()).digest()
    row = with_lookup[int.from_bytes(digest[:8], "big") % len(with_lookup)]
    ago = result.years_ago(row)
    when = f"{day_name(row.month_day)} {row.year}" + (f", {ago} years ago" if ago > 1 else "")
    line = f"On this day, {when}: {row.text}."
    if row.lookup:
        line += f" Look up: spacefacts {row.lookup[0]} {row.lookup[1]}"
    return line


def day_name(month_day: str) -> str:
    """`01-27` -> `27 January`."""
    return f"{int(month_day[3:])} {calendar.month_name[int(month_day[:2])]}"


def coverage(ds: Dataset) -> dict[str, int]:
    """Listed rows (not counted launches) per calendar day, every year, every category."""
    rows = calendar_of(ds).rows
    return {day: len(rows.get(day, [])) for day in CALENDAR_DAYS}
