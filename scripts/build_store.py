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


def build() -> tuple[str, dict[str, bytes]]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ds = cache.load(dataset.Dataset(use_imported=False), folder)
        ds.search_index  # noqa: B018
        stations.load(ds)
        payloads.payloads_of(ds)
        assert ds.cache is not None
        wanted = ds.cache[1]
        found = {}
        for name in (cache.FILE, *(f"{kept}.cache" for kept in prebuilt.KEPT)):
            payload = cache._read(folder / name, wanted)
            if payload is None:
                raise SystemExit(f"no {name} was written")
            found[name.removesuffix(".cache") if name != cache.FILE else name] = payload
    key = prebuilt.content_key(dataset.Dataset(use_imported=False), cache.store_version())
    assert key is not None
    return key, found


def main() -> None:
    key, found = build()
    target = dataset.builtin_data_dir() / prebuilt.FILE
    if "--check" in sys.argv[1:]:
        prebuilt._FOUND.clear()
        shipped = prebuilt.entries(dataset.Dataset(use_imported=False), cache.store_version())
        # marshal's bytes can differ with object identity; what they hold must not.
        if shipped is None or {k: marshal.loads(v) for k, v in shipped.items()} != {
            k: marshal.loads(v) for k, v in found.items()
        }:
            sys.exit(f"{target} is not current: run python scripts/build_store.py")
        return
    prebuilt.write(target, key, found)
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
