"""Every command's help, rendered at 80 columns, reads well (issue 16): no type labels on flags,
value names in capitals, no Typer braces, docstrings as paragraphs, an example per command."""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.testing import CliRunner

from spacefacts import fastpath
from spacefacts.cli import app
from spacefacts.typerapp import _paragraphs

TABLE = fastpath.load_table() or {}


def paths(node: dict[str, Any] = TABLE["root"], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in node.get("commands", {}).items():
        found += paths(sub, (*path, name)) if "commands" in sub else [(*path, name)]
    return found


def node(path: tuple[str, ...]) -> dict[str, Any]:
    found: dict[str, Any] = TABLE["root"]
    for name in path:
        found = found["commands"][name]
    return found


def help_text(path: tuple[str, ...], columns: int) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("path", paths(), ids=lambda p: " ".join(p) or "(top)")
def test_help_reads_well_at_80_columns(path: tuple[str, ...]) -> None:
    text = help_text(path, 80)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "<bool>" not in text
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage and "}" not in usage
    for word in usage.split("[OPTIONS]", 1)[1].split():
        assert word.strip("[].") == word.strip("[].").upper(), usage  # NAME, [YEAR], COMMAND [ARGS]...
    assert not re.search(r"--[\w-]+\s+<\w", text)  # --date DATE, not --date <str>
    assert not re.search(r"<(str|int|path|float|text|int range)>", text)  # NAME, not NAME <str>
    for param in node(path)["params"]:
        if not param["argument"] and param["type"] != "flag" and param["passed"]:
            option = max(param["opts"], key=len)
            assert re.search(rf"{option}\s+(-\w\s+)?[A-Z][A-Z_]*\b", text), option
    if "function" in node(path):
        assert f"Example: spacefacts {' '.join(path)}" in text


def declared_doc(path: tuple[str, ...]) -> str:
    import importlib

    module, _, name = node(path)["function"].partition(":")
    return str(getattr(importlib.import_module(module), name).__doc__)


@pytest.mark.parametrize("path", [p for p in paths() if p and "function" in node(p)], ids=" ".join)
def test_docstrings_are_paragraphs_rich_may_wrap(path: tuple[str, ...]) -> None:
    """Each paragraph of the docstring is one line in a wide terminal: no break the source put in."""
    wide = [line.strip() for line in help_text(path, 1000).splitlines()]
    for paragraph in str(_paragraphs(declared_doc(path))).split("\n\n"):
        assert paragraph.strip() in wide, paragraph
