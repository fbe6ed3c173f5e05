"""What the dataset holds (`data info`) and the problems `data validate` found."""

from __future__ import annotations

import sys
from typing import Any

from spacefacts.render import (
    console,
    text,
    visible,
)
from spacefacts.render.grid import Grid


def data_info(info: dict[str, Any]) -> None:
    out = console()
    table = Grid(f"spacefacts data {info['version']}")
    for column in ("File", "Records", "Covers", "Source", "License"):
        table.add_column(column)
    for entry in info["files"]:
        table.add_row(
            entry["file"], str(entry["records"]), entry["covers"], entry["source"], entry["license"]
        )
    out.print(table, crop=False)
    out.print(f"[dim]Data folder: {text(info['directory'])}[/dim]")
    if info.get("imported_launches"):
        out.print(
            f"[dim]Launches come from your import: {text(info['imported_launches'])} "
            "(spacefacts data reset undoes the last import).[/dim]"
        )


def problems(found: list[str]) -> None:
    for line in found:
        sys.stdout.write(visible(line) + "\n")
