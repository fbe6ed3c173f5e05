"""Errors raised deep in the library; the CLI maps each class to one exit code."""

from __future__ import annotations


class SpacefactsError(Exception):
    """Base class: the message is one line a person can act on."""

    exit_code = 1


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

    exit_code = 2
