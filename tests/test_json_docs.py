"""docs/json.md documents every key of every command's --json output (top level, and the objects in
its lists), in the section for that command."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spacefacts import fastpath
from spacefacts.cli import app

DOC = (Path(__file__).resolve().parents[1] / "docs" / "json.md").read_text(encoding="utf-8")
SECTIONS = {m.group(1): m.group(2) for m in re.finditer(r"^## (.+)\n((?:(?!^## ).*\n?)*)", DOC, re.M)}
# Objects keyed by data (state codes, family labels, days), not by schema.
KEYED_BY_DATA = {"by_state", "by_vehicle_family", "more_by_day", "other_orbital_launches_by_day", "filters"}

CASES = [
    (["mission", "soyuz-ms-11", "--json"], "`spacefacts mission NAME --json`"),
    (["mission", "soyuz-ms-11", "--explain", "--json"], "`spacefacts mission NAME --explain --json`"),
    (["launches", "2018", "--explain", "--json"], "`spacefacts launches YEAR --explain --json`"),
    (["crew", "soyuz-ms-11", "--json"], "`spacefacts crew NAME --json`"),
    (["person", "kononenko", "--json"], "`spacefacts person NAME --json`"),
    (["launches", "2018", "--json"], "`spacefacts launches YEAR --json`"),
    (["launches", "2018", "--list", "--json"], "`spacefacts launches YEAR --list --json`"),
    (["stats", "--json"], "`spacefacts stats --json`"),
    (["launches", "--by-year", "--json"], "`spacefacts launches --by-year --json`"),
    (["search", "apollo", "--json"], "`spacefacts search WORDS --json`"),
    (["data", "info", "--json"], "`spacefacts data info --json`"),
    (["data", "validate", "--json"], "`spacefacts data validate [DIR] --json`"),
    (["today", "--date", "01-27", "--json"], "`spacefacts today "),
    (["quiz", "--json", "--seed", "1", "-n", "30"], "`spacefacts quiz --json`"),
    (["in-space", "--date", "2019-01-01", "--json"], "`spacefacts in-space [--date D] --json`"),
    (["records", "--json"], "`spacefacts records [--as-of D] --json`"),
    (["station", "iss", "--json"], "`spacefacts station NAME --json`"),
]


def keys(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            items = inner if isinstance(inner, list) else []
            for item in items:
                if isinstance(item, dict) and key not in KEYED_BY_DATA:
                    found |= set(item)
    return found


def section(heading: str) -> str:
    matches = [text for title, text in SECTIONS.items() if heading in title]
    assert matches, f"docs/json.md has no section for {heading}"
    return "\n".join(matches)


@pytest.mark.parametrize(("argv", "heading"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_every_json_key_is_documented(argv: list[str], heading: str) -> None:
    result = CliRunner().invoke(app, argv, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    text = section(heading)
    missing = sorted(k for k in keys(json.loads(result.stdout)) if f"`{k}`" not in text)
    assert not missing, f"{heading}: undocumented keys {missing}"


def test_every_command_with_json_has_a_case() -> None:
    def walk(node: dict[str, Any], path: tuple[str, ...]) -> list[tuple[str, ...]]:
        if "commands" not in node:
            return [path] if any("--json" in p["opts"] for p in node["params"]) else []
        return [found for name, sub in node["commands"].items() for found in walk(sub, (*path, name))]

    for path in walk((fastpath.load_table() or {})["root"], ()):
        if path == ("data", "import-gcat"):
            assert "`spacefacts data import-gcat FILE --json`" in DOC  # needs a GCAT file: documented
            continue
        assert any(argv[: len(path)] == list(path) for argv, _ in CASES), path
