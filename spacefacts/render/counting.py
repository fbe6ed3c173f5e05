"""Counts under the common counting rules (--explain): a Rich table and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.queries import (
    CountUnderRule,
)
from spacefacts.render import (
    add_row,
    console,
    text,
)


def rules_json(subject: str, rules: list[CountUnderRule]) -> dict[str, Any]:
    return {
        "subject": subject,
        "counts": [{"key": r.key, "rule": r.rule, "count": r.count, "used": r.default} for r in rules],
    }


def rules_table(subject: str, rules: list[CountUnderRule]) -> None:
    from rich.table import Table

    table = Table(title=text(subject), title_justify="left")
    table.add_column("Count", justify="right")
    table.add_column("Rule")
    for r in rules:
        add_row(table, str(r.count), r.rule + (" (the rule spacefacts uses)" if r.default else ""))
    out = console()
    out.print(table)
    from rich.markup import escape

    from spacefacts.dataset import builtin_doc

    out.print(f"[dim]Why sources disagree: {escape(str(builtin_doc('counting.md')))}[/dim]", soft_wrap=True)
