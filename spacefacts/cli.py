"""The command line: each command parses, asks spacefacts.queries, and hands the result to render.

Every command is declared once, in Typer's style, in a module of spacefacts.commands (lookups,
launches, data, aloft, today, quiz); importing this module declares them all on `app`
(spacefacts.commands.app), in the order `--help` lists them. `app` records the declarations and
becomes a Typer app when one is needed; the console script runs everyday argv through the same
functions from a table generated from that Typer app (spacefacts.frontend, spacefacts.fastpath), so
importing this module imports neither Typer nor Rich. Annotations stay text until Typer reads them.
After changing a declaration, run `python scripts/build_cli_table.py` (a test checks it is current).
A body raises spacefacts.errors (NotFound, UsageError; Exit for a code with nothing more to say), which
frontend.call turns into one line and an exit code on either path; it prints messages with `echo(..., err=True)`
and reads the data from `session.dataset()`.
"""

from __future__ import annotations

from spacefacts.commands import aloft, data, launches, lookups, quiz, today
from spacefacts.commands.app import (
    app,
    complete_mission,
    complete_person,
    complete_quiz_category,
    complete_today_category,
    complete_year,
    data_app,
)

# Importing a command module declares its commands; this order is the order of `--help`.
COMMAND_MODULES = (lookups, launches, data, aloft, today, quiz)

__all__ = [
    "COMMAND_MODULES",
    "app",
    "complete_mission",
    "complete_person",
    "complete_quiz_category",
    "complete_today_category",
    "complete_year",
    "data_app",
]
