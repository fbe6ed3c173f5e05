"""Run an argv without Typer when the Typer app would read it in exactly one way.

The rules of every command come from spacefacts/_cli_table/, generated from the Typer app
(spacefacts.typerapp.table), never written by hand. This module knows Click's grammar, not any
command: it takes an argv only when every token is plainly a command name, an option of that
command, an option's value or a positional argument, and every value converts without doubt
(ASCII digits in range, text that is valid Unicode). Anything else (--help, `--opt=value`, a value
that looks like an option, unicode digits, a repeated option, a missing argument, an environment
variable an option reads, a stale table) returns None, and Typer parses and reports it.
tests/test_frontend.py generates argv and checks both paths print the same bytes.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
Call = tuple[str, dict[str, Any]]  # "module:function", its keyword arguments


def fingerprint(files: list[str]) -> dict[str, str]:
    """A checksum of each file's text, keyed by its path inside the package (CRC-32: this notices
    an edit, which is all it is for, and costs less start-up than hashlib)."""
    result = {}
    for file in files:
        path = PACKAGE / file
        try:
            digest = f"{zlib.crc32(path.read_bytes()):08x}"
        except OSError:
            digest = "missing"
        inside = path.is_relative_to(PACKAGE)
        result[path.relative_to(PACKAGE).as_posix() if inside else path.as_posix()] = digest
    return result


class _Commands(Mapping[str, Any]):
    """The top-level commands of the generated table: each command's node is imported from the
    generated module of its family (spacefacts/_cli_table/lookups.py, ...) when first looked up,
    so a run loads the table's root and one family, not every command's parameters."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where, self._nodes = where, dict[str, Any]()

    def __getitem__(self, name: str) -> Any:
        if name not in self._nodes:
            import importlib

            family = importlib.import_module(f"spacefacts._cli_table.{self._where[name]}")
            self._nodes[name] = family.COMMANDS[name]
        return self._nodes[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


def load_table() -> dict[str, Any] | None:
    """The generated table (spacefacts/_cli_table/), or None if it is missing."""
    try:
        from spacefacts._cli_table import ROOT, SOURCES
    except ImportError:
        return None
    return {"sources": SOURCES, "root": {**ROOT, "commands": _Commands(ROOT["commands"])}}


def current_table() -> dict[str, Any] | None:
    """The generated table, if it was generated from the code that is installed."""
    table = load_table()
    if table is None or fingerprint(list(table["sources"])) != table["sources"]:
        return None
    return table


def _convert(param: Mapping[str, Any], value: str) -> Any:
    """The value Typer would pass for `value`, or None (not a value this module is sure about)."""
    try:
        value.encode("utf-8")  # lone surrogates (undecodable argv bytes): Typer's to judge
    except UnicodeEncodeError:
        return None
    kind = param["type"]
    if kind == "str":
        return value
    if kind == "path":
        if value in ("", "-"):
            return None
        if param.get("readable") and os.path.exists(value) and not os.access(value, os.R_OK):
            return None  # Typer refuses an existing path it cannot read
        return Path(value)
    if kind == "int":
        if not (value.isascii() and value.isdigit()) or len(value) > 18 or (value[0] == "0" and value != "0"):
            return None
        number = int(value)
        low, high = param["min"], param["max"]
        if (low is not None and number < low) or (high is not None and number > high):
            return None
        return number
    return None


def _absent(param: Mapping[str, Any], environ: Mapping[str, str]) -> bool:
    """True if leaving `param` out means exactly its default."""
    if param["required"] or param.get("default_unknown"):
        return False
    return not (param["envvar"] and param["envvar"] in environ)


def _parse(node: Mapping[str, Any], args: list[str], environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The keyword arguments for one command's params, or None."""
    if not node["plain"]:
        return None
    params = node["params"]
    by_opt = {opt: (p, True) for p in params if not p["argument"] for opt in p["opts"]}
    by_opt.update({opt: (p, False) for p in params if not p["argument"] for opt in p["false_opts"]})
    given: dict[str, Any] = {}
    positional: list[str] = []
    i = 0
    while i < len(args):
        token = args[i]
        i += 1
        if not token.startswith("-"):
            positional.append(token)
            continue
        if token not in by_opt:
            return None  # --help, --opt=value, -n5, --, -, a negative number, a typo: Typer's
        param, on = by_opt[token]
        if param["name"] in given or param["callback"]:
            return None
        if param["type"] == "flag":
            given[param["name"]] = on
            continue
        if i >= len(args) or args[i].startswith("-"):
            return None  # `--date --json`: Click would take --json as the date
        value = _convert(param, args[i])
        if value is None:
            return None
        given[param["name"]] = value
        i += 1
    arguments = [p for p in params if p["argument"]]
    if len(positional) > len(arguments):
        return None
    for param, token in zip(arguments, positional, strict=False):
        value = _convert(param, token)
        if value is None:
            return None
        given[param["name"]] = value
    kwargs = {}
    for param in params:
        if param["name"] in given:
            value = given[param["name"]]
        elif _absent(param, environ):
            value = param["default"]
        else:
            return None
        if param["passed"]:
            kwargs[param["name"]] = value
    return kwargs


def plan(table: Mapping[str, Any], argv: list[str], environ: Mapping[str, str]) -> list[Call] | None:
    """The calls Typer would make for `argv` (group callbacks, then the command), or None."""
    node = table["root"]
    calls: list[Call] = []
    i = 0
    while "commands" in node:
        kwargs = _parse(node, [], environ)  # group options given before the command: Typer's
        if kwargs is None:
            return None
        if "function" in node:
            calls.append((node["function"], kwargs))
        if i >= len(argv) or argv[i] not in node["commands"]:
            return None
        node = node["commands"][argv[i]]
        i += 1
    kwargs = _parse(node, argv[i:], environ)
    if kwargs is None or "function" not in node:
        return None
    calls.append((node["function"], kwargs))
    return calls


def run(argv: list[str]) -> int | None:
    """The exit code of `argv` run here, or None to leave it to Typer."""
    environ = os.environ
    if "_SPACEFACTS_COMPLETE" in environ:
        return None  # shell completion: spacefacts.completion, then Typer
    table = current_table()
    calls = plan(table, argv, environ) if table is not None else None
    if calls is None:
        return None
    import importlib

    from spacefacts import frontend

    for target, kwargs in calls:
        module, _, name = target.partition(":")
        function = getattr(importlib.import_module(module), name)
        code = frontend.call(function, kwargs)
        if code:
            return int(code)
    return 0
