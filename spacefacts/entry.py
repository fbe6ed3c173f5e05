"""The `spacefacts` console script.

Everything runs inside one handler (`errors.guard`: Ctrl-C, a closed pipe, a full disk). An argv
the generated parameter table reads unambiguously runs without importing Typer (spacefacts.fastpath);
anything else, and shell completion past what spacefacts.completion answers, goes to the Typer app.
"""

from __future__ import annotations

import os
import sys

from spacefacts import errors


class _ClosedStream:
    """Stands in for a standard output the shell closed (`>&-`): writing to it is an error."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(9, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _prepare_terminal() -> None:
    """Make the output channel something every command can use, or fail in one line."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(sys.stdout, "reconfigure"):
        # A terminal that cannot show every character (ascii, latin-1) gets a readable stand-in
        # (\\u2019) for what it cannot encode, not a crash; --json stays valid JSON (render escapes).
        sys.stdout.reconfigure(errors="backslashreplace")
    columns = os.environ.get("COLUMNS")
    if columns is not None and not (columns.isascii() and columns.isdigit() and int(columns) > 0):
        # POSIX: COLUMNS is a positive decimal number, otherwise ignored. Rich would draw every
        # table zero columns wide (nothing at all) and still exit 0.
        del os.environ["COLUMNS"]


def _dispatch(argv: list[str]) -> int:
    _prepare_terminal()
    if "_SPACEFACTS_COMPLETE" in os.environ:  # bash asking for completions, not a command
        from spacefacts import completion

        code = completion.run()
    else:
        from spacefacts import fastpath

        code = fastpath.run(argv)
    if code is None:
        from spacefacts.cli import app

        app(args=argv, prog_name="spacefacts")  # exits through SystemExit, caught by the guard
        code = 0
    return code


def main(argv: list[str] | None = None) -> None:
    import gc

    args = sys.argv[1:] if argv is None else argv
    # A run lives a fraction of a second and makes few reference cycles, but builds tens of thousands
    # of objects (imported classes, decoded records): the default threshold (700) would run the cycle
    # collector hundreds of times, about a tenth of a warm run's time. Collect rarely instead.
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 50)
    try:
        code = errors.guard(lambda: _dispatch(args))
    finally:
        gc.set_threshold(*before)
    sys.exit(code)
