"""Load data/*.toml into model objects, with the indexes the queries need.

Files load lazily: a command that needs only launches never parses the crew files.
Every schema problem raises DataError naming file, record and field.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
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
from spacefacts.text import fold

T = TypeVar("T")


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


def _flatten(layers: list[tuple[str, list[dict[str, Any]]]]) -> Iterable[tuple[str, dict[str, Any]]]:
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


def _records(doc: dict[str, Any], table: str, file: str) -> Iterable[dict[str, Any]]:
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


K = TypeVar("K")
V = TypeVar("V")


class LazyMap(Mapping[K, V]):
    """A read-only mapping that builds each value from its raw form on first access.

    The cached dataset keeps 7,000 launches as plain tuples; a command that asks about one year
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


# A cached launch row: Launch's fields with the date's Time flattened to (iso, uncertain).
ROW_EARTH = 14


class _LaunchesByTag(Mapping[str, Launch]):
    """Launches by GCAT tag over the cached per-year rows. A tag starts with its launch year
    (`2018-098`, `1957 ALP`, `2018-F01`), so a lookup decodes only that year."""

    def __init__(self, ds: Dataset):
        self._ds = ds
        self._built: dict[str, Launch] = {}

    def _find(self, tag: str) -> tuple[Any, ...] | None:
        years = sorted(self._ds._launch_blobs or {})
        guess = int(tag[:4]) if tag[:4].isdigit() else None
        for year in ([guess] if guess in years else []) + years:
            for row in self._ds._rows_of(year):
                if row[0] == tag:
                    return row
        return None

    def __getitem__(self, tag: str) -> Launch:
        if tag not in self._built:
            row = self._find(tag)
            if row is None:
                raise KeyError(tag)
            self._built[tag] = launch_from_row(row)
        return self._built[tag]

    def __iter__(self) -> Iterator[str]:
        return (row[0] for year in sorted(self._ds._launch_blobs or {}) for row in self._ds._rows_of(year))

    def __len__(self) -> int:
        return sum(len(self._ds._rows_of(year)) for year in self._ds._launch_blobs or {})

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and self._find(tag) is not None


def _time_of(value: tuple[str, bool] | None) -> Time | None:
    return None if value is None else Time(value[0], value[1])


def person_from_row(r: tuple[Any, ...]) -> Person:
    """A person from its cached row (spacefacts.cache.person_row)."""
    start: Any = _time_of
    fields: list[Any] = [
        *r[:5],
        _time_of(r[5]),
        _time_of(r[6]),
        *r[7:11],
        tuple(Eva(start(e[0]), _time_of(e[1]), e[2], e[3]) for e in r[11]),
        tuple(Return(b[0], start(b[1]), b[2], b[3], b[4]) for b in r[12]),
        r[13],
        r[14],
        r[15],
    ]
    return Person(*fields)


def launch_from_row(row: tuple[Any, ...]) -> Launch:
    return Launch(row[0], Time(row[1], row[2]), *row[3:])


def _year_from_rows(rows: list[tuple[Any, ...]]) -> list[Launch]:
    return [launch_from_row(row) for row in sorted(rows, key=lambda row: row[1])]


