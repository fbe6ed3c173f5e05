"""Person cards: Rich tables and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts import nations
from spacefacts.queries import (
    PersonCard,
)
from spacefacts.render import (
    console,
    format_duration,
    text,
    time_json,
)
from spacefacts.render.grid import Grid, info_grid


def person_json(card: PersonCard) -> dict[str, Any]:
    p = card.person

    def flight(row: Any) -> dict[str, Any]:
        return {
            "mission": row.mission.id,
            "name": row.mission.name,
            "role": row.role,
            "role_name": row.role_name,
            "launch": time_json(row.mission.launch),
            "return": time_json(row.end),
            "returned_on": row.returned_on.id if row.returned_on else None,
            "country": row.nation.name,
            "country_code": row.nation.code,
            "duration_seconds": int(row.duration.total_seconds()) if row.duration is not None else None,
            "in_progress_counted_to": row.counted_to.strftime("%Y-%m-%d") if row.counted_to else None,
        }

    return {
        "id": p.id,
        "name": p.name,
        "sort_name": p.sort_name,
        "native_name": p.native_name,
        "aliases": list(p.aliases),
        "born": time_json(p.born),
        "died": time_json(p.died),
        "citizen": p.citizen,
        "country": card.country.name,
        "flew_for": [n.name for n in card.flew_for],
        "country_rule": nations.RULE,
        "gender": p.gender,
        "flights": [flight(row) for row in card.flights],
        "aborts": [flight(row) for row in card.aborts],
        "in_space": card.in_space,
        "time_in_space_seconds": int(card.time_in_space.total_seconds()),
        "counted_to": card.counted_to.strftime("%Y-%m-%d") if card.counted_to else None,
        "eva_count": len(card.evas),
        "eva_time_seconds": int(card.eva_time.total_seconds()),
        "evas_without_duration": card.evas_without_duration,
        "age_at_first_flight": card.age_at_first_flight,
        "sources": [f"McDowell {p.src}"] + ([f"cosmos-book {p.cosmos}"] if p.cosmos else []),
    }


def _countries(card: PersonCard) -> str:
    """'Soviet Union (now Russia)', 'Soviet Union, then Russia', 'Japan'."""
    flew = [n.name for n in card.flew_for] or [card.country.name]
    text = ", then ".join(flew)
    return text if flew[-1] == card.country.name else f"{text} (now {card.country.name})"


def person_card(card: PersonCard) -> None:
    p = card.person
    out = console()
    info = info_grid(p.name)
    if p.native_name:
        info.add_row("Native name", p.native_name)
    if p.born:
        info.add_row("Born", p.born.display())
    if p.died:
        info.add_row("Died", p.died.display())
    info.add_row("Country", _countries(card))
    info.add_row("Flights", str(len(card.flights)) + (f" (+{len(card.aborts)} abort)" if card.aborts else ""))
    total = format_duration(card.time_in_space)
    if card.counted_to:
        total += f", counting the flight in progress to {card.counted_to:%Y-%m-%d} (where the data ends)"
    info.add_row("Time in space", total)
    if card.evas:
        eva = f"{len(card.evas)}, {format_duration(card.eva_time)}"
        if card.evas_without_duration:
            eva += f" ({card.evas_without_duration} without a recorded duration)"
        info.add_row("EVAs", eva)
    if card.age_at_first_flight is not None:
        info.add_row("Age at first flight", str(card.age_at_first_flight))
    out.print(info, crop=False)
    rows = Grid("Flights")
    for column in ("#", "Mission", "Role", "Launch (UTC)", "Return (UTC)", "Duration"):
        rows.add_column(column, wrap=column not in ("#", "Duration"))  # a duration is never split
    for n, row in enumerate(card.flights, 1):
        back = row.end.display().removesuffix(" UTC") if row.end else "in space"
        if row.counted_to:
            back = f"in space at the data's end ({row.counted_to:%Y-%m-%d})"
        if row.returned_on:
            back += f" on {row.returned_on.name}"
        rows.add_row(
            str(n),
            row.mission.name,
            row.role_name,
            row.mission.launch.display().removesuffix(" UTC"),
            back,
            (format_duration(row.duration) + (" so far" if row.counted_to else "")) if row.duration else "-",
        )
    for row in card.aborts:
        rows.add_row("-", f"{row.mission.name} (abort)", row.role_name, row.mission.launch.iso[:10], "-", "-")
    out.print(rows, crop=False)
    out.print(
        f"[dim]Time in space: the sum of (own return - launch) over flights; {nations.RULE}. "
        f"Sources: McDowell ({text(p.src)})"
        + (f"; cosmos-book {text(p.cosmos)}" if p.cosmos else "")
        + "[/dim]"
    )
