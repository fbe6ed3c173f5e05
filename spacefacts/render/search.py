"""Search hits: a Rich table and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.render import console
from spacefacts.render.grid import Grid
from spacefacts.search import Hit


def search_json(text: str, hits: list[Hit]) -> dict[str, Any]:
    return {
        "query": text,
        "hits": [{"kind": h.kind, "id": h.id, "title": h.title, "detail": h.detail} for h in hits],
    }


def search_hits(query: str, hits: list[Hit]) -> None:
    table = Grid(f"Matches for '{query}'")
    # The id is what people copy: never cut, never wrapped; the name and detail wrap instead.
    table.add_column("Kind", wrap=False)
    table.add_column("Id", wrap=False)
    table.add_column("Name")
    table.add_column("Detail")
    for h in hits:
        table.add_row(h.kind, h.id, h.title, h.detail)
    console().print(table, crop=False)
