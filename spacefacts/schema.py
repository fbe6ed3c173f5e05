"""The names a data folder may use: files, top-level tables and fields (docs/data.md).

The loader reads the tables it knows and ignores the rest, so a file of `[[missions]]` (the schema
says `[[mission]]`) would load as no records at all. `unknown_names` reports every file, table
and field the loader would ignore, with the nearest known name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacefacts.dataset import read_toml
from spacefacts.errors import DataError


def _timed(*fields: str) -> set[str]:
    """Time fields and their `<field>_uncertain` flags."""
    return {*fields, *(f"{f}_uncertain" for f in fields)}


ANY = None  # a table whose keys are free (meta)

# file -> table -> fields (ANY: any keys); nested arrays of tables in NESTED.
TABLES: dict[str, dict[str, set[str] | None]] = {
    "missions.toml": {
        "meta": ANY,
        "mission": {
            "id", "name", "aliases", "hsf_id", "hsf_tag", "designator", "kind", "outcome", "in_flight",
            "callsign", "station", "program", "family", "orbit_id", "launch_tag", "vehicle", "site", "pad",
            "crew", "cosmos", "src", "platform", "accident", "accident_phase", "accident_source",
            *_timed("launch", "landing"),
        },
    },
    "people.toml": {
        "meta": ANY,
        "person": {
            "id", "name", "sort_name", "native_name", "astro_no", "citizen", "citizen_uncertain", "country",
            "gender", "flights", "evas", "returns", "cosmos", "src", "aliases", *_timed("born", "died"),
        },
    },
    "events.toml": {
        "meta": ANY,
        "event": {"id", "title", "category", "mission", "person", "body", "source", "src", *_timed("date")},
    },
    "countries.toml": {
        "meta": ANY,
        "country": {"code", "name", "aliases", "definite", "src"},
        "former": {"codes", "name", "state", "until", "src"},
    },
    "roles.toml": {"meta": ANY, "role": {"code", "words", "src"}},
    "payloads.toml": {
        "meta": ANY,
        "owners": ANY,  # owner code -> name
        "famous": {"id", "jcat", "name", "aliases", "animals", "status", "end", "visit", "source", "sources"},
        "payloads": {"columns", "rows"},
    },
    "expeditions.toml": {
        "meta": ANY,
        "station": {
            "id", "name", "short", "aliases", "mcdowell", "launch_tag", "launch", "launch_src", "reentry",
            "reentry_source", "src",
        },
        "expedition": {
            "id", "name", "number", "station", "start", "start_event", "end", "end_event", "note", "members",
            "sources", "src",
        },
        # Corrections the expedition checks use (spacefacts/build/expeditions.py CORRECTION_FIELDS).
        "visit": {"flight", "also_visited", "landing", "reason", "source", "src"},
        "landing": {"flight", "also_visited", "landing", "reason", "source", "src"},
    },
    "launches.toml": {
        "meta": ANY,
        "site": {"code", "name", "gcat_name", "full_name", "state", "name_source", "group", "src"},
        "vehicle": {"name", "family"},
        "launches": {"columns", "rows"},
    },
}  # fmt: skip
NESTED: dict[tuple[str, str], set[str]] = {
    ("mission", "crew"): {"person", "role"},
    ("person", "evas"): {"duration_min", "src", *_timed("start", "end")},
    ("person", "returns"): {"mission", "on", "ship", "src", *_timed("landing")},
    ("famous", "visit"): {"body", "date", "end", "kind", "note", "source"},
    ("expedition", "members"): {"person", "role", "up", "down", "joined", "left"},
}
KEY_FIELD = {
    "mission": "id", "person": "id", "event": "id", "site": "code", "vehicle": "name", "country": "code",
    "former": "name", "role": "code", "station": "id", "expedition": "id", "visit": "flight", "landing": "flight",
    "famous": "id",
}  # fmt: skip


def _nearest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def unknown_names(folder: Path) -> list[str]:
    """One line per file, table or field in `folder` that the loader would ignore."""
    found: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        if path.name not in TABLES:
            found.append(f"{path}: unknown file '{path.name}'{_nearest(path.name, TABLES)}")
            continue
        try:
            doc = read_toml(path)
        except DataError as exc:
            found.append(str(exc))
            continue
        found += _unknown_in(path, doc, TABLES[path.name])
    return found


def _unknown_in(path: Path, doc: dict[str, Any], tables: dict[str, set[str] | None]) -> list[str]:
    found: list[str] = []
    for table, value in doc.items():
        if table not in tables:
            found.append(f"{path}: unknown table '{table}'{_nearest(table, tables)}")
            continue
        fields = tables[table]
        if fields is ANY:
            continue
        records = value if isinstance(value, list) else [value]
        for record in records:
            if not isinstance(record, dict):
                continue  # the loader reports the shape
            name = record.get(KEY_FIELD.get(table, ""), "?")
            where = f"{path}: record {name}" if table in KEY_FIELD else f"{path}: table '{table}'"
            for key, inner in record.items():
                if key not in fields:
                    found.append(f"{where}: unknown field '{key}'{_nearest(key, fields)}")
                elif (table, key) in NESTED and isinstance(inner, list):
                    allowed = NESTED[(table, key)]
                    for item in inner:
                        for sub in item if isinstance(item, dict) else {}:
                            if sub not in allowed:
                                found.append(
                                    f"{where}: field '{key}': unknown field '{sub}'{_nearest(sub, allowed)}"
                                )
    return found
