"""Errors raised deep in the library, the exit codes, and the one mapping between them.

Every way out of spacefacts goes through `exit_code` and `report`: the Typer path and the fast
path (spacefacts.frontend) run command bodies through `run`, and the console script
(spacefacts.entry) wraps everything in `guard`. Nothing else picks an exit code.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # nothing found, bad data, output that could not be written
    USAGE = 2  # the command line asks for something malformed
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class SpacefactsError(Exception):
    """Base class: the message is one line a person can act on."""

    exit_code = ExitCode.FAILURE


class NotFound(SpacefactsError):
    """Nothing matches what was asked (exit 1)."""


class Ambiguous(NotFound):
    """Several things match; the message lists them (exit 1)."""


class DataError(SpacefactsError):
    """A data file is unreadable or breaks the schema (exit 1)."""

    def __init__(
        self, file: str, record: str | None, field: str | None, problem: str, line: int | None = None
    ):
        where = file + (f":{line}" if line else "")
        if record:
            where += f": record {record}"
        if field:
            where += f": field '{field}'"
        super().__init__(f"{where}: {problem}")
        self.file, self.record, self.field, self.problem, self.line = file, record, field, problem, line


class UsageError(SpacefactsError):
    """The command line asks for something malformed (exit 2)."""

    exit_code = ExitCode.USAGE


class Exit(SpacefactsError):
    """Stop with this exit code; the command has already said why (or has nothing to say)."""

    def __init__(self, code: ExitCode) -> None:
        super().__init__("")
        self.exit_code = code


def one_line(text: str) -> str:
    """An error message safe for one terminal line: whatever the user typed (newlines, escape
    sequences) is shown escaped, so it can neither break the line nor restyle the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def error(message: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    sys.stderr.write(f"spacefacts: {one_line(message)}\n")
    sys.stderr.flush()


def exit_code(exc: BaseException) -> ExitCode | None:
    """The exit code for an exception that ends a run, or None for a bug (left to show its traceback)."""
    if isinstance(exc, SpacefactsError):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, OSError | UnicodeEncodeError):
        return ExitCode.FAILURE
    return None


def describe(exc: BaseException) -> str:
    """The one line said for an exception `exit_code` maps; empty for errors that speak for themselves."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, UnicodeEncodeError):
        return (
            f"cannot write '{exc.object[exc.start : exc.end]}' in the terminal's encoding ({exc.encoding}); "
            "set PYTHONIOENCODING=utf-8 or use --json"
        )
    if isinstance(exc, OSError) and not isinstance(exc, SpacefactsError):
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)
        return f"{reason}: {exc.filename}" if exc.filename else f"cannot write the output: {reason}"
    return str(exc)


def report(exc: BaseException) -> ExitCode:
    """Say what ended the run (one line on stderr) and return its exit code; re-raise a bug."""
    code = exit_code(exc)
    if code is None:
        raise exc
    if isinstance(exc, OSError | UnicodeEncodeError):
        _flush_or_discard()  # what is left in the buffer would fail again at exit
    if isinstance(exc, BrokenPipeError):
        return code  # the reader went away (`| head`): nothing to say to anyone
    message = describe(exc)
    if message:
        error(message)
    return code


def run(body: Callable[[], object]) -> ExitCode:
    """Run a command body: what it raises becomes one line on stderr and its exit code."""
    try:
        body()
    except (SpacefactsError, KeyboardInterrupt, OSError, UnicodeEncodeError) as exc:
        return report(exc)
    return ExitCode.OK


def guard(main: Callable[[], int]) -> int:
    """The console script's outermost frame: one handler for Ctrl-C, a closed pipe and a full disk.

    Output is flushed here, inside the handler, so a write that fails at the end still gives one
    line and exit 1 rather than Python's "Exception ignored" at shutdown.
    """
    try:
        try:
            code = main()
        except SystemExit as exc:
            if not (exc.code is None or isinstance(exc.code, int)):
                raise
            code = exc.code or 0
        sys.stdout.flush()
        return code
    except (SpacefactsError, KeyboardInterrupt, OSError, UnicodeEncodeError) as exc:
        return report(exc)


def _flush_or_discard() -> None:
    """Flush stdout; if it cannot take the output (closed pipe, full disk), discard what is left so
    the interpreter's own flush at exit has nothing to complain about."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError, UnicodeEncodeError):
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass  # not a real file (a test's stand-in): nothing will flush it at exit
