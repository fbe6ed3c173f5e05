"""The user's own files: where they live, and writing them without ever leaving a torn file.

Data folder: $SPACEFACTS_HOME, else the platform's user data folder (platformdirs). It holds
an imported launch log (launches.toml), which then replaces the built-in one, and the quiz's answer store (quiz-history.json) and answer log.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

IMPORTED_LAUNCHES = "launches.toml"


def data_dir() -> Path:
    home = os.environ.get("SPACEFACTS_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("spacefacts", appauthor=False))


def cache_dir() -> Path:
    home = os.environ.get("SPACEFACTS_HOME")
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("spacefacts", appauthor=False))


def imported_launches() -> Path | None:
    path = data_dir() / IMPORTED_LAUNCHES
    return path if path.is_file() else None


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over `path`.

    A reader (or a crash) sees the old file or the new one, never a mix.
    """
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes, private: bool = True) -> None:
    """As atomic_write_text; `private=False` gives the file the usual permissions (umask)."""
    import tempfile  # here, not at the top: reading the cache folder's path should not pay for it

    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporary_files(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# A temporary file: .NAME.PID.RANDOM.tmp (mkstemp's random part has no dot).
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp")
# An unnamed one (written before the pid was part of the name) is removed once this old.
_STALE_SECONDS = 3600


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def sweep_temporary_files(path: Path) -> int:
    """Remove temporary files beside `path` left by writers that were killed; returns how many.

    A writer's temporary file names its process: it is removed once that process is gone. A
    writer still running keeps its file, so two processes can write the same file at once.
    """
    removed = 0
    prefix = f".{path.name}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        match = _TEMPORARY.fullmatch(entry.name)
        if match and match["name"] == path.name:
            stale = int(match["pid"]) != os.getpid() and not _running(int(match["pid"]))
        else:
            try:
                stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS
            except OSError:
                stale = False
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path` if it is a regular file of at most `max_bytes`, not reached through a
    symlink; opened without blocking, so a pipe put there cannot hang the command. Else OSError."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    with os.fdopen(os.open(path, flags), "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            raise OSError(f"{path}: not a regular file of at most {max_bytes} bytes")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OSError(f"{path}: grew past {max_bytes} bytes")
    return data
