"""Who was in space, and records: tables and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts import nations
from spacefacts.history import InSpace, Records
from spacefacts.render import console, text
from spacefacts.render.grid import Grid


def in_space_json(result: InSpace) -> dict[str, Any]:
    return {
        "moment": result.moment.strftime("%Y-%m-%dT%H:%MZ"),
        "count": len(result.aloft),
        "rule": result.rule,
        "crew_data_ends": result.data_end,
        "beyond_data": result.beyond_data,
        "days_counted_to": (result.counted_to or result.moment).strftime("%Y-%m-%d"),
        "people": [
            {
                "id": a.person.id,
                "name": a.person.name,
                "country": a.nation.name,
                "country_code": a.nation.code,
                "mission": a.mission.id,
                "station": a.station,
                "station_name": a.station_name,
                "launched": a.since.iso,
                "days_aloft": round(a.days(result.counted_to or result.moment), 2),
            }
            for a in result.aloft
        ],
    }


def in_space(result: InSpace, expeditions: dict[str, str] | None = None) -> None:
    """`expeditions`: person id -> the expedition they served in then, where a record says so."""
    when = result.moment.strftime("%Y-%m-%d %H:%M UTC")
    known = f", as of the data's end {result.data_end}" if result.beyond_data else ""
    table = Grid(f"In space at {when}{known}: {len(result.aloft)}")
    columns = ["Name", "Country", "Launched on", "Station", "Days aloft"]
    if expeditions:
        columns.insert(4, "Expedition")
    # A station's short name is words ("ISS", "Salyut 7"): the grid keeps each column at least as
    # wide as its longest word, so a narrow terminal wraps the name rather than cutting it.
    for column in columns:
        table.add_column(column, justify="right" if column == "Days aloft" else "left")
    for a in result.aloft:
        cells = [a.person.name, a.nation.name, a.mission.name, a.station_short or a.station or "-"]
        if expeditions:
            cells.append(expeditions.get(a.person.id, "-"))
        table.add_row(*cells, f"{a.days(result.counted_to or result.moment):.1f}")
    out = console()
    out.print(table, crop=False)
    if result.counted_to and result.counted_to < result.moment:
        out.print(
            f"Days aloft are counted to {result.counted_to:%Y-%m-%d}, where the crew data ends; "
            "who flew or landed after that is not known here."
        )
    out.print(
        f"[dim]Counted: {text(result.rule)}; {nations.RULE}. Source: McDowell's crewed-flight list.[/dim]"
    )


def records_json(result: Records) -> dict[str, Any]:
    return {
        "as_of": result.as_of.strftime("%Y-%m-%d"),
        "crew_data_ends": result.data_end,
        "flights_in_progress_counted_to": result.counted_to.strftime("%Y-%m-%d"),
        "records": [
            {
                "key": r.key,
                "title": r.title,
                "holder": r.holder.id if r.holder else None,
                "holder_name": r.holder.name if r.holder else None,
                "holders": [{"id": p.id, "name": p.name} for p in r.holders],
                "tie": len(r.holders) > 1,
                "in_progress": r.in_progress,
                "value": r.value,
                "since": r.detail,
                "rule": r.rule,
            }
            for r in result.records
        ],
        "national_firsts_rule": nations.RULE,
        "national_firsts": [
            {"country": country, "person": p.id, "name": p.name, "mission": m.id, "launch": m.launch.iso}
            for country, p, m in result.firsts
        ],
    }


def records(result: Records) -> None:
    out = console()
    title = f"Records as of {result.as_of:%Y-%m-%d}"
    if result.data_end and result.data_end[:10] < f"{result.as_of:%Y-%m-%d}":
        title += f" (crew data ends {result.data_end[:10]}; later flights are not in the data)"
    table = Grid(title)
    for column in ("Record", "Holder", "Value", "Id"):
        table.add_column(column, wrap=column != "Id")  # the id is what people copy: never cut
    for r in result.records:
        holders = r.holders or ((r.holder,) if r.holder else ())
        names = ", ".join(p.name for p in holders) or "-"
        if len(holders) > 1:
            names += f" (tied, {len(holders)})"
        value = r.value + (
            f" (still in space; counted to {result.counted_to:%Y-%m-%d})" if r.in_progress else ""
        )
        # One id a line: a tie of many holders would otherwise be one uncuttable line that
        # squeezes the other columns to nothing at 80 columns.
        table.add_row(r.title, names, value, [p.id for p in holders] or "-")
    out.print(table, crop=False)
    firsts = Grid(f"First person of each country ({len(result.firsts)})")
    for column in ("Country", "Person", "Mission", "Launch"):
        firsts.add_column(column)
    for country, p, m in result.firsts:
        firsts.add_row(country, p.name, m.name, m.launch.iso[:10])
    out.print(firsts, crop=False)
    out.print(
        "[dim]Rules: " + text("; ".join(f"{r.title.lower()}: {r.rule}" for r in result.records)) + ".[/dim]"
    )
    out.print(
        f"[dim]{nations.RULE[0].upper()}{nations.RULE[1:]}. Source: McDowell, cosmos-book (EVAs).[/dim]"
    )
