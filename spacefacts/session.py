"""The composition root: which data folders, and the dataset loaded from them (cached per process).

Commands in spacefacts.cli ask `dataset()` for the data; nothing else decides where it comes from.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spacefacts.errors import NotFound, SpacefactsError, UsageError

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset

EXTRA_DATA: list[Path] = []  # the user's own folders: --data, SPACEFACTS_DATA
# The datasets parsed in this process, most recent first, reused while their files are unchanged: a
# long-lived process (tests, a bot) that alternates between a few sets of user folders parses each once.
_LAST: list[tuple[tuple[object, ...], Dataset]] = []
_KEEP = 3


def set_data_folders(folders: list[str]) -> None:
    """Record --data folders and those in SPACEFACTS_DATA; NotFound if one is missing, UsageError
    for an empty --data (which would otherwise quietly mean the current folder)."""
    if "" in folders:
        raise UsageError("--data needs a folder, got an empty string")
    env = os.environ.get("SPACEFACTS_DATA", "")
    chosen = [*map(Path, folders), *(Path(p) for p in env.split(os.pathsep) if p)]
    for folder in chosen:
        if not folder.is_dir():
            raise NotFound(f"no data folder at {folder}")
    EXTRA_DATA[:] = chosen


def _fingerprint() -> tuple[object, ...]:
    """What the loaded dataset depends on, so a long-lived process (tests, a bot) reloads on change."""
    from spacefacts import userdata

    stats: list[tuple[str, int | None, int | None]] = []
    imported = userdata.data_dir() / userdata.IMPORTED_LAUNCHES
    try:
        st = imported.stat()
        stats.append((str(imported), st.st_mtime_ns, st.st_size))
    except OSError:
        pass  # no import: the same data whichever user folder it would have been in
    for folder in EXTRA_DATA:
        for file in (folder / name for name in ("missions.toml", "people.toml", "events.toml")):
            try:
                st = file.stat()
                stats.append((str(file), st.st_mtime_ns, st.st_size))
            except OSError:
                stats.append((str(file), None, None))
    return tuple(stats)


def dataset() -> Dataset:
    """The dataset (from the user cache when valid), with the user's own folders checked and layered on."""
    from spacefacts import dataset as data

    key = _fingerprint()
    for n, (known, found) in enumerate(_LAST):
        if known == key:
            _LAST.insert(0, _LAST.pop(n))
            return found
    ds = data.Dataset(extra=EXTRA_DATA)
    if os.environ.get("SPACEFACTS_NO_CACHE") != "1":
        from spacefacts import cache, userdata

        cache.load(ds, userdata.cache_dir())
    if EXTRA_DATA:
        from spacefacts import validate

        problems = validate.check(ds, only_user=True)
        if problems:
            more = f" (and {len(problems) - 1} more: spacefacts data validate)" if len(problems) > 1 else ""
            raise SpacefactsError(problems[0] + more)
    _LAST[:] = [(key, ds), *_LAST[: _KEEP - 1]]
    return ds


def listed(name: str, incomplete: str) -> list[str]:
    """Lines of a plain list the build writes beside the data (mission-ids.txt, person-ids.txt,
    launch-years.txt) that start with `incomplete`: shell completion reads no TOML."""
    from spacefacts.dataset import builtin_data_dir

    try:
        values = (builtin_data_dir() / name).read_text(encoding="utf-8").split()
    except OSError:
        return []
    return [v for v in values if v.startswith(incomplete.lower())]


def _code_and_data() -> str:
    """A checksum of what any answer depends on: the installed code, the data files (built-in,
    imported, the user's folders) and the Python version; sizes and modification times, no reading."""
    import zlib

    from spacefacts import __version__

    package = Path(__file__).resolve().parent
    builtin = package / "_data" if (package / "_data").is_dir() else package.parent / "data"
    parts = [__version__, sys.version, repr(_fingerprint())]
    for folder in (package, package / "render", builtin):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_file():
                st = entry.stat()
                parts.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}")
    return f"{zlib.crc32(chr(10).join(parts).encode()):08x}"


def remembered_text(name: str, inputs: tuple[object, ...], compute: Callable[[], str]) -> str:
    """`compute()`, or the text it gave last time for the same inputs, code and data.

    For `today --motd`, which runs in shell start-up files: the line is the same all day, and
    reading it back skips loading the dataset. One entry per name, in the user cache folder.
    """
    from spacefacts import userdata

    if os.environ.get("SPACEFACTS_NO_CACHE") == "1":
        return compute()
    key = f"{_code_and_data()} {inputs!r}".replace("\n", " ")
    path = userdata.cache_dir() / f"{name}.txt"
    try:
        # A regular file only, read without following a link or blocking on a pipe; and text that
        # is still inert (a line of printable characters), whatever has been written there since.
        stored = userdata.read_regular_file(path, 65536).decode("utf-8")
        stored_key, _, text = stored.partition("\n")
        if stored_key == key and text and text.rstrip("\n").isprintable():
            return text
    except (OSError, UnicodeDecodeError):
        pass  # unreadable: compute it again
    text = compute()
    with contextlib.suppress(OSError):  # a read-only cache folder only costs the next run the time
        userdata.atomic_write_text(path, f"{key}\n{text}")
    return text
