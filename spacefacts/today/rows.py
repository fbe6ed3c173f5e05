"""Rows of `spacefacts today`: an Anniversary is something that happened on a calendar day, with the
record(s) it comes from; `make_row` (and `launch_row` on it) is the one way every row is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.model import Launch, Mission, Person, Time

CATEGORIES = ("launch", "crewed", "eva", "landing", "planetary", "docking", "accident", "first")

STATE_NAMES_SOURCE = "data/countries.toml (GCAT orgs.tsv names, corrected in curated/countries.toml)"


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


# Every kind of row with the category it belongs to (CATEGORIES). A data event's kind is
# "<category> event" and an uncrewed visit's "<visit> (uncrewed)": those rows name their category.
ROW_KINDS = {
    "crewed launch": "crewed",
    "crewed landing": "landing",
    "eva": "eva",
    "birth": "crewed",
    "death": "crewed",
    "first launch": "first",
    "first satellite": "first",
    "launch from another world": "launch",
    "deep-space launch": "planetary",
    "landmark launch": "launch",
    "station launch": "launch",
    "station re-entry": "landing",
    "expedition start": "crewed",
}


def make_row(
    *,
    kind: str,
    key: str,
    when: Time,
    tier: int,
    title: str,
    sources: Iterable[str],
    category: str | None = None,
    notes: Iterable[str] = (),
    mission: str | None = None,
    person: str | None = None,
    launch_tag: str | None = None,
    people: Iterable[str] = (),
) -> Anniversary:
    """The one way a row is made (today's own rows, landmarks' and stations'): its category from
    its kind (ROW_KINDS) unless named, its sources in the order given."""
    return Anniversary(
        key=key,
        when=when,
        category=category or ROW_KINDS[kind],
        kind=kind,
        tier=tier,
        title=title,
        sources=tuple(sources),
        notes=tuple(notes),
        mission=mission,
        person=person,
        launch_tag=launch_tag,
        people=tuple(people),
    )


def launch_row(
    launch: Launch,
    *,
    kind: str,
    key: str,
    tier: int,
    title: str,
    sources: Iterable[str] = (),
    notes: Iterable[str] = (),
    mission: str | None = None,
) -> Anniversary:
    """A row about one GCAT launch: on its date, linked by its tag, its GCAT record the first source."""
    return make_row(
        kind=kind,
        key=key,
        when=launch.date,
        tier=tier,
        title=title,
        sources=(f"GCAT {launch.src}", *sources),
        notes=notes,
        mission=mission,
        launch_tag=launch.tag,
    )


def has_day(when: Time | None) -> bool:
    return when is not None and len(when.iso) >= 10


def names(people: Iterable[Person]) -> str:
    names = [p.name for p in people]
    if len(names) > 4:
        return f"{len(names)} people"
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def country_at(ds: Dataset, person: Person, day: str) -> str:
    """The state the person was a citizen of on that day (nations.RULE)."""
    return nations.at(ds, person.citizen, day).name


def from_country(ds: Dataset, person: Person, day: str) -> str:
    """' from the Soviet Union', ' from Japan': the state of `country_at`, for a sentence."""
    return " from " + nations.with_article(ds, nations.at(ds, person.citizen, day))


def crew_of(ds: Dataset, mission: Mission) -> list[Person]:
    return [ds.person_by_id[s.person] for s in mission.crew if s.person in ds.person_by_id]


def hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"
