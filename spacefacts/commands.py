"""The command bodies that do not need Typer, and the plumbing every command shares.

`spacefacts.cli` wraps these in Typer commands. The entry point (`spacefacts.entry`) runs the
everyday invocations (`mission NAME`, `launches YEAR`, `today`, ...) straight from here, without
importing Typer, whose import and per-run parameter set-up cost more than the answer itself.
Each body returns the process exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spacefacts.errors import SpacefactsError

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset

EXTRA_DATA: list[Path] = []  # the user's own folders: --data, SPACEFACTS_DATA
_LAST: list[tuple[tuple[object, ...], Dataset]] = []  # one parsed dataset, reused within a process


def one_line(text: str) -> str:
    """An error message safe for one terminal line: whatever the user typed (newlines, escape
    sequences) is shown escaped, so it can neither break the line nor restyle the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def error(message: str) -> None:
    sys.stderr.write(f"spacefacts: {one_line(message)}\n")


def run(body: Callable[[], None]) -> int:
    """Run a command body: library errors become one line on stderr and their exit code."""
    try:
        body()
    except SpacefactsError as exc:
        error(str(exc))
        return exc.exit_code
    return 0


def set_data_folders(folders: list[Path]) -> int:
    """Record --data folders and those in SPACEFACTS_DATA; 1 (with a message) if one is missing."""
    env = os.environ.get("SPACEFACTS_DATA", "")
    chosen = [*folders, *(Path(p) for p in env.split(os.pathsep) if p)]
    for folder in chosen:
        if not folder.is_dir():
            error(f"no data folder at {folder}")
            return 1
    EXTRA_DATA[:] = chosen
    return 0


def _fingerprint() -> tuple[object, ...]:
    """What the loaded dataset depends on, so a long-lived process (tests, a bot) reloads on change."""
    from spacefacts import userdata

    files = [userdata.data_dir() / userdata.IMPORTED_LAUNCHES]
    files += [
        folder / name for folder in EXTRA_DATA for name in ("missions.toml", "people.toml", "events.toml")
    ]
    stats: list[tuple[str, int | None, int | None]] = []
    for file in files:
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
    if _LAST and _LAST[0][0] == key:
        return _LAST[0][1]
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
    _LAST[:] = [(key, ds)]
    return ds


# ---- the everyday commands ----------------------------------------------------------------


def mission(name: str, json: bool) -> None:
    from spacefacts import queries
    from spacefacts.render import lookup as render

    ds = dataset()
    card = queries.mission_card(ds, queries.resolve_mission(ds, name))
    if json:
        render.emit_json(render.mission_json(card))
    else:
        render.mission_card(card)


def crew(name: str, json: bool) -> None:
    from spacefacts import queries
    from spacefacts.render import lookup as render

    ds = dataset()
    card = queries.mission_card(ds, queries.resolve_mission(ds, name))
    if json:
        render.emit_json(render.crew_list_json(card))
    else:
        render.crew_table(card)


def person(name: str, json: bool) -> None:
    from spacefacts import queries
    from spacefacts.render import lookup as render

    ds = dataset()
    card = queries.person_card(ds, queries.resolve_person(ds, name))
    if json:
        render.emit_json(render.person_json(card))
    else:
        render.person_card(card)


def launches_year(year: int, json: bool) -> None:
    from spacefacts import queries
    from spacefacts.render import lookup as render

    ds = dataset()
    summary = queries.launches_in_year(ds, year)
    if json:
        render.emit_json(render.year_json(summary))
    else:
        render.year_summary(summary)
        render.year_breakdown(summary, queries.state_names(ds))


def today(
    date_text: str | None, json: bool, days: int = 0, category: str | None = None, limit: int = 12
) -> None:
    import datetime

    from spacefacts import today as on_this_day
    from spacefacts.render import today as render

    when, month_day, _ = on_this_day.resolve_date(date_text, datetime.date.today())
    result = on_this_day.on_this_day(
        dataset(), when, month_day, days=days, category=category, limit=limit or None
    )
    if json:
        render.emit_json(render.today_json(result))
    else:
        render.today_table(result)


def mission_ids(incomplete: str) -> list[str]:
    """Mission ids starting with `incomplete`, from data/mission-ids.txt: a TAB parses no TOML."""
    from spacefacts.dataset import builtin_data_dir

    try:
        ids = (builtin_data_dir() / "mission-ids.txt").read_text(encoding="utf-8").split()
    except OSError:
        return []
    return [i for i in ids if i.startswith(incomplete.lower())]


def fast_completion() -> int | None:
    """Bash completion of a mission slug (`spacefacts mission soy<TAB>`) without Typer; the same
    lines Typer's bash completion prints. Anything else is left to Typer."""
    if os.environ.get("_SPACEFACTS_COMPLETE") != "complete_bash":
        return None
    import shlex

    try:
        words = shlex.split(os.environ.get("COMP_WORDS", ""))
        cword = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        return None
    args, incomplete = words[1:cword], (words[cword] if cword < len(words) else "")
    if args not in (["mission"], ["crew"]) or incomplete.startswith("-"):
        return None
    sys.stdout.write("\n".join(mission_ids(incomplete)) + "\n")
    return 0


def fast(argv: list[str]) -> int | None:
    """The exit code of an everyday invocation run here, or None to leave it to the full CLI.

    Only exact, simple forms are taken: `mission|crew|person NAME`, `launches YEAR` and
    `today [--date D]`, each with an optional --json. Everything else (other options, --help,
    odd spellings) goes through Typer, which parses and reports it.
    """
    if not argv:
        return None
    command, rest = argv[0], argv[1:]
    json = "--json" in rest
    rest = [arg for arg in rest if arg != "--json"]
    body: Callable[[], None] | None = None
    if command in ("mission", "crew", "person") and len(rest) == 1 and not rest[0].startswith("-"):
        name, chosen = rest[0], {"mission": mission, "crew": crew, "person": person}[command]
        body = lambda: chosen(name, json)  # noqa: E731
    elif command == "launches" and len(rest) == 1 and rest[0].isdigit() and 1000 <= int(rest[0]) <= 9999:
        year = int(rest[0])
        body = lambda: launches_year(year, json)  # noqa: E731
    elif command == "today" and (not rest or (len(rest) == 2 and rest[0] == "--date")):
        when = rest[1] if rest else None
        body = lambda: today(when, json)  # noqa: E731
    if body is None:
        return None
    return set_data_folders([]) or run(body)
