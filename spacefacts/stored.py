"""What the store hands a dataset: records it decodes only when asked, and lazy views over them.

spacefacts.cache implements `Stored`; spacefacts.dataset.Dataset reads launches, people and the
person index through it, and builds the views below rather than decoding 7,000 launches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

from spacefacts.model import Launch, Person

K = TypeVar("K")
V = TypeVar("V")


class Stored(Protocol):
    """Records kept by spacefacts.cache that are decoded only when a command asks for them."""

    launch_years: tuple[int, ...]  # every year with a launch, ascending
    earth_years: tuple[int, ...]  # every year with a launch from Earth, ascending

    def launches_of(self, year: int) -> tuple[Launch, ...]:
        """The launches of one year, in the log's order."""
        ...

    def people(self) -> tuple[Person, ...]: ...

    def person_by_id(self) -> Mapping[str, Person]: ...

    def person_keys(self) -> dict[str, list[str]]: ...


class LazyMap(Mapping[K, V]):
    """A read-only mapping that builds each value from its raw form on first access.

    The cached dataset keeps 7,000 launches as plain rows; a command that asks about one year
    builds only that year's launches.
    """

    def __init__(self, raw: Mapping[K, Any], build: Callable[[Any], V]):
        self._raw = raw
        self._build = build
        self._done: dict[K, V] = {}

    def __getitem__(self, key: K) -> V:
        if key not in self._done:
            self._done[key] = self._build(self._raw[key])
        return self._done[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw


class LaunchesByTag(Mapping[str, Launch]):
    """Launches by GCAT tag over the stored per-year launches. A tag starts with its launch year
    (`2018-098`, `1957 ALP`, `2018-F01`), so a lookup decodes and indexes only that year."""

    def __init__(self, stored: Stored):
        self._stored = stored
        self._years: dict[int, dict[str, Launch]] = {}  # year -> its launches by tag (the first of a tag)

    def _year(self, year: int) -> dict[str, Launch]:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = {}
            for launch in self._stored.launches_of(year):
                found.setdefault(launch.tag, launch)
        return found

    def _find(self, tag: str) -> Launch | None:
        years = self._stored.launch_years
        guess = int(tag[:4]) if tag[:4].isdigit() else None
        for year in ([guess] if guess in years else []) + list(years):
            launch = self._year(year).get(tag)
            if launch is not None:
                return launch
        return None

    def __getitem__(self, tag: str) -> Launch:
        found = self._find(tag) if isinstance(tag, str) else None
        if found is None:
            raise KeyError(tag)
        return found

    def __iter__(self) -> Iterator[str]:
        return (x.tag for year in self._stored.launch_years for x in self._stored.launches_of(year))

    def __len__(self) -> int:
        return sum(len(self._stored.launches_of(year)) for year in self._stored.launch_years)

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and self._find(tag) is not None