class Dataset:
    """The whole dataset. Attributes load on first use and are then indexed."""

    def __init__(self, directory: Path | None = None, use_imported: bool = True, extra: Sequence[Path] = ()):
        self.directory = directory or builtin_data_dir()
        # The user's own folders of missions.toml / people.toml / events.toml (--data, SPACEFACTS_DATA),
        # layered on top of the built-in records; a folder named twice (or by two paths) counts once.
        folders: dict[Path, Path] = {}
        for folder in extra:
            folders.setdefault(folder.resolve(), folder)
        self.extra = tuple(folders.values())
        self.origins: dict[tuple[str, str], str] = {}  # (table, id) -> user file, for messages
        self.cache: tuple[Path, str] | None = None  # (folder, key) when loaded through spacefacts.cache
        # Set by spacefacts.cache: each year's launch rows as a marshal blob, decoded when asked for,
        # so a command about one launch or one year decodes a few hundred rows, not 7,000.
        self._launch_blobs: dict[int, bytes] | None = None
        self._earth_years: tuple[int, ...] = ()
        self._decoded: dict[int, tuple[tuple[Any, ...], ...]] = {}
        # Also from the cache: people and the person-name index, decoded only when a command needs them.
        self._people_blob: bytes | None = None
        self._person_keys_blob: bytes | None = None
        # A launch log the user imported (spacefacts data import-gcat) replaces the built-in one.
        imported = None
        if directory is None and use_imported:
            from spacefacts.userdata import imported_launches

            imported = imported_launches()
        self.launch_file = imported or self.directory / "launches.toml"
        self.imported = imported is not None

    def _layers(self, name: str, table: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """(file label, records) for the built-in file and then each user folder that has one."""
        builtin = {"missions.toml": "_mission_doc", "people.toml": "_people_doc"}.get(name)
        doc = getattr(self, builtin) if builtin else self._doc(name)
        layers = [(name, list(_records(doc, table, name)))]
        for folder in self.extra:
            path = folder / name
            if path.is_file():
                layers.append((str(path), list(_records(read_toml(path), table, str(path)))))
        return layers

    @cached_property
    def search_index(self) -> list[tuple[str, str, str, str, int, tuple[str, ...]]]:
        """(kind, id, title, detail, rank bonus, folded names) for every searchable record."""
        index: list[tuple[str, str, str, str, int, tuple[str, ...]]] = []

        def names(*values: str) -> tuple[str, ...]:
            return tuple(f for f in (fold(v) for v in values if v) if f)

        for m in self.missions:
            index.append(("mission", m.id, m.name, m.launch.iso[:10], 2, names(m.name, m.id, *m.aliases)))
        for p in self.people:
            index.append(("person", p.id, p.name, p.country, 2, names(p.name, p.sort_name, p.id)))
        for e in self.events:
            index.append(("event", e.id, e.title, e.date.iso[:10], 1, names(e.title)))
        for x in self.launches:
            index.append(("launch", x.tag, x.payload, f"{x.date.iso[:10]} {x.vehicle}", 0, names(x.payload)))
        return index

    def _rows_of(self, year: int) -> tuple[tuple[Any, ...], ...]:
        if year not in self._decoded:
            blob = (self._launch_blobs or {}).get(year)
            self._decoded[year] = marshal.loads(blob) if blob is not None else ()
        return self._decoded[year]

    def file_of(self, table: str, record_id: str) -> str:
        """The file a record came from: the built-in file's name, or the user's file path."""
        return self.origins.get((table, record_id), table)

    def _doc(self, name: str) -> dict[str, Any]:
        if name == "launches.toml":
            return read_toml(self.launch_file)
        return read_toml(self.directory / name)

    # launches.toml -------------------------------------------------------------------------

    @cached_property
    def _launch_doc(self) -> dict[str, Any]:
        return self._doc("launches.toml")

    @cached_property
    def sites(self) -> dict[str, Site]:
        file = "launches.toml"
        sites = {}
        for raw in _records(self._launch_doc, "site", file):
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
            sites[site.code] = site
        return sites

    @cached_property
    def launches(self) -> tuple[Launch, ...]:
        if self._launch_blobs is not None:  # from the cache: rows per year, decoded on demand
            return tuple(
                launch_from_row(row) for year in sorted(self._launch_blobs) for row in self._rows_of(year)
            )
        file = "launches.toml"
        families = {}
        for raw in _records(self._launch_doc, "vehicle", file):
            r = _Records(file, raw, "name")
            families[r.text("name")] = r.text("family")
        table = self._launch_doc.get("launches")
        if not isinstance(table, dict) or list(table.get("columns", [])) != list(LAUNCH_COLUMNS):
            raise DataError(file, None, "launches", f"expected columns {list(LAUNCH_COLUMNS)}")
        rows = table.get("rows")
        if not isinstance(rows, list):
            raise DataError(file, None, "launches.rows", "expected a list of rows")
        return tuple(_launch(row, families, file) for row in rows)

    @cached_property
    def launch_by_tag(self) -> Mapping[str, Launch]:
        if self._launch_blobs is not None and "launches" not in self.__dict__:
            return _LaunchesByTag(self)
        return {launch.tag: launch for launch in self.launches}

    @cached_property
    def launches_by_year(self) -> Mapping[int, list[Launch]]:
        """Orbital launch attempts from Earth per year, in launch order."""
        if self._launch_blobs is not None and "launches" not in self.__dict__:
            years_with = {year: year for year in self._earth_years}
            return LazyMap(
                years_with, lambda year: _year_from_rows([r for r in self._rows_of(year) if r[ROW_EARTH]])
            )
        years: dict[int, list[Launch]] = {}
        for launch in self.launches:
            if launch.earth:
                years.setdefault(launch.date.year, []).append(launch)
        for launches in years.values():
            # ISO strings sort in time order whatever their precision.
            launches.sort(key=lambda launch: launch.date.iso)
        return years

    @cached_property
    def launch_meta(self) -> dict[str, Any]:
        meta = self._launch_doc.get("meta", {})
        return meta if isinstance(meta, dict) else {}

    # missions.toml and people.toml ---------------------------------------------------------

    @cached_property
    def _mission_doc(self) -> dict[str, Any]:
        return self._doc("missions.toml")

    @cached_property
    def missions(self) -> tuple[Mission, ...]:
        missions = []
        for file, raw in _flatten(self._layers("missions.toml", "mission")):
            if file != "missions.toml":
                self.origins[("missions.toml", str(raw.get("id")))] = file
            r = _Records(file, raw, "id")
            crew = []
            for seat in r.get("crew", list, False) or []:
                if not isinstance(seat, dict) or not isinstance(seat.get("person"), str):
                    raise r.fail("crew", "each seat needs a person id")
                crew.append(CrewSeat(seat["person"], str(seat.get("role", ""))))
            launch = r.time("launch")
            assert launch is not None
            missions.append(
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
        return tuple(missions)

    @cached_property
    def mission_by_id(self) -> dict[str, Mission]:
        return {mission.id: mission for mission in self.missions}

    @cached_property
    def mission_keys(self) -> dict[str, list[str]]:
        """Folded names -> mission ids (usually one), in three tiers; a key of a higher tier is
        never taken by a lower one:
        1. the id, name, aliases, COSPAR designator and GCAT tag, folded ("apollo 11");
        2. the same without spaces ("apollo11", "sts51l");
        3. shorter forms people type: the name without its leading words ("MS-10", "Demo-2",
           "Unity 22"; the rest must hold a letter and a digit), a number's letter suffix dropped
           ("Gemini 6" for Gemini 6-A), and McDowell's radio callsign ("Unity 22").
        A key of tier 3 that fits two missions is left out: it names neither."""
        tiers: tuple[dict[str, list[str]], ...] = ({}, {}, {})

        def add(tier: int, key: str, mission_id: str) -> None:
            if key and mission_id not in tiers[tier].setdefault(key, []):
                tiers[tier][key].append(mission_id)

        for mission in self.missions:
            names = {mission.id, mission.name, mission.designator, *mission.aliases}
            if mission.launch_tag:
                names.add(mission.launch_tag)
            for name in names:
                key = fold(name)
                add(0, key, mission.id)
                add(1, key.replace(" ", ""), mission.id)
            for name in [mission.name, *mission.aliases, mission.callsign or ""]:
                words = fold(name).split()
                for start in range(len(words)):
                    rest = "".join(words[start:])
                    if start == 0 or (re.search(r"[a-z]", rest) and re.search(r"\d", rest)):
                        add(2, rest, mission.id)
                        if start == 0:
                            add(2, re.sub(r"(?<=\d)[a-z]$", "", rest), mission.id)
        # A short form two missions share names neither (a callsign like Columbia): left out.
        keys = {key: ids for key, ids in tiers[2].items() if len(ids) == 1}
        keys.update(tiers[1])
        keys.update(tiers[0])
        return keys

    @cached_property
    def _people_doc(self) -> dict[str, Any]:
        return self._doc("people.toml")

    @cached_property
    def people(self) -> tuple[Person, ...]:
        if self._people_blob is not None:
            return tuple(map(person_from_row, self._people_rows))
        people = []
        for file, raw in _flatten(self._layers("people.toml", "person")):
            if file != "people.toml":
                self.origins[("people.toml", str(raw.get("id")))] = file
            r = _Records(file, raw, "id")
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
            people.append(
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
                    evas=tuple(evas),
                    returns=tuple(returns),
                    cosmos=r.text("cosmos", False),
                    src=r.text("src"),
                    aliases=r.strs("aliases"),
                )
            )
        return tuple(people)

    @cached_property
    def person_by_id(self) -> Mapping[str, Person]:
        if self._people_blob is not None and "people" not in self.__dict__:
            return LazyMap({row[0]: row for row in self._people_rows}, person_from_row)
        return {person.id: person for person in self.people}

    @cached_property
    def _people_rows(self) -> tuple[tuple[Any, ...], ...]:
        rows: tuple[tuple[Any, ...], ...] = marshal.loads(self._people_blob or marshal.dumps(()))
        return rows

    @cached_property
    def person_keys(self) -> dict[str, list[str]]:
        """Folded id, display name, sort name, surname and every alias -> person ids."""
        if self._person_keys_blob is not None:
            cached: dict[str, list[str]] = marshal.loads(self._person_keys_blob)
            return cached
        keys: dict[str, list[str]] = {}
        for person in self.people:
            surname = person.sort_name.split(",")[0]
            for name in {person.id, person.name, person.sort_name, surname, *person.aliases}:
                key = fold(name)
                if key and person.id not in keys.setdefault(key, []):
                    keys[key].append(person.id)
        return keys

    @cached_property
    def missions_of_person(self) -> dict[str, list[Mission]]:
        rides: dict[str, list[Mission]] = {}
        for mission in self.missions:
            for seat in mission.crew:
                rides.setdefault(seat.person, []).append(mission)
        return rides

    # countries.toml ------------------------------------------------------------------------

    @cached_property
    def _country_doc(self) -> dict[str, Any]:
        return self._doc("countries.toml")

    @cached_property
    def countries(self) -> dict[str, Country]:
        """GCAT code -> country, for citizens and launching states."""
        file = "countries.toml"
        out = {}
        for raw in _records(self._country_doc, "country", file):
            r = _Records(file, raw, "code")
            out[r.text("code")] = Country(
                r.text("code"),
                r.text("name"),
                r.strs("aliases"),
                bool(r.get("definite", bool, False)),
                r.text("src"),
            )
        return out

    @cached_property
    def formers(self) -> tuple[Former, ...]:
        file = "countries.toml"
        out = []
        for raw in _records(self._country_doc, "former", file):
            r = _Records(file, raw, "state")
            until = r.text("until")
            if not _valid_iso(until) or len(until) != 10:
                raise r.fail("until", f"not an ISO day: {until!r}")
            out.append(Former(r.strs("codes"), until, r.text("state"), r.text("name", False), r.text("src")))
        return tuple(out)

    @cached_property
    def country_keys(self) -> dict[str, list[str]]:
        """Folded code, name and alias -> country codes."""
        keys: dict[str, list[str]] = {}
        for country in self.countries.values():
            for name in (country.code, country.name, *country.aliases):
                key = fold(name)
                if key and country.code not in keys.setdefault(key, []):
                    keys[key].append(country.code)
        return keys

    @cached_property
    def roles(self) -> dict[str, str]:
        """McDowell's basic role tag -> words (data/roles.toml)."""
        file = "roles.toml"
        out = {}
        for raw in _records(self._doc(file), "role", file):
            r = _Records(file, raw, "code")
            out[r.text("code")] = r.text("words")
        return out

    # events.toml ---------------------------------------------------------------------------

    @cached_property
    def events(self) -> tuple[Event, ...]:
        events = []
        for file, raw in _flatten(self._layers("events.toml", "event")):
            if file != "events.toml":
                self.origins[("events.toml", str(raw.get("id")))] = file
            r = _Records(file, raw, "id")
            date = r.time("date")
            assert date is not None
            events.append(
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
        return tuple(events)

    @cached_property
    def by_month_day(self) -> dict[str, list[Event | Mission | Launch]]:
        """`MM-DD` -> events, crewed launches and launches from Earth on that day, in time order.

        Records known only to the month or year are left out: they have no day.
        """
        days: dict[str, list[Event | Mission | Launch]] = {}
        records: list[Event | Mission | Launch] = [*self.events, *self.missions, *self.launches]
        for record in records:
            when = record.date if isinstance(record, Event | Launch) else record.launch
            if when.month_day:
                days.setdefault(when.month_day, []).append(record)
        for day in days.values():
            day.sort(key=lambda r: r.date.iso if isinstance(r, Event | Launch) else r.launch.iso)
        return days

    @cached_property
    def metas(self) -> dict[str, dict[str, Any]]:
        """The [meta] table of each file that has one."""
        docs = {
            "launches.toml": self.launch_meta,
            "missions.toml": self._mission_doc.get("meta", {}),
            "people.toml": self._people_doc.get("meta", {}),
        }
        return {name: doc if isinstance(doc, dict) else {} for name, doc in docs.items()}

    def meta(self, file: str) -> dict[str, Any]:
        return self.metas.get(file, {})

    def source_files(self) -> list[Path]:
        """Every file the dataset is read from, for cache keys."""
        files = [
            self.launch_file,
            *(
                self.directory / n
                for n in (
                    "missions.toml",
                    "people.toml",
                    "events.toml",
                    "countries.toml",
                    "roles.toml",
                    "expeditions.toml",
                    "payloads.toml",
                )
            ),
        ]
        files += [
            folder / n for folder in self.extra for n in ("missions.toml", "people.toml", "events.toml")
        ]
        return files

    def load_all(self) -> Dataset:
        """Parse and index every file now (for validation and timing)."""
        for name in ("sites", "launches", "launch_by_tag", "launches_by_year", "missions", "mission_keys"):
            getattr(self, name)
        for name in (
            "people",
            "person_keys",
            "missions_of_person",
            "events",
            "countries",
            "formers",
            "roles",
        ):
            getattr(self, name)
        return self


def load(directory: Path | None = None) -> Dataset:
    return Dataset(directory)
