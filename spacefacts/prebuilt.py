"""The store shipped with the data (data/prebuilt.store), for the first run after install.

The first run has no user cache: it would parse every TOML file (about 0.2 s) before answering.
`scripts/build_store.py` writes, beside the data, what the cache would hold for the built-in data:
the dataset's records and the indexes kept beside them (the search index, the stations, the famous
payloads). On a miss of the user cache, spacefacts.cache takes an entry from here instead of
parsing, and writes it to the user cache as usual.

It is used only when it was built from exactly these files by exactly this code: its key is a
SHA-256 over the content of every built-in data file, of every module that shapes what is stored
(CODE), the stored fields (cache.schema), the store format and the Python version. Anything else
(the user's own folders, an imported launch log, an edited module, another Python) finds the key
different and parses the TOML as before; a stale store costs only speed. tests/test_store.py
checks that the shipped store is current (run `python scripts/build_store.py` when it is not).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset

MAGIC = b"spacefacts-prebuilt"
FILE = "prebuilt.store"
MAX_BYTES = 64 * 1024 * 1024
# The modules whose code decides what the stored entries hold (records, indexes, their form): every
# module of the package that building the entries imports (tests/test_store.py checks it is all of them).
CODE = (
    "cache.py",
    "dataset.py",
    "errors.py",
    "flights.py",
    "loader.py",
    "model.py",
    "nations.py",
    "payload_store.py",
    "payloads.py",
    "stations.py",
    "stored.py",
    "text.py",
    "textindex.py",
    "today/__init__.py",
    "today/crewed.py",
    "today/dates.py",
    "today/landmarks.py",
    "today/launches.py",
    "today/query.py",
    "today/ranking.py",
    "today/rows.py",
    "today/stations.py",
    "userdata.py",
)
# The entries shipped: the dataset (cache.FILE) and every index kept beside it (cache.derived names):
# a first `search` or `today` after install would otherwise build them (1.3-1.6 s).
KEPT = (
    "search",
    "payload-words",
    "stations",
    "station-search",
    "payloads",
    "payload-rows",
    "payload-search",
    "today",
)

_FOUND: dict[tuple[object, ...], dict[str, bytes] | None] = {}  # per process, by the files' stats


def _builtin_alone(ds: Dataset) -> bool:
    from spacefacts.dataset import builtin_data_dir

    return not ds.extra and not ds.imported and ds.directory == builtin_data_dir()


def content_key(ds: Dataset, version: str) -> str | None:
    """The key of the store for this dataset: None unless it is the built-in data alone. `version`
    is the store's format and stored fields (cache.store_version(), passed in: the cache imports
    this module)."""
    from spacefacts import __version__

    if not _builtin_alone(ds):
        return None
    digest = hashlib.sha256()
    for part in (
        __version__,
        f"{sys.version_info[:2]}",
        str(marshal.version),
        version,
    ):
        digest.update(part.encode() + b"\0")
    package = Path(__file__).resolve().parent
    try:
        named = [*((name, package / name) for name in CODE), *((p.name, p) for p in ds.source_files())]
        for name, path in named:
            digest.update(f"{name}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def entries(ds: Dataset, version: str) -> dict[str, bytes] | None:
    """The shipped entries (name -> cache payload) if the store was built for this dataset."""
    if not _builtin_alone(ds):
        return None
    path = ds.directory / FILE
    seen: list[object] = []
    for file in (path, *ds.source_files()):
        try:
            st = file.stat()
            seen.append((str(file), st.st_size, st.st_mtime_ns))
        except OSError:
            seen.append((str(file), None))
    if tuple(seen) not in _FOUND:
        _FOUND[tuple(seen)] = _read(path, ds, version)
    return _FOUND[tuple(seen)]


def entry(ds: Dataset, name: str, version: str) -> bytes | None:
    found = entries(ds, version)
    return found.get(name) if found is not None else None


def _read(path: Path, ds: Dataset, version: str) -> dict[str, bytes] | None:
    from spacefacts.userdata import read_regular_file

    try:
        raw = read_regular_file(path, MAX_BYTES)
        cut = raw.index(b"\n")  # a view of the 12 MB after it, not a copy
        magic, stored_key, digest = raw[:cut].split(b" ")
    except (OSError, ValueError):
        return None
    payload = memoryview(raw)[cut + 1 :]
    if magic != MAGIC or f"{zlib.crc32(payload):08x}".encode() != digest:
        return None
    wanted = content_key(ds, version)
    if wanted is None or stored_key.decode(errors="replace") != wanted:
        return None
    try:
        found: Any = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(found, dict) or not all(
        isinstance(k, str) and isinstance(v, bytes) for k, v in found.items()
    ):
        return None
    return found


def write(path: Path, key: str, found: dict[str, bytes]) -> bytes:
    """The store's bytes for these entries (written to `path` unless it is None)."""
    payload = marshal.dumps(found)
    data = b" ".join([MAGIC, key.encode(), f"{zlib.crc32(payload):08x}".encode()]) + b"\n" + payload
    path.write_bytes(data)
    return data
