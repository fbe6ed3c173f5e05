"""Counts under the common counting rules (--explain): a Rich table and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.queries import (
    CountUnderRule,
)
from spacefacts.render import console
from spacefacts.render.grid import Grid


def rules_json(subject: str, rules: list[CountUnderRule]) -> dict[str, Any]:
    return {
        "subject": subject,
        "counts": [{"key": r.key, "rule": r.rule, "count": r.count, "used": r.default} for r in rules],
    }


def rules_table(subject: str, rules: list[CountUnderRule]) -> None:
    table = Grid(subject)
    table.add_column("Count", justify="right")
    table.add_column("Rule")
    for r in rules:
        table.add_row(str(r.count), r.rule + (" (the rule spacefacts uses)" if r.default else ""))
    out = console()
    out.print(table, crop=False)
    from rich.markup import escape

    from spacefacts.dataset import builtin_doc

    out.print(f"[dim]Why sources disagree: {escape(str(builtin_doc('counting.md')))}[/dim]", soft_wrap=True)
