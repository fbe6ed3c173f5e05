"""A cache of the parsed dataset in the user's cache folder, so a command does not parse TOML.

Format: a header line (magic, format version, key, SHA-256 of the payload), then a marshal
payload of plain tuples, dicts and strings. marshal cannot run code. The key covers the
spacefacts and Python versions, every .py file of the installed package (path, size and
modification time: an upgrade or an edit of the code gives a new key, so a cache written by
older code is never served) and each data file's path, size and modification time.

What the checks are for: the hash catches a torn or corrupted file, the key a stale or foreign
one; either is ignored, rebuilt and replaced. They are not a signature: anyone who can write the
cache folder can write a file that passes them, just as they could edit the data files.
Only a regular file (not a symlink, pipe or device) of at most MAX_BYTES is read, so a hostile
file in that folder can neither hang a command nor make it read gigabytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from collections.abc import Callable
from dataclasses import astuple
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from spacefacts import __version__
from spacefacts.dataset import Dataset
from spacefacts.model import Country, CrewSeat, Event, Former, Launch, Mission, Person, Site, Time

if TYPE_CHECKING:
    import weakref

T = TypeVar("T")
MAGIC = b"spacefacts-cache"
FORMAT = 4  # 4: today's calendar holds station launches, re-entries and first expeditions
FILE = "dataset.cache"
MAX_BYTES = 256 * 1024 * 1024  # the real cache is about 1.5 MB; ten times more data fits easily


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Every .py file of the installed package: path, size and modification time."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        parts.append(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def key(ds: Dataset) -> str:
    parts = [__version__, sys.version, str(FORMAT), code_fingerprint()]
    for path in ds.source_files():
        try:
            st = path.stat()
            parts.append(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:absent")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def launch_row(x: Launch) -> tuple[Any, ...]:
    """The inverse of dataset.launch_from_row."""
    return (x.tag, x.date.iso, x.date.uncertain, *x[2:])


def person_row(p: Person) -> tuple[Any, ...]:
    """The inverse of dataset.person_from_row."""
    return (
        *astuple(p)[:5],
        _t(p.born),
        _t(p.died),
        p.citizen,
        p.country,
        p.gender,
        p.flights,
        tuple((_t(e.start), _t(e.end), e.duration_min, e.src) for e in p.evas),
        tuple((r.mission, _t(r.landing), r.on, r.src, r.ship) for r in p.returns),
        p.cosmos,
        p.src,
        p.aliases,
    )


def _t(value: Time | None) -> tuple[str, bool] | None:
    return None if value is None else (value.iso, value.uncertain)


def _time(value: Any) -> Time | None:
    return None if value is None else Time(value[0], value[1])


def encode(ds: Dataset) -> bytes:
    per_year: dict[int, list[tuple[Any, ...]]] = {}
    for x in ds.launches:
        per_year.setdefault(x.date.year, []).append(launch_row(x))
    launches = {year: marshal.dumps(tuple(rows)) for year, rows in per_year.items()}
    earth_years = tuple(sorted({x.date.year for x in ds.launches if x.earth}))
    missions = tuple(
        (
            *astuple(m)[:8],
            _t(m.launch),
            _t(m.landing),
            *astuple(m)[10:20],
            tuple((c.person, c.role) for c in m.crew),
            m.cosmos,
            m.src,
            m.accident,
            m.accident_source,
            m.platform,
        )
        for m in ds.missions
    )
    people = marshal.dumps(tuple(person_row(p) for p in ds.people))
    events = tuple((e.id, _t(e.date), *astuple(e)[2:]) for e in ds.events)
    sites = tuple(astuple(site) for site in ds.sites.values())
    payload = {
        "launches": launches,
        "earth_years": earth_years,
        "missions": missions,
        "people": people,
        "events": events,
        "sites": sites,
        "launch_meta": ds.launch_meta,
        "metas": ds.metas,
        "mission_keys": ds.mission_keys,
        "person_keys": marshal.dumps(ds.person_keys),
        "origins": tuple((table, key, file) for (table, key), file in ds.origins.items()),
        "countries": tuple(astuple(c) for c in ds.countries.values()),
        "formers": tuple(astuple(f) for f in ds.formers),
        "roles": ds.roles,
    }
    return marshal.dumps(payload)


def decode(payload: bytes, ds: Dataset) -> None:
    """Fill `ds` from a payload; raises on anything malformed (the caller then rebuilds)."""
    data = marshal.loads(payload)
    launches = dict(data["launches"])
    missions = tuple(
        Mission(*[*r[:8], _time(r[8]), _time(r[9]), *r[10:20], tuple(CrewSeat(*c) for c in r[20]), *r[21:26]])
        for r in data["missions"]
    )
    events = tuple(Event(r[0], _time(r[1]), *r[2:]) for r in data["events"])  # type: ignore[arg-type]
    sites = {r[0]: Site(*r) for r in data["sites"]}
    blobs = [*launches.values(), data["people"], data["person_keys"]]
    if not all(isinstance(blob, bytes) for blob in blobs):
        raise ValueError("malformed cache")
    ds._launch_blobs = launches
    ds._earth_years = tuple(data["earth_years"])
    ds._people_blob = data["people"]
    ds._person_keys_blob = data["person_keys"]
    ds.__dict__.update(
        missions=missions,
        events=events,
        sites=sites,
        launch_meta=dict(data["launch_meta"]),
        metas=dict(data["metas"]),
        mission_keys=dict(data["mission_keys"]),
        countries={r[0]: Country(*r) for r in data["countries"]},
        formers=tuple(Former(*r) for r in data["formers"]),
        roles=dict(data["roles"]),
    )
    ds.origins = {(t, k): f for t, k, f in data["origins"]}


def _read(path: Path, wanted: str) -> bytes | None:
    """The payload of a cache file if its header, key and hash all check out, else None."""
    try:
        raw = _read_regular(path)
        header, payload = raw.split(b"\n", 1)
        magic, version, stored_key, digest = header.split(b" ")
    except (OSError, ValueError):
        return None
    if (
        magic == MAGIC
        and version == str(FORMAT).encode()
        and stored_key.decode(errors="replace") == wanted
        and hashlib.sha256(payload).hexdigest().encode() == digest
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
    payload = _read(path, wanted)
    if payload is not None:
        try:
            decode(payload, ds)
            return ds
        except Exception:
            ds._launch_blobs = ds._people_blob = ds._person_keys_blob = None
            for name in ("missions", "people", "events", "sites"):
                ds.__dict__.pop(name, None)
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
    value = build()
    save_payload(path, wanted, marshal.dumps(encode_(value)))  # type: ignore[arg-type]
    return value


def save(ds: Dataset, path: Path, wanted: str) -> None:
    save_payload(path, wanted, encode(ds))


def save_payload(path: Path, wanted: str, payload: bytes) -> None:
    from spacefacts.userdata import atomic_write_bytes

    header = b" ".join(
        [MAGIC, str(FORMAT).encode(), wanted.encode(), hashlib.sha256(payload).hexdigest().encode()]
    )
    with contextlib.suppress(OSError):  # a read-only or full cache folder only costs speed
        atomic_write_bytes(path, header + b"\n" + payload)
