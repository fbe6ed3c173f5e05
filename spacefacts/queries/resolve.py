"""Finding a mission or a person from what a user typed, and the "did you mean" that follows a miss."""

from __future__ import annotations

from spacefacts.dataset import Dataset
from spacefacts.errors import Ambiguous, NotFound
from spacefacts.model import Mission, Person
from spacefacts.text import fold, suggest


def did_you_mean(query: str, keys: dict[str, list[str]], names: dict[str, str]) -> str:
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
    raise NotFound(f"no {what} matches '{query}'{did_you_mean(query, keys, names)}")


def resolve_mission(ds: Dataset, query: str) -> Mission:
    """A mission by id, name, alias or COSPAR designator, in any case and spacing."""
    names = {m.id: m.name for m in ds.missions}
    return ds.mission_by_id[_resolve(query, ds.mission_keys, names, "mission", "missions")]


def resolve_person(ds: Dataset, query: str) -> Person:
    """A person by id, full name or unique surname; accents and hyphens do not matter."""
    names = {p.id: p.name for p in ds.people}
    return ds.person_by_id[_resolve(query, ds.person_keys, names, "person", "people")]
