"""Fair quiz options: the pools a knowledgeable player would weigh, and which values are one answer.

A distractor must be plausible (same program, country and era as the answer) and must never be
also true. "Also true" covers more than equality: Kennedy Space Center and Cape Canaveral sit side
by side and the sources themselves mix them up, and Soyuz-U, Soyuz-U2 and Soyuz-U-PVB are one
rocket to most readers. Such values form one *answer family*: no two options of a question come
from the same family, so a question never separates them.

The rules, stated once (docs/quiz.md repeats them):

- Program: a crewed flight belongs to the launching state of its spacecraft family (GCAT's state
  code of its launches; for families with no GCAT launch, such as New Shepard, the state most of
  its crew come from). The Soviet and Russian programs are one line (SU and RU).
- Sites are one family when their names share a place word (Plesetsk, Canaveral, Wallops, Kodiak,
  ...), counting Kennedy Space Center as at Canaveral and Vandenberg as at Point Arguello
  (SITE_PLACES).
- Vehicles are one family when, ignoring case, spaces and hyphens, one name starts with the other
  (Soyuz-U / Soyuz-U2 / Soyuz-U-PVB, Atlas V / Atlas V N22) or both carry the same Soviet index
  (Vostok 8K72 / Vostok-L 8K72).
- Countries are one family when they are the same country at different times (Russia and the Soviet
  republics, Germany and East Germany, Czechoslovakia and Slovakia).

No Rich, no Typer: the question kinds (spacefacts.quiz.kinds) call `draw` with tiers from `Pools`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from spacefacts.model import Launch, Mission

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset

# States whose programs continue one another: the Soviet program became the Russian one.
LINEAGE = {"SU": "RU"}

# Sites whose names do not say where they are: the place they share with their neighbours.
SITE_PLACES = {
    "Kennedy Space Center": "canaveral",  # beside Cape Canaveral, on Merritt Island
    "Vandenberg": "arguello",  # Point Arguello became part of Vandenberg in 1964
}
# Words of site names that name no place: sharing one of these says nothing.
_SITE_WORDS_NOT_PLACES = frozenset(
    {
        "space", "center", "centre", "cosmodrome", "launch", "satellite", "site", "complex", "range",
        "facility", "spaceport", "station", "base", "area", "island", "california", "alaska", "florida",
        "test", "naval", "missile", "rocket", "regional", "air", "force", "the", "of", "and", "pacific",
        "ocean", "rossiya", "oblast", "zone", "commercial", "orbital", "flight", "instrumented", "army",
    }
)  # fmt: skip

COUNTRY_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Russia", "USSR", "Soviet Union", "Ukraine", "Belarus", "Kazakhstan"}),
    frozenset({"Germany", "East Germany", "West Germany"}),
    frozenset({"Czechoslovakia", "Slovakia", "Czech Republic", "Czechia"}),
)

_SOVIET_INDEX = re.compile(r"\b(\d+[A-Z]\d+)")


def program_state(state: str) -> str:
    return LINEAGE.get(state, state)


def _place_words(name: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", name)} - _SITE_WORDS_NOT_PLACES
    return words | ({SITE_PLACES[name]} if name in SITE_PLACES else set())


def same_site(a: str, b: str) -> bool:
    """One answer family: the same site, or names sharing a place word (adjacent sites)."""
    return a == b or bool(_place_words(a) & _place_words(b))


def _compact(name: str) -> str:
    return re.sub(r"[\s\-]", "", name.lower())


def same_vehicle(a: str, b: str) -> bool:
    """One answer family: one name starts with the other, or both carry the same Soviet index."""
    x, y = _compact(a), _compact(b)
    if x.startswith(y) or y.startswith(x):
        return True
    return bool(set(_SOVIET_INDEX.findall(a)) & set(_SOVIET_INDEX.findall(b)))


def same_country(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in COUNTRY_FAMILIES)


def draw(
    rng: random.Random,
    tiers: Sequence[Iterable[str]],
    answer: str,
    k: int,
    same: Callable[[str, str], bool] = str.__eq__,
) -> list[str] | None:
    """k distractors, filled from the most plausible tier first; no two options in one family.

    Within a tier the order is random (seeded); a later tier is used only for what an earlier one
    could not fill. None when all tiers together cannot give k fair distractors.
    """
    chosen: list[str] = []
    for tier in tiers:
        candidates = sorted(set(tier))
        rng.shuffle(candidates)
        for value in candidates:
            if len(chosen) == k:
                return chosen
            if not same(value, answer) and not any(same(value, c) for c in chosen):
                chosen.append(value)
    return chosen if len(chosen) == k else None


class Pools:
    """Who and what a knowledgeable player would weigh, indexed per dataset when first asked for.

    The indexes that take a pass over every launch or person (KEPT) can be handed in from the
    derived-data cache (spacefacts.quiz.kept): `kept_state()` gives them as plain data, and
    `Pools(ds, state)` takes them back, each turned into its index only when first asked for, so
    a quiz of ten questions reads neither 7,000 launches nor every person.
    """

    KEPT = ("family_state", "vehicle_family", "vehicles_by", "sites_by", "program_countries", "people")

    def __init__(self, ds: Dataset, kept: Mapping[str, Any] | None = None):
        self.ds = ds
        self._kept = kept

    def kept_state(self) -> dict[str, Any]:
        """The KEPT indexes as plain data for the cache (marshal): dicts, lists and text."""
        return {
            "family_state": self.family_state,
            "vehicle_family": self.vehicle_family,
            "vehicles_by": {key: dict(counts) for key, counts in self.vehicles_by.items()},
            "sites_by": {key: dict(counts) for key, counts in self.sites_by.items()},
            "program_countries": sorted(self.program_countries),
            "people": self.people,
        }

    @cached_property
    def flown(self) -> list[Mission]:
        return [m for m in self.ds.missions if m.kind != "abort"]

    @cached_property
    def family_state(self) -> dict[str, str]:
        if self._kept is not None:
            return dict(self._kept["family_state"])
        return self._family_states()

    @cached_property
    def known_site(self) -> set[str]:
        """Names a reader knows (curated/sites.toml) come before GCAT's long descriptions."""
        return {site.name for site in self.ds.sites.values() if site.name_source}

    @cached_property
    def vehicle_family(self) -> dict[str, str]:
        if self._kept is not None:
            return dict(self._kept["vehicle_family"])
        return {launch.vehicle: launch.family or launch.vehicle for launch in self.ds.launches}

    @cached_property
    def vehicles_by(self) -> dict[tuple[str, int], dict[str, int]]:
        """(program state, year) -> launch counts by vehicle."""
        return self._launch_counts("vehicles_by", lambda launch, state: launch.vehicle)

    @cached_property
    def sites_by(self) -> dict[tuple[str, int], dict[str, int]]:
        """(program state, year) -> launch counts by site name, of the state's own sites."""

        def own_site(launch: Launch, state: str) -> str | None:
            site = self.ds.sites.get(launch.site)
            return site.name if site is not None and program_state(site.state) == state else None

        return self._launch_counts("sites_by", own_site)

    def _launch_counts(
        self, name: str, label: Callable[[Launch, str], str | None]
    ) -> dict[tuple[str, int], dict[str, int]]:
        """(program state, year) -> launch counts by `label` (None: not counted), or as kept."""
        if self._kept is not None:
            kept: dict[tuple[str, int], dict[str, int]] = self._kept[name]
            return kept
        table: dict[tuple[str, int], dict[str, int]] = {}
        for launch in self.ds.launches:
            key = (program_state(launch.state), launch.date.year)
            value = label(launch, key[0])
            if value is not None:
                table.setdefault(key, Counter())[value] += 1
        return table

    @cached_property
    def people(self) -> dict[str, tuple[str, str, str, str]]:
        """Person id -> (name, citizen code, country, source) of everyone: what the questions ask
        of a person, without decoding every person's record (spacefacts.cache)."""
        if self._kept is not None:
            kept: dict[str, tuple[str, str, str, str]] = self._kept["people"]
            return kept
        return {p.id: (p.name, p.citizen, p.country, p.src) for p in self.ds.people}

    @cached_property
    def state_country(self) -> dict[str, str]:
        return {
            program_state(p.citizen): p.country for p in self.ds.people if p.citizen in ("US", "RU", "CN")
        }

    @cached_property
    def first_flight(self) -> dict[str, Mission]:
        first: dict[str, Mission] = {}
        for m in sorted(self.flown, key=lambda m: m.launch.iso):
            for seat in m.crew:
                first.setdefault(seat.person, m)
        return first

    def _family_states(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = {}
        crew_votes: dict[str, Counter[str]] = {}
        for m in self.flown:
            family = self.family(m)
            launch = self.ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
            if launch is not None:
                votes.setdefault(family, Counter())[program_state(launch.state)] += 1
            for seat in m.crew:
                person = self.ds.person_by_id.get(seat.person)
                if person is not None and person.citizen:
                    crew_votes.setdefault(family, Counter())[program_state(person.citizen)] += 1
        states = {f: c.most_common(1)[0][0] for f, c in crew_votes.items()}
        states.update({f: c.most_common(1)[0][0] for f, c in votes.items()})
        return states

    @staticmethod
    def family(m: Mission) -> str:
        """The spacecraft family, a sub-family (Soyuz/MirCorp) counted as its family."""
        return (m.family or m.name).split("/")[0]

    def state(self, m: Mission) -> str:
        """The program a crewed flight belongs to, as a (lineage) state code."""
        return self.family_state.get(self.family(m), "")

    @cached_property
    def programs(self) -> list[tuple[Mission, str, str, int]]:
        """Each flown mission with its family, program and launch year, worked out once for the
        tiers below rather than once per question."""
        return [(m, self.family(m), self.state(m), m.launch.year) for m in self.flown]

    # People and missions ------------------------------------------------------------------------

    def people_near(self, m: Mission, like: str, years: int = 8) -> list[list[str]]:
        """Person ids: same family, era and country as `like`; same family and era; same family;
        the same program's other families in the era."""
        family, state, year = self.family(m), self.state(m), m.launch.year
        people = self.people
        liked = people.get(like)
        country = liked[1] if liked else None
        tiers: list[list[str]] = [[], [], [], []]
        for other, other_family, other_state, other_year in self.programs:
            near = abs(other_year - year) <= years
            same_family = other_family == family
            same_program = near and other_state == state
            if not (same_family or same_program):
                continue
            for seat in other.crew:
                person = people.get(seat.person)
                if person is None:
                    continue
                if same_family and near and person[1] == country:
                    tiers[0].append(seat.person)
                if same_family and near:
                    tiers[1].append(seat.person)
                if same_family:
                    tiers[2].append(seat.person)
                if same_program:
                    tiers[3].append(seat.person)
        return tiers

    def missions_near(self, m: Mission, years: int = 5) -> list[list[str]]:
        """Mission ids: same family and era; same family; the same program in the era."""
        family, state, year = self.family(m), self.state(m), m.launch.year
        programs = self.programs
        return [
            [o.id for o, f, _, y in programs if f == family and abs(y - year) <= years],
            [o.id for o, f, _, _ in programs if f == family],
            [o.id for o, _, s, y in programs if s == state and abs(y - year) <= years],
        ]

    # Vehicles and sites -------------------------------------------------------------------------

    def _busy(
        self, table: dict[tuple[str, int], dict[str, int]], state: str, year: int, years: int
    ) -> list[str]:
        counts: Counter[str] = Counter()
        for y in range(year - years, year + years + 1):
            counts.update(table.get((state, y), {}))
        return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def vehicles_near(self, m: Mission) -> list[list[str]]:
        """Rockets of the same program: its crewed rockets of the era, its busiest rockets of the
        era (Soyuz rockets for a Soyuz flight), its crewed rockets of any time."""
        state, year = self.state(m), m.launch.year
        crewed = [(o.vehicle, y) for o, _, s, y in self.programs if o.vehicle and o.launch_tag and s == state]
        busy = self._busy(self.vehicles_by, state, year, 5)
        family = self.vehicle_family.get(m.vehicle or "")
        return [
            [v for v, y in crewed if abs(y - year) <= 12],
            [v for v in busy if self.vehicle_family.get(v) == family],
            busy[:12],
            [v for v, _ in crewed],
        ]

    def sites_near(self, m: Mission) -> list[list[str]]:
        """Launch sites of the same country: those in use within five years, then within fifteen."""
        state, year = self.state(m), m.launch.year
        near, wider = self._busy(self.sites_by, state, year, 5), self._busy(self.sites_by, state, year, 15)
        return [
            [s for s in near if s in self.known_site],
            [s for s in wider if s in self.known_site],
            near[:8],
            wider,
        ]

    # Countries ----------------------------------------------------------------------------------

    def is_guest(self, person_id: str) -> bool:
        """Flew first on another country's program: the only people whose country is worth asking
        (an American on the Shuttle would be a give-away)."""
        person = self.ds.person_by_id[person_id]
        first = self.first_flight.get(person_id)
        if first is None or not person.country:
            return False
        home = self.state_country.get(self.state(first), "")
        # A Soviet cosmonaut listed under Ukraine flew for their own program of the time.
        return program_state(person.citizen) != self.state(first) and not same_country(person.country, home)

    @cached_property
    def program_countries(self) -> set[str]:
        """Countries with crewed programs of their own (USA, Russia, China)."""
        if self._kept is not None:
            return set(self._kept["program_countries"])
        states = set(self.family_state.values())
        return {p.country for p in self.ds.people if p.country and program_state(p.citizen) in states}

    def guest_countries(self, person_id: str, years: int = 10) -> list[list[str]]:
        """Countries of other guests: on the same families in the era, on them at any time, anywhere
        in the era. When the answer is a country with its own program, the other such countries
        come first, so that one superpower never stands among small nations."""
        answer = self.people[person_id][2]  # their country
        majors = self.program_countries
        first = self.first_flight.get(person_id)
        year = first.launch.year if first else 0
        families = {self.family(m) for m in self.flown if any(s.person == person_id for s in m.crew)}
        tiers: list[list[str]] = [[], [], []]
        people = self.people
        for m, family, state, launched in self.programs:
            near = abs(launched - year) <= years
            ours = family in families
            for seat in m.crew:
                other = people.get(seat.person)
                if other is None:
                    continue
                _, citizen, country, _ = other
                if not country or program_state(citizen) == state:
                    continue
                if ours and near:
                    tiers[0].append(country)
                if ours:
                    tiers[1].append(country)
                if near:
                    tiers[2].append(country)
        if answer in majors:
            tiers.insert(0, sorted(majors))
        return [[c for c in tier if not same_country(c, answer)] for tier in tiers]
