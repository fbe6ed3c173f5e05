"""A cache of the parsed dataset in the user's cache folder, so a command does not parse TOML.

Format: a header line (magic, format version, key, CRC-32 of the payload), then a marshal
payload of plain tuples, dicts and strings. marshal cannot run code. The key covers the
spacefacts and Python versions, every .py file of the installed package (path, size and
modification time: an upgrade or an edit of the code gives a new key, so a cache written by
older code is never served), the fields of every stored record type (schema) and each data
file's path, size and modification time.

What the checks are for: the hash catches a torn or corrupted file, the key a stale or foreign
one; either is ignored, rebuilt and replaced. They are not a signature: anyone who can write the
cache folder can write a file that passes them, just as they could edit the data files.
Only a regular file (not a symlink, pipe or device) of at most MAX_BYTES is read, so a hostile
file in that folder can neither hang a command nor make it read gigabytes.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from spacefacts import __version__
from spacefacts.dataset import KEPT_FACTS, Dataset
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
)
from spacefacts.stored import LazyMap

if TYPE_CHECKING:
    import weakref

T = TypeVar("T")
MAGIC = b"spacefacts-cache"
FORMAT = 6  # 5: records stored by their model fields (the field list is part of the key); 6: returned_on, year_counts, launch_span, own_returns
FILE = "dataset.cache"
MAX_BYTES = 256 * 1024 * 1024  # the real cache is about 1.5 MB; ten times more data fits easily
# Every record type the cache holds; a field added, removed, renamed or retyped in any of them
# changes the key (schema()), so a cache of another shape is never decoded.
MODELS: tuple[type, ...] = (Site, Launch, CrewSeat, Mission, Eva, Return, Person, Event, Country, Former)
_BY_NAME = {cls.__name__: cls for cls in MODELS}


def _fields_of(cls: type) -> tuple[tuple[str, str], ...]:
    """(name, annotation text) of each field of a dataclass or NamedTuple, in order."""
    if is_dataclass(cls):
        return tuple((f.name, str(f.type)) for f in fields(cls))
    hints = cls.__annotations__  # a NamedTuple's are ForwardRef('Time') under postponed annotations
    return tuple(
        (name, getattr(hints[name], "__forward_arg__", str(hints[name])))
        for name in cls._fields  # type: ignore[attr-defined]
    )


def store_version() -> str:
    """The store's format and the fields it stores, for the prebuilt store's key."""
    return f"{FORMAT}\n{schema()}"


@lru_cache(maxsize=1)
def schema() -> str:
    """The fields of every stored record type, for the key."""
    return repr([(cls.__name__, _fields_of(cls)) for cls in MODELS])


def _time_out(value: Time | None) -> tuple[str, bool] | None:
    return None if value is None else (value.iso, value.uncertain)


def _time_in(value: Any) -> Time | None:
    return None if value is None else Time(value[0], value[1])


def _record_type(owner: type, name: str) -> type | None:
    """The record type an annotation names: a stored model type, or a dataclass or NamedTuple of
    the module that declares `owner` (a station's Member, for the stations kept beside the data)."""
    found = _BY_NAME.get(name) or getattr(sys.modules.get(owner.__module__), name, None)
    if isinstance(found, type) and (is_dataclass(found) or hasattr(found, "_fields")):
        return found
    return None


class Codec:
    """Rows of one record type (a dataclass or NamedTuple, for the dataset and what is kept beside it): a tuple of its fields' values, in field order. A Time becomes
    (iso, uncertain); a tuple of records, a tuple of their rows; anything else is stored as it is
    (text, numbers, booleans, None, tuples of text)."""

    def __init__(self, cls: type):
        self.cls = cls
        self.names = [name for name, _ in _fields_of(cls)]
        self.out: list[tuple[int, Callable[[Any], Any]]] = []
        self.into: list[tuple[int, Callable[[Any], Any]]] = []
        for i, (_, kind) in enumerate(_fields_of(cls)):
            if kind in ("Time", "Time | None"):
                self.out.append((i, _time_out))
                self.into.append((i, _time_in))
            elif kind.startswith("tuple[") and kind.endswith(", ...]") and _record_type(cls, kind[6:-6]):
                inner = codec(_record_type(cls, kind[6:-6]))
                self.out.append((i, inner.encode_all))
                self.into.append((i, inner.decode_all))

        # decode(row) = cls(row[0], convert_1(row[1]), ...): generated from the field list once, as
        # dataclasses generates __init__, because 7,000 launches are decoded this way.
        into = dict(self.into)
        args = ", ".join(f"c{i}(row[{i}])" if i in into else f"row[{i}]" for i in range(len(self.names)))
        namespace: dict[str, Any] = {f"c{i}": convert for i, convert in self.into}
        namespace.update(cls=cls, tuple=tuple, len=len, ValueError=ValueError)
        size, problem = len(self.names), f"a stored {cls.__name__} is not a row of {len(self.names)} fields"
        exec(
            f"def decode(row):\n"
            f"    if type(row) is not tuple or len(row) != {size}:\n"
            f"        raise ValueError({problem!r})\n"
            f"    return cls({args})",
            namespace,
        )
        self.decode: Callable[[Any], Any] = namespace["decode"]

    def encode(self, record: Any) -> tuple[Any, ...]:
        row = [getattr(record, name) for name in self.names]
        for i, convert in self.out:
            row[i] = convert(row[i])
        return tuple(row)

    def encode_all(self, records: Any) -> tuple[tuple[Any, ...], ...]:
        return tuple(map(self.encode, records))

    def decode_all(self, rows: Any) -> tuple[Any, ...]:
        return tuple(map(self.decode, rows))


@lru_cache(maxsize=32)
def codec(cls: type) -> Codec:
    return Codec(cls)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Every .py file of the installed package: path, size and modification time."""
    package = os.path.dirname(os.path.realpath(__file__))
    parts = []
    # os.walk and os.stat, not Path.rglob: a quarter of the cost, paid on every run.
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            parts.append(f"{os.path.relpath(path, package)}:{st.st_size}:{st.st_mtime_ns}")
    return _fingerprint("\n".join(parts))


def _fingerprint(text: str) -> str:
    """96 bits over the key's text (CRC-32, Adler-32, length): what tells a stale cache from a
    current one. Not hashlib: loading OpenSSL for it cost every run about 2 ms."""
    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):08x}"


def key(ds: Dataset) -> str:
    parts = [__version__, sys.version, str(FORMAT), code_fingerprint(), schema()]
    folders: dict[Path, Path] = {}  # each folder resolved once, not each of its files
    for path in ds.source_files():
        try:
            st = path.stat()
            folder = folders.get(path.parent) or folders.setdefault(path.parent, path.parent.resolve())
            parts.append(f"{folder / path.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:absent")
    return _fingerprint("\n".join(parts))


class _Stored:
    """What a dataset decodes only when asked (dataset.Stored): launches per year, people."""

    def __init__(self, launches: dict[int, bytes], earth_years: tuple[int, ...], people: bytes, keys: bytes):
        if not all(isinstance(blob, bytes) for blob in (*launches.values(), people, keys)):
            raise ValueError("malformed cache")
        self._launches = launches
        self.launch_years = tuple(sorted(launches))
        self.earth_years = earth_years
        self._decoded: dict[int, tuple[Launch, ...]] = {}
        self._people = people
        self._keys = keys
        self._person_rows: tuple[tuple[Any, ...], ...] | None = None

    def launches_of(self, year: int) -> tuple[Launch, ...]:
        if year not in self._decoded:
            blob = self._launches.get(year)
            rows = marshal.loads(blob) if blob is not None else ()
            self._decoded[year] = tuple(map(codec(Launch).decode, rows))
        return self._decoded[year]

    def _rows(self) -> tuple[tuple[Any, ...], ...]:
        if self._person_rows is None:
            self._person_rows = marshal.loads(self._people)
        return self._person_rows

    def people(self) -> tuple[Person, ...]:
        return tuple(map(codec(Person).decode, self._rows()))

    def person_by_id(self) -> Mapping[str, Person]:
        return LazyMap({row[0]: row for row in self._rows()}, codec(Person).decode)

    def person_keys(self) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = marshal.loads(self._keys)
        return keys


def _rows(cls: type, records: Any) -> tuple[tuple[Any, ...], ...]:
    return codec(cls).encode_all(records)


def _records(cls: type, rows: Any) -> tuple[Any, ...]:
    return codec(cls).decode_all(rows)


def encode(ds: Dataset) -> bytes:
    per_year: dict[int, list[Launch]] = {}
    for x in ds.launches:
        per_year.setdefault(x.date.year, []).append(x)
    payload = {
        "launches": {year: marshal.dumps(_rows(Launch, rows)) for year, rows in per_year.items()},
        "earth_years": tuple(sorted({x.date.year for x in ds.launches if x.earth})),
        "missions": _rows(Mission, ds.missions),
        "people": marshal.dumps(_rows(Person, ds.people)),
        "events": _rows(Event, ds.events),
        "sites": _rows(Site, ds.sites.values()),
        "launch_meta": ds.launch_meta,
        "metas": ds.metas,
        "mission_keys": ds.mission_keys,
        "person_keys": marshal.dumps(ds.person_keys),
        "origins": tuple((table, key, file) for (table, key), file in ds.origins.items()),
        "countries": _rows(Country, ds.countries.values()),
        "formers": _rows(Former, ds.formers),
        "roles": ds.roles,
        **{name: getattr(ds, name) for name in KEPT_FACTS},
    }
    return marshal.dumps(payload)


def _kept(value: object, kind: type) -> object:
    if not isinstance(value, kind):
        raise ValueError("malformed kept fact")
    return value


def decode(payload: bytes | memoryview, ds: Dataset) -> None:
    """Fill `ds` from a payload; raises on anything malformed (the caller then rebuilds)."""
    data = marshal.loads(payload)
    stored = _Stored(dict(data["launches"]), tuple(data["earth_years"]), data["people"], data["person_keys"])
    values = {
        "missions": _records(Mission, data["missions"]),
        "events": _records(Event, data["events"]),
        "sites": {site.code: site for site in _records(Site, data["sites"])},
        "launch_meta": dict(data["launch_meta"]),
        "metas": dict(data["metas"]),
        "mission_keys": dict(data["mission_keys"]),
        "countries": {c.code: c for c in _records(Country, data["countries"])},
        "formers": _records(Former, data["formers"]),
        "roles": dict(data["roles"]),
        **{name: _kept(data[name], kind) for name, kind in KEPT_FACTS.items()},
    }
    ds.restore(stored, values, {(t, k): f for t, k, f in data["origins"]})


def _digest(payload: bytes | memoryview) -> bytes:
    """A check that the payload is whole: CRC-32 catches a torn or corrupted file as a hash
    would (neither is a signature; see above), at a tenth of SHA-256's cost on 5 MB."""
    return f"{zlib.crc32(payload):08x}".encode()


def _read(path: Path, wanted: str) -> memoryview | None:
    """The payload of a cache file if its header, key and hash all check out, else None. A view of
    the bytes read, not a copy: the payload files hold up to 5 MB, and each is read on every run."""
    try:
        raw = _read_regular(path)
        cut = raw.index(b"\n")
        magic, version, stored_key, digest = raw[:cut].split(b" ")
    except (OSError, ValueError):
        return None
    payload = memoryview(raw)[cut + 1 :]
    if (
        magic == MAGIC
        and version == str(FORMAT).encode()
        and stored_key.decode(errors="replace") == wanted
        and _digest(payload) == digest
    ):
        return payload
    return None


def _read_regular(path: Path) -> bytes:
    from spacefacts.userdata import read_regular_file

    return read_regular_file(path, MAX_BYTES)


def load(ds: Dataset, folder: Path) -> Dataset:
    """Fill `ds` from the cache when it is valid for these data files; else parse and save it."""
    wanted = key(ds)
    path = folder / FILE
    ds.cache = (folder, wanted)
    ds.keep = lambda name, build, encode_, decode_: derived(ds, name, build, encode_, decode_)
    payload: bytes | memoryview | None = _read(path, wanted)
    shipped = None
    if payload is None:  # the first run: the store shipped with the data, if built for it
        from spacefacts import prebuilt

        payload = shipped = prebuilt.entry(ds, FILE, store_version())
    if payload is not None:
        try:
            decode(payload, ds)
            if shipped is not None:
                save_payload(path, wanted, shipped)
            return ds
        except Exception:
            ds.forget_stored()
    ds.load_all()
    save(ds, path, wanted)
    return ds


def derived(
    ds: Dataset,
    name: str,
    build: Callable[[], T],
    encode_: Callable[[T], object],
    decode_: Callable[[object], T],
    kept: weakref.WeakKeyDictionary[Dataset, T] | None = None,
) -> T:
    """Something computed from the whole dataset, kept beside the dataset cache under the same key.
    With `kept`, asked once per dataset object: later calls return what `kept` holds for it."""
    if kept is not None:
        found = kept.get(ds)
        if found is None:
            found = kept[ds] = derived(ds, name, build, encode_, decode_)
        return found
    if ds.cache is None:
        return build()
    folder, wanted = ds.cache
    path = folder / f"{name}.cache"
    payload = _read(path, wanted)
    if payload is not None:
        try:
            return decode_(marshal.loads(payload))
        except Exception:
            pass
    from spacefacts import prebuilt

    shipped = prebuilt.entry(ds, name, store_version())
    if shipped is not None:
        try:
            value = decode_(marshal.loads(shipped))
        except Exception:
            pass
        else:
            save_payload(path, wanted, shipped)
            return value
    value = build()
    try:
        stored = marshal.dumps(encode_(value))  # type: ignore[arg-type]
    except ValueError:  # something this form cannot hold: computed again next time
        return value
    save_payload(path, wanted, stored)
    return value


def save(ds: Dataset, path: Path, wanted: str) -> None:
    save_payload(path, wanted, encode(ds))


def save_payload(path: Path, wanted: str, payload: bytes) -> None:
    from spacefacts.userdata import atomic_write_bytes

    header = b" ".join([MAGIC, str(FORMAT).encode(), wanted.encode(), _digest(payload)])
    with contextlib.suppress(OSError):  # a read-only or full cache folder only costs speed
        atomic_write_bytes(path, header + b"\n" + payload)
