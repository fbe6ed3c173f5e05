"""Writing a file the user named (`today --ics PATH`): a regular file, or standard output for `-`.

The rules, so that a typo or a hostile path cannot replace something else:
- `-` writes to standard output.
- The target must be a regular file or not exist yet; a directory, a device, a pipe or a socket
  is refused (as root, replacing /dev/null with a calendar would break the system).
- A symbolic link is written through on purpose: its target (a regular file, or a new file in an
  existing folder) is replaced and the link stays, as editors do for dotfiles kept in a repository.
- The folder must exist: a mistyped path is an error, not a new tree of folders.
- The write is atomic (spacefacts.userdata.atomic_write_bytes): a reader sees the old file or the
  new one, and temporary files left by a writer that was killed are removed on the next write.
Every failure is one SpacefactsError line.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from spacefacts.errors import SpacefactsError, UsageError
from spacefacts.userdata import atomic_write_bytes

STDOUT = "-"


def write_file(path: Path | str, data: bytes) -> str:
    """Write `data` to `path` by the rules above; returns where it went, for the message."""
    if str(path) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return "standard output"
    path = Path(path)
    if not str(path) or str(path).endswith(os.sep):
        raise UsageError(f"not a file name: '{path}'")
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SpacefactsError(f"cannot write {path}: {exc.strerror or exc}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise SpacefactsError(f"cannot write {path}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        raise SpacefactsError(f"cannot write {path}: not a regular file (a device, pipe or socket)")
    if not target.parent.is_dir():
        raise SpacefactsError(f"cannot write {path}: no folder {target.parent}")
    try:
        atomic_write_bytes(target, data, private=False)
    except OSError as exc:
        raise SpacefactsError(f"cannot write {path}: {exc.strerror or exc}") from None
    return str(path)
