"""Write data/prebuilt.store, the store shipped for the first run after install (spacefacts.prebuilt).

    python scripts/build_store.py          # write it
    python scripts/build_store.py --check  # exit 1 if it is not current

Run it after changing the data (scripts/build_data.py) or a module in spacefacts.prebuilt.CODE;
tests/test_store.py checks it is current. It holds what the user cache would hold for the built-in
data, made the same way: a fresh dataset is loaded through spacefacts.cache into a scratch folder,
the kept indexes (prebuilt.KEPT) are asked for, and the scratch folder's payloads are collected.
"""

from __future__ import annotations

import marshal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacefacts import cache, dataset, payloads, prebuilt, stations  # noqa: E402
from spacefacts.today import ranking  # noqa: E402


def ask_every_entry(ds: dataset.Dataset) -> None:
    """Ask for every index the commands keep beside the dataset (prebuilt.KEPT)."""
    ds.search_index  # noqa: B018
    ds.payload_first_words  # noqa: B018
    stations.load(ds)
    stations.search_entries(ds)
    payloads.payloads_of(ds)
    payloads.search_entries(ds)
    ranking.calendar_of(ds)


def build() -> tuple[str, dict[str, bytes]]:
    shipped = prebuilt.entry
    prebuilt.entry = lambda ds, name, version: None  # built from the TOML, never from the store it replaces
    try:
        found = _build_entries()
    finally:
        prebuilt.entry = shipped
    key = prebuilt.content_key(dataset.Dataset(use_imported=False), cache.store_version())
    assert key is not None
    return key, found


def _build_entries() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ds = cache.load(dataset.Dataset(use_imported=False), folder)
        ask_every_entry(ds)
        assert ds.cache is not None
        wanted = ds.cache[1]
        found = {}
        names = {cache.FILE, *(f"{kept}.cache" for kept in prebuilt.KEPT)}
        written = {p.name for p in folder.iterdir() if p.suffix == ".cache"}
        if written != names:
            raise SystemExit(
                f"the kept entries are {sorted(written)}, not {sorted(names)}: update prebuilt.KEPT"
            )
        for name in sorted(names):
            payload = cache._read(folder / name, wanted)
            if payload is None:
                raise SystemExit(f"no {name} was written")
            found[name.removesuffix(".cache") if name != cache.FILE else name] = bytes(payload)
    return found


def contents(entries: dict[str, bytes]) -> dict[str, object]:
    """What the entries hold, nested payloads opened: marshal's bytes can differ with object identity
    and reference counts; what they hold must not."""

    def opened(value: object) -> object:
        if isinstance(value, bytes):
            try:
                value = marshal.loads(value)
            except (ValueError, EOFError, TypeError):
                return value
            return opened(value) if not isinstance(value, bytes) else value
        if isinstance(value, dict):
            return {k: opened(v) for k, v in value.items()}
        if isinstance(value, tuple | list):
            return type(value)(opened(v) for v in value)
        return value

    return {name: opened(payload) for name, payload in entries.items()}


def main() -> None:
    key, found = build()
    target = dataset.builtin_data_dir() / prebuilt.FILE
    if "--check" in sys.argv[1:]:
        prebuilt._FOUND.clear()
        shipped = prebuilt.entries(dataset.Dataset(use_imported=False), cache.store_version())
        if shipped is None or contents(shipped) != contents(found):
            sys.exit(f"{target} is not current: run python scripts/build_store.py")
        return
    prebuilt.write(target, key, found)
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
