"""`data import-gcat` and `data reset`: a newer GCAT launch log for this user, checked before use.

An import is all or nothing. Every row of the file is checked first (a real calendar date and
time, a known launch code, a tag, no control characters anywhere, the file name included); then
the merged launch table gets the checks `data validate` applies to launches (each row loads,
tags are unique, no control characters). The first problem refuses the whole file with one line
naming its row, and the launches in use stay as they were.

Each import is kept: the one it replaces moves to `imports/` in the user data folder (the last
KEEP of them), so `data reset` steps back one import, to the previous one or to the built-in
data; `data reset --all` forgets every import.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacefacts.errors import DataError
from spacefacts.userdata import IMPORTED_LAUNCHES, atomic_write_bytes, data_dir, imported_launches

EARLIER = "imports"  # folder of the imports an import replaced, oldest first
KEEP = 5
_EARLIER_NAME = re.compile(r"launches-(\d{6})\.toml")


def _refuse(source: Path, problem: str) -> DataError:
    return DataError(str(source), None, None, f"refused: {problem}")


def check_rows(rows: list[Any]) -> str | None:
    """The first problem among GCAT rows (spacefacts.build.gcat.Row), naming file and line; or None."""
    from spacefacts.build import mcdates
    from spacefacts.dataset import valid_iso
    from spacefacts.model import launch_outcome

    for row in rows:
        fields: dict[str, str] = row.fields
        for column, value in fields.items():
            if not value.isprintable():
                return f"{row.src}: {column} holds a control character"
        if not fields["Launch_Tag"]:
            return f"{row.src}: empty Launch_Tag"
        try:
            iso, _ = mcdates.parse(fields["Launch_Date"])
        except ValueError as exc:
            return f"{row.src}: Launch_Date: {exc}"
        if not valid_iso(iso):
            return f"{row.src}: Launch_Date {fields['Launch_Date']!r} is not a real date and time"
        try:
            launch_outcome(fields["Launch_Code"])
        except ValueError as exc:
            return f"{row.src}: Launch_Code: {exc}"
    return None


def import_gcat(source: Path, builtin: Path) -> dict[str, Any]:
    """Check `source` (a GCAT launchlog.tsv) and install the merged launches for this user.

    The source file is only read. Returns the merged document's meta. Raises DataError with one
    line on a malformed file, and then leaves the user's current data untouched.
    """
    import tomli

    from spacefacts import validate
    from spacefacts.build import gcat, tomlw
    from spacefacts.build.report import Report
    from spacefacts.dataset import Dataset, read_toml

    if not source.name.isprintable():
        raise _refuse(source, "the file name holds a control character; rename the file")
    current = read_toml(imported_launches() or builtin / IMPORTED_LAUNCHES)
    try:
        with source.open(encoding="utf-8") as fh:
            header = [h.strip() for h in fh.readline().lstrip("#").split("\t")]
        if header != gcat.COLUMNS:
            raise ValueError("not a GCAT launch log (the header differs from launchlog.tsv's)")
        rows, _ = gcat.read_tsv(source, source.name)
        problem = check_rows(rows)
        if problem:
            raise _refuse(source, problem)
        doc = gcat.import_log(source, current, Report())
    except (ValueError, KeyError, IndexError, UnicodeDecodeError) as exc:
        raise _refuse(source, str(exc)) from None
    except OSError as exc:
        raise DataError(str(source), None, None, f"cannot read: {exc.strerror or exc}") from None
    text = tomlw.dumps(gcat.to_document(doc), f"Imported by spacefacts data import-gcat from {source}")
    candidate = Dataset(use_imported=False)
    candidate.__dict__["_launch_doc"] = tomli.loads(text)
    problems = validate.check_launches(candidate)
    if problems:
        raise _refuse(source, problems[0])
    install(text.encode("utf-8"))
    meta: dict[str, Any] = doc["meta"]
    return meta


def _earlier() -> list[Path]:
    folder = data_dir() / EARLIER
    try:
        names = sorted(p.name for p in folder.iterdir() if _EARLIER_NAME.fullmatch(p.name))
    except OSError:
        return []
    return [folder / name for name in names]


def install(data: bytes) -> None:
    """Make `data` the user's launches; the import it replaces is kept in imports/."""
    current = imported_launches()
    if current is not None:
        earlier = _earlier()
        number = int(_EARLIER_NAME.fullmatch(earlier[-1].name)[1]) + 1 if earlier else 1  # type: ignore[index]
        atomic_write_bytes(data_dir() / EARLIER / f"launches-{number:06d}.toml", current.read_bytes())
        for old in earlier[: max(0, len(earlier) + 1 - KEEP)]:
            old.unlink(missing_ok=True)
    atomic_write_bytes(data_dir() / IMPORTED_LAUNCHES, data)


@dataclass(frozen=True)
class ResetResult:
    """What forgetting an imported launch log did."""

    removed: bool  # there was an import in use
    now: str  # "built-in" or "previous import"
    forgotten: int  # imports forgotten for good


def reset(everything: bool = False) -> ResetResult:
    """Step back one import (to the previous one, or the built-in data); `everything` forgets all."""
    current = data_dir() / IMPORTED_LAUNCHES
    earlier = _earlier()
    if everything:
        removed = current.exists()
        current.unlink(missing_ok=True)
        for old in earlier:
            old.unlink(missing_ok=True)
        return ResetResult(removed, "built-in", len(earlier) + removed)
    if not current.exists():
        return ResetResult(False, "built-in", 0)
    if earlier:
        os.replace(earlier[-1], current)
        return ResetResult(True, "previous import", 1)
    current.unlink()
    return ResetResult(True, "built-in", 1)
