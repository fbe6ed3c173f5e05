"""The question bank: everything the question kinds need, indexed once per dataset. The list of
every question that can be asked (`Spec`s) and the generator of each kind are in spacefacts.quiz.kinds.
"""

from __future__ import annotations

import bisect
import shlex
from collections.abc import Callable, Mapping
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from spacefacts.dataset import Dataset
from spacefacts.model import Event, Mission, Person
from spacefacts.quiz.difficulty import Fame, Renown
from spacefacts.quiz.fair import Pools
from spacefacts.quiz.questions import (
    Happening,
    mission_lookup,
    mission_source,
)

if TYPE_CHECKING:
    from spacefacts.queries.launches import YearSummary

T = TypeVar("T")
PLANETS = frozenset({"Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"})

# Events generated from McDowell's rows repeat the crewed-flight records, so the history
# questions use the missions themselves and only the curated and planetary events.
_GENERATED_EVENT_SOURCE = "mcdowell-hsf/"
_MIN_GAP_DAYS = 2  # dates a day apart could be the same day in another time zone


class Bank:
    """Everything the generators need, indexed per dataset when first asked for.

    A quiz asks a few questions, so it builds only the indexes those need. The ones that take a
    pass over every person or a ranking of every record (KEPT, and the pools' own) can be handed
    in from the derived-data cache (spacefacts.quiz.kept): `kept_state()` gives them as plain
    data and `Bank(ds, state)` takes them back, each turned into its index when first asked for.
    """

    KEPT = ("nameable", "aboard", "happenings", "launch_srcs")

    def __init__(self, ds: Dataset, kept: Mapping[str, Any] | None = None):
        self.ds = ds
        self._kept = kept
        self.pools = Pools(ds, kept["pools"] if kept is not None else None)
        self._indexes: dict[str, Any] = {}

    def kept_state(self) -> dict[str, Any]:
        """The KEPT indexes and the pools' as plain data for the cache (marshal)."""
        return {
            "pools": self.pools.kept_state(),
            "kinds": {**(self._kept["kinds"] if self._kept is not None else {}), **self._indexes},
            "nameable": sorted(self.nameable),
            "aboard": {mission: sorted(people) for mission, people in self.aboard.items()},
            "launch_srcs": self.launch_srcs,
            "happenings": _happening_rows(self.happenings),
        }

    def index(self, name: str, build: Callable[[], T]) -> T:
        """A question kind's own index, built once per bank. Plain data only (what marshal holds):
        spacefacts.quiz.kept keeps it with the bank when the kind's specs built it."""
        if name not in self._indexes:
            kept = self._kept["kinds"] if self._kept is not None else {}
            self._indexes[name] = kept[name] if name in kept else build()
        found: T = self._indexes[name]
        return found

    @cached_property
    def launch_srcs(self) -> dict[str, str]:
        """Launch tag -> the GCAT source of the launch, for each mission's launch in GCAT."""
        if self._kept is not None:
            kept: dict[str, str] = self._kept["launch_srcs"]
            return kept
        by_tag = self.ds.launch_by_tag
        return {
            m.launch_tag: by_tag[m.launch_tag].src
            for m in self.ds.missions
            if m.launch_tag is not None and m.launch_tag in by_tag
        }

    @cached_property
    def missions(self) -> list[Mission]:
        return [m for m in self.ds.missions if m.kind != "abort" and m.outcome == "success"]

    @cached_property
    def fame(self) -> Fame:
        return Fame(self.ds)

    @cached_property
    def aboard(self) -> dict[str, set[str]]:
        """Who is linked to a mission: its crew, and those who came home on it (they flew on it too)."""
        if self._kept is not None:
            return {mission: set(people) for mission, people in self._kept["aboard"].items()}
        ds = self.ds
        aboard: dict[str, set[str]] = {m.id: {seat.person for seat in m.crew} for m in ds.missions}
        for p in ds.people:
            for back in p.returns:
                if back.on in aboard:
                    aboard[back.on].add(p.id)
        return aboard

    @cached_property
    def rides(self) -> dict[str, set[str]]:
        rides: dict[str, set[str]] = {}
        for mission_id, people in self.aboard.items():
            for person_id in people:
                rides.setdefault(person_id, set()).add(mission_id)
        return rides

    def rides_of(self, person_id: str) -> set[str]:
        """The missions a person is linked to: rides.get(person_id, set()), without building rides
        for everyone (one pass over aboard, for a question about one person)."""
        return {mission for mission, people in self.aboard.items() if person_id in people}

    @cached_property
    def people(self) -> list[Person]:
        """Two people of the same display name would make an option ambiguous: leave them out."""
        name_count: dict[str, int] = {}
        for p in self.ds.people:
            name_count[p.name] = name_count.get(p.name, 0) + 1
        return [p for p in self.ds.people if name_count[p.name] == 1]

    @cached_property
    def nameable(self) -> set[str]:
        if self._kept is not None:
            return set(self._kept["nameable"])
        return {p.id for p in self.people}

    @cached_property
    def first_year(self) -> dict[str, int]:
        ds = self.ds
        return {
            p.id: min(ds.mission_by_id[m].launch.year for m in p.flights if m in ds.mission_by_id)
            for p in self.people
            if any(m in ds.mission_by_id for m in p.flights)
        }

    @cached_property
    def year_summaries(self) -> dict[int, YearSummary]:
        """Every year whose launch log is complete (the launch-count questions)."""
        from spacefacts import queries

        return {
            year: summary
            for year in self.ds.launches_by_year
            if (summary := queries.launches_in_year(self.ds, year)).complete
        }

    @cached_property
    def happenings(self) -> list[Happening]:
        if self._kept is not None:
            return _happenings_from(self._kept["happenings"])
        return self._happenings(self.ds)

    @cached_property
    def _days(self) -> list[int]:
        return [h.day.toordinal() for h in self.happenings]  # ascending: sorted by day

    # Pools -------------------------------------------------------------------------------------

    def site_name(self, mission: Mission) -> str | None:
        site = self.ds.sites.get(mission.site) if mission.site else None
        return site.name if site else None

    def _happenings(self, ds: Dataset) -> list[Happening]:
        found: list[Happening] = []
        firsts: set[str] = set()
        # In time order, so that the first event at each body is known when it comes.
        for e in sorted(ds.events, key=lambda e: e.date.iso):
            if e.src.startswith(_GENERATED_EVENT_SOURCE) or e.date.month_day is None or e.date.uncertain:
                continue
            renown = self.fame.event(e, first_at_body=e.body in PLANETS and e.body not in firsts)
            firsts.add(e.body or "")
            found.append(
                Happening(
                    e.id, e.date.start.date(), e.title, renown, self._event_lookup(e), f"{e.source} ({e.src})"
                )
            )
        for m in self.missions:
            if m.launch.month_day is not None and not m.launch.uncertain:
                found.append(
                    Happening(
                        m.id,
                        m.launch.start.date(),
                        f"{m.name} launches",
                        self.fame.mission(m.id),
                        mission_lookup(m.id),
                        mission_source(m),
                    )
                )
        # A text that occurs on two dates (Mariner 10 flew by Mercury three times) has no one date.
        texts: dict[str, int] = {}
        for h in found:
            texts[h.text] = texts.get(h.text, 0) + 1
        return sorted((h for h in found if texts[h.text] == 1), key=lambda h: (h.day, h.key))

    @staticmethod
    def _event_lookup(e: Event) -> str:
        if e.mission:
            return mission_lookup(e.mission)
        return f"spacefacts search {shlex.quote(e.title)}"

    def _window(self, anchor: Happening, low: int, high: int) -> list[Happening]:
        """The happenings from `low` to `high` days after the anchor's day, in order: two binary
        searches in the day-sorted list rather than a pass over all of it for each anchor."""
        day = anchor.day.toordinal()
        days = self._days
        return self.happenings[bisect.bisect_left(days, day + low) : bisect.bisect_right(days, day + high)]

    def later(self, anchor: Happening) -> list[Happening]:
        """Candidates for which-came-first: at least two days and at most six years after the anchor."""
        return [h for h in self._window(anchor, _MIN_GAP_DAYS, 6 * 366) if h.text != anchor.text]

    def around(self, anchor: Happening) -> list[Happening]:
        """Candidates for on-date: within three years, and not on (or next to) the anchor's day."""
        return [
            *self._window(anchor, -3 * 366, -_MIN_GAP_DAYS),
            *self._window(anchor, _MIN_GAP_DAYS, 3 * 366),
        ]

    # Distractors (pools and answer families: spacefacts/quiz/fair.py) ---------------------------

    def people_near(self, mission: Mission, like: str, exclude: set[str]) -> list[list[str]]:
        """Nameable person ids by plausibility, none of `exclude` (those aboard)."""
        tiers = self.pools.people_near(mission, like)
        return [[p for p in tier if p in self.nameable and p not in exclude] for tier in tiers]

    def name(self, person_id: str) -> str:
        """A person's display name (from the pools' people, not the person's whole record)."""
        return self.pools.people[person_id][0]

    def launch_source(self, m: Mission) -> str:
        src = self.launch_srcs.get(m.launch_tag) if m.launch_tag else None
        extra = f"; GCAT launch log ({src})" if src is not None else ""
        return mission_source(m) + extra

    def happening(self, key: str) -> Happening:
        return next(h for h in self.happenings if h.key == key)


@lru_cache(maxsize=4)
def bank(ds: Dataset) -> Bank:
    return Bank(ds)


def _happening_rows(
    happenings: list[Happening],
) -> tuple[list[tuple[int, tuple[str, ...]]], list[tuple[Any, ...]]]:
    """Happenings as plain rows (day as an ordinal, renown as an index into a table of
    (points, reasons): a mission's renown is shared by its happenings)."""
    renowns: dict[Renown, int] = {}
    rows = [
        (h.key, h.day.toordinal(), h.text, renowns.setdefault(h.renown, len(renowns)), h.lookup, h.source)
        for h in happenings
    ]
    return [(r.points, r.reasons) for r in renowns], rows


def _happenings_from(kept: Any) -> list[Happening]:
    table, rows = kept
    renowns = [Renown(points, tuple(reasons)) for points, reasons in table]
    return [
        Happening(key, date.fromordinal(day), text, renowns[renown], lookup, source)
        for key, day, text, renown, lookup, source in rows
    ]
