"""TOML to records: the pure loader.

Each function takes what tomli parsed (a document, or layers of records with their file labels) and
returns model records (spacefacts.model); it keeps no state and builds no index. Every schema problem
raises DataError naming file, record and field. spacefacts.dataset decides which files to read and
when; spacefacts.cache stores what this returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from spacefacts.errors import DataError
from spacefacts.model import (
    Country,
    CrewSeat,
    Eva,
    Event,
    Former,
    Launch,
    Mission,
    Person,
    Return,
    Site,
    Time,
    launch_outcome,
)

T = TypeVar("T")
Layers = list[tuple[str, list[dict[str, Any]]]]  # (file label, records) of the built-in file, then user files


@lru_cache(maxsize=1)
def builtin_data_dir() -> Path:
    """The data shipped with the package: inside the wheel, or the repo's data/ when editable."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


def builtin_doc(name: str) -> Path:
    """A page of docs/ shipped with the package (counting.md): in the wheel, or the repo's docs/."""
    here = Path(__file__).resolve().parent
    packaged = here / "_docs" / name
    return packaged if packaged.is_file() else here.parent / "docs" / name


class _Records:
    """Typed access to one TOML record, raising DataError that names file, record and field."""

    def __init__(self, file: str, record: dict[str, Any], key: str):
        self.file, self.record = file, record
        self.name = str(record.get(key, "?"))

    def fail(self, field: str, problem: str) -> DataError:
        return DataError(self.file, self.name, field, problem)

    def get(self, field: str, kind: type[T], required: bool = True) -> Any:
        value = self.record.get(field)
        if value is None:
            if required:
                raise self.fail(field, "missing")
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(field, f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    def text(self, field: str, required: bool = True) -> Any:
        return self.get(field, str, required)

    def time(self, field: str, required: bool = True) -> Time | None:
        text = self.text(field, required)
        if text is None:
            return None
        return parse_time(text, bool(self.record.get(f"{field}_uncertain", False)), self.fail, field)

    def strs(self, field: str) -> tuple[str, ...]:
        values = self.get(field, list, required=False) or []
        if not all(isinstance(v, str) for v in values):
            raise self.fail(field, "expected a list of strings")
        return tuple(values)


# ASCII only: `\d` would also take other scripts' digits ("٢٠١٨"); year 0000 is not a calendar year.
_ISO_STRICT = re.compile(
    r"(?!0000)\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?Z)?)?)?",
    re.ASCII,
)
_SHORT_MONTHS = {"02": 29, "04": 30, "06": 30, "09": 30, "11": 30}
# Years a record may carry: far wider than spaceflight needs, and far enough inside Python's
# datetime range (1-9999) that date arithmetic (a day's slack, a duration) can never overflow.
FIRST_YEAR, LAST_YEAR = "1000", "2999"
# The longest EVA a record may state, in minutes (a week; the longest real one is under 9 hours).
MAX_EVA_MINUTES = 7 * 24 * 60


def _valid_iso(text: str) -> bool:
    """The shape and the calendar date of an ISO string, cheaply (no datetime built)."""
    m = _ISO_STRICT.fullmatch(text)
    if m is None or not FIRST_YEAR <= text[:4] <= LAST_YEAR:
        return False
    day = m[2]
    if day is None or day < "29":
        return True
    limit = _SHORT_MONTHS.get(m[1], 31)
    if int(day) > limit:
        return False
    if day == "29" and m[1] == "02":
        year = int(text[:4])
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


valid_iso = _valid_iso  # for checks outside the loader (data import-gcat)


def parse_time(text: str, uncertain: bool, fail: Callable[[str, str], DataError], field: str) -> Time:
    year = text[:4]
    if len(year) == 4 and year.isascii() and year.isdigit() and not FIRST_YEAR <= year <= LAST_YEAR:
        raise fail(field, f"year {text[:4]} is outside {FIRST_YEAR}-{LAST_YEAR}")
    if not _valid_iso(text):
        raise fail(field, f"not a valid ISO date-time: {text!r}")
    return Time(text, uncertain)


def read_toml(path: Path) -> dict[str, Any]:
    import tomli

    try:
        with path.open("rb") as fh:
            return tomli.load(fh)
    except FileNotFoundError:
        raise DataError(str(path), None, None, "file not found") from None
    except tomli.TOMLDecodeError as exc:
        raise DataError(str(path), None, None, f"invalid TOML: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise DataError(str(path), None, None, "invalid TOML: nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(str(path), None, None, f"unreadable: {exc}") from None


def flatten(layers: Layers) -> Iterable[tuple[str, dict[str, Any]]]:
    """Records of every layer with their file, refusing an id that an earlier layer already has."""
    seen: dict[str, str] = {}
    for file, records in layers:
        for record in records:
            key = record.get("id")
            if isinstance(key, str):
                if key in seen and seen[key] != file:
                    raise DataError(file, key, "id", f"clashes with the record of the same id in {seen[key]}")
                seen.setdefault(key, file)
            yield file, record


def records(doc: dict[str, Any], table: str, file: str) -> Iterable[dict[str, Any]]:
    records = doc.get(table, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise DataError(file, None, table, "expected an array of tables")
    return records


LAUNCH_COLUMNS = {
    "tag": str,
    "date": str,
    "vehicle": str,
    "site": str,
    "pad": str,
    "state": str,
    "agency": str,
    "code": str,
    "payload": str,
    "payloads": int,
    "src": str,
}
_LAUNCH_TYPES = list(LAUNCH_COLUMNS.values())


_OUTCOMES: dict[str, str] = {}  # a few dozen distinct GCAT codes among 7,000 launches


def _bad_row(row: Any, file: str) -> DataError:
    if not isinstance(row, list) or len(row) != len(_LAUNCH_TYPES):
        return DataError(file, str(row)[:40], "launches.rows", f"expected {len(_LAUNCH_TYPES)} values")
    for value, (column, kind) in zip(row, LAUNCH_COLUMNS.items(), strict=True):
        if type(value) is not kind:
            return DataError(
                file, str(row[0]), column, f"expected {kind.__name__}, got {type(value).__name__}"
            )
    return DataError(file, str(row[0]), "launches.rows", "malformed row")


def _launch(row: Any, families: dict[str, str], file: str) -> Launch:
    """One row of [launches]; checked by position because 7,000 rows must load fast."""
    if type(row) is not list or list(map(type, row)) != _LAUNCH_TYPES:
        raise _bad_row(row, file)
    tag, date, vehicle, site, pad, state, agency, code, payload, payloads, src = row
    uncertain = date[-1] == "?"
    if uncertain:
        date = date[:-1]
    if not _valid_iso(date):
        raise DataError(file, tag, "date", f"not a valid ISO date-time: {date!r}")
    outcome = _OUTCOMES.get(code)
    if outcome is None:
        try:
            outcome = _OUTCOMES[code] = launch_outcome(code)
        except ValueError as exc:
            raise DataError(file, tag, "code", str(exc)) from None
    site_uncertain = site[-1:] == "?"
    return Launch(
        tag,
        Time(date, uncertain),
        vehicle,
        families.get(vehicle),
        site[:-1] if site_uncertain else site,
        site_uncertain,
        pad or None,
        state,
        agency,
        code,
        outcome,
        payload,
        payloads,
        code[0] != "X",
        src,
    )


def sites(doc: dict[str, Any]) -> dict[str, Site]:
    """[[site]] of launches.toml by code."""
    file = "launches.toml"
    out = {}
    for raw in records(doc, "site", file):
        r = _Records(file, raw, "code")
        site = Site(
            code=r.text("code"),
            name=r.text("name"),
            gcat_name=r.text("gcat_name", False) or r.text("code"),
            full_name=r.text("full_name", False) or r.text("name"),
            state=r.text("state", False) or "",
            name_source=r.text("name_source", False),
            src=r.text("src"),
            group=r.text("group", False) or "",
        )
        out[site.code] = site
    return out


def launches(doc: dict[str, Any]) -> tuple[Launch, ...]:
    """The rows of [launches] in launches.toml, each with its vehicle's family ([[vehicle]])."""
    file = "launches.toml"
    families = {}
    for raw in records(doc, "vehicle", file):
        r = _Records(file, raw, "name")
        families[r.text("name")] = r.text("family")
    table = doc.get("launches")
    if not isinstance(table, dict) or list(table.get("columns", [])) != list(LAUNCH_COLUMNS):
        raise DataError(file, None, "launches", f"expected columns {list(LAUNCH_COLUMNS)}")
    rows = table.get("rows")
    if not isinstance(rows, list):
        raise DataError(file, None, "launches.rows", "expected a list of rows")
    return tuple(_launch(row, families, file) for row in rows)


def _origin(origins: dict[tuple[str, str], str], name: str, file: str, raw: dict[str, Any]) -> None:
    if file != name:
        origins[(name, str(raw.get("id")))] = file


def missions(layers: Layers, origins: dict[tuple[str, str], str]) -> tuple[Mission, ...]:
    """Missions of every layer; `origins` gets (missions.toml, id) -> file for a user's record."""
    out = []
    for file, raw in flatten(layers):
        _origin(origins, "missions.toml", file, raw)
        r = _Records(file, raw, "id")
        crew = []
        for seat in r.get("crew", list, False) or []:
            if not isinstance(seat, dict) or not isinstance(seat.get("person"), str):
                raise r.fail("crew", "each seat needs a person id")
            crew.append(CrewSeat(seat["person"], str(seat.get("role", ""))))
        launch = r.time("launch")
        assert launch is not None
        out.append(
            Mission(
                id=r.text("id"),
                name=r.text("name"),
                aliases=r.strs("aliases"),
                hsf_id=r.text("hsf_id", False) or "",
                hsf_tag=r.text("hsf_tag", False) or "",
                designator=r.text("designator", False) or "",
                kind=r.text("kind"),
                outcome=r.text("outcome"),
                launch=launch,
                landing=r.time("landing", False),
                in_flight=bool(r.get("in_flight", bool, False)),
                callsign=r.text("callsign", False),
                station=r.text("station", False),
                program=r.text("program", False),
                family=r.text("family", False),
                orbit_id=r.text("orbit_id", False),
                launch_tag=r.text("launch_tag", False),
                vehicle=r.text("vehicle", False),
                site=r.text("site", False),
                pad=r.text("pad", False),
                crew=tuple(crew),
                cosmos=r.text("cosmos", False),
                src=r.text("src"),
                accident=r.text("accident", False),
                accident_source=r.text("accident_source", False),
                platform=r.text("platform", False),
            )
        )
    return tuple(out)


def _evas(r: _Records, file: str) -> tuple[Eva, ...]:
    evas = []
    for item in r.get("evas", list, False) or []:
        if not isinstance(item, dict):
            raise r.fail("evas", "each EVA must be a table")
        e = _Records(file, {**item, "id": r.name}, "id")
        start = e.time("start")
        assert start is not None
        minutes = e.get("duration_min", int, False)
        if minutes is not None and not 0 <= minutes <= MAX_EVA_MINUTES:
            raise e.fail("evas", f"duration_min {minutes} is outside 0-{MAX_EVA_MINUTES}")
        evas.append(Eva(start, e.time("end", False), minutes, e.text("src")))
    return tuple(evas)


def _returns(r: _Records, file: str) -> tuple[Return, ...]:
    returns = []
    for item in r.get("returns", list, False) or []:
        if not isinstance(item, dict):
            raise r.fail("returns", "each return must be a table")
        back = _Records(file, {**item, "id": r.name}, "id")
        landing = back.time("landing")
        assert landing is not None
        returns.append(
            Return(
                back.text("mission"),
                landing,
                back.text("on", False),
                back.text("src"),
                back.text("ship", False),
            )
        )
    return tuple(returns)


def people(layers: Layers, origins: dict[tuple[str, str], str]) -> tuple[Person, ...]:
    """People of every layer; `origins` gets (people.toml, id) -> file for a user's record."""
    out = []
    for file, raw in flatten(layers):
        _origin(origins, "people.toml", file, raw)
        r = _Records(file, raw, "id")
        evas = _evas(r, file)
        returns = _returns(r, file)
        out.append(
            Person(
                id=r.text("id"),
                name=r.text("name"),
                sort_name=r.text("sort_name", False) or r.text("name"),
                native_name=r.text("native_name", False),
                astro_no=r.text("astro_no", False) or "",
                born=r.time("born", False),
                died=r.time("died", False),
                citizen=r.text("citizen", False) or "",
                country=r.text("country", False) or "",
                gender=r.text("gender", False),
                flights=r.strs("flights"),
                evas=evas,
                returns=returns,
                cosmos=r.text("cosmos", False),
                src=r.text("src"),
                aliases=r.strs("aliases"),
            )
        )
    return tuple(out)


def events(layers: Layers, origins: dict[tuple[str, str], str]) -> tuple[Event, ...]:
    """Events of every layer; `origins` gets (events.toml, id) -> file for a user's record."""
    out = []
    for file, raw in flatten(layers):
        _origin(origins, "events.toml", file, raw)
        r = _Records(file, raw, "id")
        date = r.time("date")
        assert date is not None
        out.append(
            Event(
                id=r.text("id"),
                date=date,
                title=r.text("title"),
                category=r.text("category"),
                mission=r.text("mission", False),
                person=r.text("person", False),
                body=r.text("body", False),
                source=r.text("source"),
                src=r.text("src"),
            )
        )
    return tuple(out)


def countries(doc: dict[str, Any]) -> dict[str, Country]:
    """[[country]] of countries.toml: GCAT code -> country, for citizens and launching states."""
    file = "countries.toml"
    out = {}
    for raw in records(doc, "country", file):
        r = _Records(file, raw, "code")
        out[r.text("code")] = Country(
            r.text("code"),
            r.text("name"),
            r.strs("aliases"),
            bool(r.get("definite", bool, False)),
            r.text("src"),
        )
    return out


def formers(doc: dict[str, Any]) -> tuple[Former, ...]:
    """[[former]] of countries.toml."""
    file = "countries.toml"
    out = []
    for raw in records(doc, "former", file):
        r = _Records(file, raw, "state")
        until = r.text("until")
        if not _valid_iso(until) or len(until) != 10:
            raise r.fail("until", f"not an ISO day: {until!r}")
        out.append(Former(r.strs("codes"), until, r.text("state"), r.text("name", False), r.text("src")))
    return tuple(out)


def roles(doc: dict[str, Any]) -> dict[str, str]:
    """McDowell's basic role tag -> words (roles.toml)."""
    file = "roles.toml"
    out = {}
    for raw in records(doc, "role", file):
        r = _Records(file, raw, "code")
        out[r.text("code")] = r.text("words")
    return out
