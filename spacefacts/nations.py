"""Which state a person flew for, and country names as people write and type them.

Rule (docs/data.md "Nations"): a person's country on a flight is the state whose citizen they
were at that flight. McDowell lists today's citizenship; a `former` rule of data/countries.toml
maps it back: a citizen of Russia, Ukraine, Kazakhstan... who flew before 1991-12-26 flew for the
Soviet Union, a German (McDowell's D) before 1990-10-03 for West Germany. Czechoslovakia and
East Germany are their own codes in McDowell's list and stay themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacefacts.dataset import Dataset
from spacefacts.errors import UsageError
from spacefacts.model import Mission, Person
from spacefacts.text import fold, suggest

RULE = (
    "country: the state the person was a citizen of at the flight (McDowell's citizenship; "
    "Soviet citizens before 1991-12-26 flew for the Soviet Union, Germans before 1990-10-03 "
    "for West Germany)"
)


@dataclass(frozen=True)
class Nation:
    """A state someone flew for: its code and its name at the time."""

    code: str  # GCAT / McDowell state code
    name: str

    def __str__(self) -> str:
        return self.name


def country(ds: Dataset, code: str) -> Nation:
    found = ds.countries.get(code)
    return Nation(code, found.name if found else code)


def with_article(ds: Dataset, nation: Nation) -> str:
    """'the United States', 'Japan': for a sentence."""
    found = ds.countries.get(nation.code)
    return f"the {nation.name}" if found and found.definite and nation.name == found.name else nation.name


def state_label(ds: Dataset, code: str, article: bool = True) -> str:
    """A state's name, for a sentence ('the United Kingdom') or a label ('United Kingdom'):
    data/countries.toml, else GCAT's short name."""
    nation = country(ds, code)
    if nation.name != code:
        return with_article(ds, nation) if article else nation.name
    states = ds.launch_meta.get("states", {})
    return str(states[code][0]) if code in states else code


def at(ds: Dataset, citizen: str, day: str) -> Nation:
    """The state a citizen of `citizen` (today's code) flew for on `day` (ISO, any precision)."""
    for rule in ds.formers:
        if citizen in rule.codes and day[:10] < rule.until:
            state = country(ds, rule.state)
            return Nation(state.code, rule.name or state.name)
    return country(ds, citizen)


def flew_for(ds: Dataset, person: Person, mission: Mission) -> Nation:
    return at(ds, person.citizen, mission.launch.iso)


def now(ds: Dataset, person: Person) -> Nation:
    return country(ds, person.citizen)


def resolve_state(ds: Dataset, text: str) -> set[str]:
    """Codes a launch-country filter means: by code, name or alias ("USSR", "Soviet Union",
    "Russia"); an unknown name is a usage error with the closest names."""
    key = fold(text)
    codes = ds.country_keys.get(key)
    if codes:
        return set(codes)
    close = [ds.countries[c].name for c in suggest(text, ds.country_keys)]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UsageError(f"no country matches '{text}'{hint}")
