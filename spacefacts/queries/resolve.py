"""Finding a mission or a person from what a user typed, and the "did you mean" that follows a miss."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from spacefacts.dataset import Dataset
from spacefacts.errors import Ambiguous, NotFound
from spacefacts.model import Mission, Person
from spacefacts.text import fold, suggest


class _Names(Mapping[str, str]):
    """Records' names by id, looked up only for the ids a message names: resolving a person must
    not decode every person (the names serve only "did you mean" and "matches several")."""

    def __init__(self, by_id: Mapping[str, Any]) -> None:
        self._by_id = by_id

    def __getitem__(self, record_id: str) -> str:
        name: str = self._by_id[record_id].name
        return name

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def did_you_mean(query: str, keys: dict[str, list[str]], names: Mapping[str, str]) -> str:
    close = suggest(query, keys)
    return "; did you mean: " + ", ".join(names[c] for c in close) + "?" if close else ""


def _resolve(query: str, keys: dict[str, list[str]], names: Mapping[str, str], what: str, plural: str) -> str:
    """The one id whose folded name, alias or id equals the folded query; else NotFound/Ambiguous."""
    key = fold(query)
    ids = (keys.get(key) or keys.get(key.replace(" ", ""), [])) if key else []
    if len(ids) == 1:
        return ids[0]
    if ids:
        listed = ", ".join(f"{names[i]} ({i})" for i in ids)
        raise Ambiguous(f"'{query}' matches several {plural}: {listed}")
    raise NotFound(f"no {what} matches '{query}'{did_you_mean(query, keys, names)}")


def resolve_mission(ds: Dataset, query: str) -> Mission:
    """A mission by id, name, alias or COSPAR designator, in any case and spacing."""
    return ds.mission_by_id[_resolve(query, ds.mission_keys, _Names(ds.mission_by_id), "mission", "missions")]


def resolve_person(ds: Dataset, query: str) -> Person:
    """A person by id, full name or unique surname; accents and hyphens do not matter."""
    return ds.person_by_id[_resolve(query, ds.person_keys, _Names(ds.person_by_id), "person", "people")]
