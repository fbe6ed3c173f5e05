"""Search hits: a Rich table and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.render import (
    add_row,
    console,
    text,
)
from spacefacts.search import Hit


def search_json(text: str, hits: list[Hit]) -> dict[str, Any]:
    return {
        "query": text,
        "hits": [{"kind": h.kind, "id": h.id, "title": h.title, "detail": h.detail} for h in hits],
    }


def search_hits(query: str, hits: list[Hit]) -> None:
    from rich.table import Table

    out = console()
    table = Table(title=text(f"Matches for '{query}'"), title_justify="left")
    # The id is what people copy: never cut, never wrapped; the name and detail wrap instead.
    kind_width = max(len("Kind"), *(len(h.kind) for h in hits))
    id_width = max(len("Id"), *(len(h.id) for h in hits))
    left = out.width - kind_width - id_width - 13  # 13: borders and padding of four columns
    detail = max(len("Detail"), *(len(h.detail) for h in hits))
    table.add_column("Kind", no_wrap=True)
    table.add_column("Id", no_wrap=True, min_width=id_width)
    table.add_column("Name")
    name = max(len("Name"), *(len(h.title) for h in hits))
    # The detail gets what the names leave, and at least a third of the room.
    table.add_column("Detail", max_width=max(10, min(detail, max(left // 3, left - name))))
    for h in hits:
        add_row(table, h.kind, h.id, h.title, h.detail)
    out.print(table)
