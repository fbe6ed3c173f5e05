"""Who was in space, and records: tables and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts import nations
from spacefacts.history import InSpace, Records
from spacefacts.render import console


def in_space_json(result: InSpace) -> dict[str, Any]:
    return {
        "moment": result.moment.strftime("%Y-%m-%dT%H:%MZ"),
        "count": len(result.aloft),
        "rule": result.rule,
        "crew_data_ends": result.data_end,
        "beyond_data": result.beyond_data,
        "people": [
            {
                "id": a.person.id,
                "name": a.person.name,
                "country": a.nation.name,
                "country_code": a.nation.code,
                "mission": a.mission.id,
                "station": a.station,
                "launched": a.since.iso,
                "days_aloft": round(a.days(result.moment), 2),
            }
            for a in result.aloft
        ],
    }


def in_space(result: InSpace) -> None:
    from rich.table import Table

    when = result.moment.strftime("%Y-%m-%d %H:%M UTC")
    table = Table(title=f"In space at {when}: {len(result.aloft)}", title_justify="left")
    for column in ("Name", "Country", "Launched on", "Station", "Days aloft"):
        table.add_column(column, justify="right" if column == "Days aloft" else "left")
    for a in result.aloft:
        table.add_row(
            a.person.name, a.nation.name, a.mission.name, a.station or "-", f"{a.days(result.moment):.1f}"
        )
    out = console()
    out.print(table)
    out.print(f"[dim]Counted: {result.rule}; {nations.RULE}. Source: McDowell's crewed-flight list.[/dim]")


def records_json(result: Records) -> dict[str, Any]:
    return {
        "as_of": result.as_of.strftime("%Y-%m-%d"),
        "crew_data_ends": result.data_end,
        "records": [
            {
                "key": r.key,
                "title": r.title,
                "holder": r.holder.id if r.holder else None,
                "holder_name": r.holder.name if r.holder else None,
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
    from rich.table import Table

    out = console()
    table = Table(title=f"Records as of {result.as_of:%Y-%m-%d}", title_justify="left")
    for column in ("Record", "Holder", "Value", "Id"):
        table.add_column(column)
    for r in result.records:
        table.add_row(r.title, r.holder.name if r.holder else "-", r.value, r.holder.id if r.holder else "-")
    out.print(table)
    firsts = Table(title=f"First person of each country ({len(result.firsts)})", title_justify="left")
    for column in ("Country", "Person", "Mission", "Launch"):
        firsts.add_column(column)
    for country, p, m in result.firsts:
        firsts.add_row(country, p.name, m.name, m.launch.iso[:10])
    out.print(firsts)
    out.print("[dim]Rules: " + "; ".join(f"{r.title.lower()}: {r.rule}" for r in result.records) + ".[/dim]")
    out.print(
        f"[dim]{nations.RULE[0].upper()}{nations.RULE[1:]}. Source: McDowell, cosmos-book (EVAs).[/dim]"
    )
