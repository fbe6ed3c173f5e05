"""Rows of `spacefacts today`: an Anniversary is something that happened on a calendar day, with the
record(s) it comes from; `row` and `launch_row` are the one way every row is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.model import Mission, Person, Time

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
