"""One definition per command: the fast path says exactly what Typer says, byte for byte.

The fast path (spacefacts.fastpath) parses argv with a table generated from the Typer app. These
tests generate argv (valid and invalid, unicode digits, options in every position) and compare exit
code, stdout and stderr of the fast path with those of the Typer app; an argv the fast path does
not take goes to Typer on the real entry point, so it cannot disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spacefacts import fastpath, typerapp
from spacefacts.cli import app
from spacefacts.frontend import App

pytestmark = pytest.mark.usefixtures("typer_command_once")
ROOT = Path(__file__).resolve().parents[1]
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
TABLE = fastpath.load_table() or {}
Outcome = tuple[int, str, str]


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def fast(argv: list[str]) -> Outcome | None:
    out, err = io.StringIO(), io.StringIO()
    with environment(ENV), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        saved_stdin, sys.stdin = sys.stdin, io.StringIO("")
        try:
            code = fastpath.run(argv)
        finally:
            sys.stdin = saved_stdin
    return None if code is None else (code, out.getvalue(), err.getvalue())


def typer(argv: list[str]) -> Outcome:
    result = CliRunner().invoke(app, argv, env=ENV)
    return result.exit_code, result.stdout, result.stderr


def agree(argv: list[str]) -> bool:
    """Whether the fast path took `argv`; if it did, it must have said what Typer says."""
    answered = fast(argv)
    if answered is not None:  # otherwise the entry point hands argv to Typer itself
        assert answered == typer(argv), argv
    return answered is not None


def test_the_table_is_generated_from_the_current_declarations() -> None:
    folder = ROOT / "spacefacts" / "_cli_table"
    present = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.py")}
    assert present == typerapp.table_files(app), "run: python scripts/build_cli_table.py"
    assert fastpath.current_table() == TABLE == typerapp.table(app)


def commands(node: dict[str, Any] = TABLE["root"], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, sub in node["commands"].items():
        if "commands" in sub:
            found += commands(sub, (*path, name))
        else:
            found.append((*path, name))
    return found


def node_of(path: tuple[str, ...]) -> dict[str, Any]:
    node: dict[str, Any] = TABLE["root"]
    for name in path:
        node = node["commands"][name]
    return node


def simplest(path: tuple[str, ...]) -> list[str]:
    """The command with each required argument filled in."""
    argv = list(path)
    for param in node_of(path)["params"]:
        if param["argument"] and param["required"]:
            argv.append(str(param["min"] or 2018) if param["type"] == "int" else "x")
    return argv


def test_every_command_has_a_fast_path() -> None:
    """New commands declared in spacefacts/commands/ get the fast path without code of their own."""
    assert len(commands()) >= 14
    for path in commands():
        assert fastpath.plan(TABLE, simplest(path), {}) is not None, path


def test_a_command_declared_the_typer_way_is_parsed_from_its_declaration() -> None:
    demo = App()

    @demo.command()
    def station(name: str, days: int = 3, json: bool = False) -> None:
        """A demo."""

    @demo.command()
    def other() -> None:
        """Another, so Typer builds a group."""

    table = typerapp.table(demo)
    assert fastpath.plan(table, ["station", "iss", "--days", "7", "--json"], {}) == [
        (f"{__name__}:{station.__qualname__}", {"name": "iss", "days": 7, "json": True})
    ]
    assert fastpath.plan(table, ["station", "--days", "\u0667", "iss"], {}) is None  # Typer judges


@pytest.mark.parametrize(
    "argv",
    [
        ["launches", "²⁰¹⁸"],
        ["launches", "٢٠١٨"],
        ["today", "--date", "--json", "01-27"],
        ["launches", "02018"],
        ["launches", "2018", "--list", "--list"],
        ["search", "--limit=3", "apollo"],
        ["mission", "--", "soyuz-ms-11"],
        ["mission", "-"],
        ["--data", ".", "mission", "soyuz-ms-11"],
    ],
)
def test_doubtful_argv_is_left_to_typer(argv: list[str]) -> None:
    assert fast(argv) is None


CASES = [
    ["mission", "soyuz-ms-11"],
    ["mission", "--json", "soyuz ms 11"],
    ["mission", "soyuz-ms-11", "--explain"],
    ["mission", "no such thing"],
    ["crew", "apollo-11", "--json"],
    ["person", "kononenko"],
    ["launches", "2018"],
    ["launches", "--json", "1900"],
    ["launches", "2018", "--list", "--country", "US", "--uncrewed"],
    ["launches", "--by-year", "--json"],
    ["launches"],
    ["today", "--date", "01-27"],
    ["today", "--date", "02-30"],
    ["today", "--motd", "--date", "12-03"],
    ["today", "--category", "eva", "--days", "1", "--date", "07-20", "--json"],
    ["search", "apollo", "--limit", "3"],
    ["stats", "--json"],
    ["in-space", "--date", "1961-04-12T07:00", "--json"],
    ["records", "--as-of", "2000-01-01"],
    ["quiz", "--json", "--seed", "3", "-n", "2"],
    ["data", "info", "--json"],
    ["data", "validate", "/nonexistent-folder"],
]


@pytest.mark.parametrize("argv", CASES, ids=[" ".join(a) for a in CASES])
def test_the_fast_path_says_exactly_what_typer_says(argv: list[str]) -> None:
    answered = fast(argv)
    assert answered is not None, "every plain invocation should take the fast path"
    assert answered == typer(argv)


# ---- generated argv --------------------------------------------------------------------------

WORDS = [
    "soyuz-ms-11", "apollo-11", "kononenko", "anne mcclain", "2018", "1957", "1900", "9999",
    "10000", "0", "-1", "²⁰¹⁸", "٢٠١٨", "\uff12\uff10\uff11\uff18", "02018", "01-27", "12-03", "02-30", "2018-12-03",
    "Jan 27", "eva", "crewed", "US", "RU", "Falcon 9", "success", "3", "-", "--", "", " ", "[red]x",
    "\x1b[2J", "é", "-n", "--help", "--json", "--list", "--date", "--limit", "--nope", "--json=1",
]  # fmt: skip
SIDE_EFFECTS = {"--reset", "--ics"}


VALUES = {  # values of each type a person would give
    "int": ["2018", "1969", "1", "3", "12"],
    "path": ["/nonexistent-folder", "data"],
    "str": [
        "soyuz-ms-11",
        "apollo-11",
        "kononenko",
        "2018-12-03",
        "01-27",
        "eva",
        "US",
        "Jan 27",
        "1961-04-12T07:00",
    ],
}
DOUBTFUL = {  # and values only Typer should judge, or that the command itself refuses
    "int": ["0", "²⁰¹⁸", "٢٠١٨", "\uff12\uff10\uff11\uff18", "02018", "99999", "-1", "1e3", ""],
    "path": ["", "-", "--json"],
    "str": [w for w in WORDS if w not in VALUES["str"]],
}


@st.composite
def well_formed(draw: st.DrawFn, path: tuple[str, ...]) -> list[str]:
    """Each parameter of the command given or not, with a value of its type (or a doubtful one)."""
    words: list[list[str]] = []
    positional: list[str] = []
    for param in node_of(path)["params"]:
        if not param["passed"] or (not param["required"] and not draw(st.booleans())):
            continue
        kind = param["type"] if param["type"] in VALUES else "str"
        value = draw(st.sampled_from(DOUBTFUL[kind] if draw(st.integers(0, 5)) == 0 else VALUES[kind]))
        if param["argument"]:
            positional.append(value)
        elif param["type"] == "flag":
            words.append([draw(st.sampled_from(param["opts"] + param["false_opts"]))])
        else:
            words.append([draw(st.sampled_from(param["opts"])), value])
    words.insert(draw(st.integers(0, len(words))), positional)  # arguments among the options
    return [w for group in draw(st.permutations(words)) for w in group]


@st.composite
def argvs(draw: st.DrawFn) -> list[str]:
    path = draw(st.sampled_from(commands()))
    params = node_of(path)["params"]
    options = [o for p in params if not p["argument"] for o in (*p["opts"], *p["false_opts"])]
    pool = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(options or ["--json"]),
        st.text(max_size=6),
        st.integers(-10, 12000).map(str),
    )
    rest = draw(well_formed(path))
    if draw(st.integers(0, 5)) == 0:  # junk in any position
        for word in draw(st.lists(pool, max_size=3)):
            rest.insert(draw(st.integers(0, len(rest))), word)
    argv = [*path, *rest]
    if argv[:1] == ["quiz"]:
        # The interactive quiz reads a terminal and keeps answers (state); no seed means chance.
        argv += [] if "--json" in argv else ["--json"]
        argv += [] if "--seed" in argv else ["--seed", "1"]
    return [a for a in argv if a not in SIDE_EFFECTS]


def differential(argv: list[str]) -> None:
    event("fast path" if agree(argv) else "left to Typer")


QUICK = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
LONG = settings(max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))


# The generated argv run against tests/fixtures/small-data (the conftest's small_data): what is
# compared is how the two front ends read argv, not the data, and every command is cheaper there.


@QUICK
@given(argvs())
def test_generated_argv_agree(small_data: Path, argv: list[str]) -> None:
    differential(argv)


@pytest.mark.slow
@LONG
@given(argvs())
def test_generated_argv_agree_long(small_data: Path, argv: list[str]) -> None:
    differential(argv)
