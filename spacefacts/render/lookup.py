"""Mission cards, launch years and dataset information: tables and JSON."""

from __future__ import annotations

import sys
from typing import Any

from spacefacts.model import Launch
from spacefacts.queries import MissionCard, Ordinal, YearSummary, ordinal
from spacefacts.render import console, emit_json, format_duration, time_json

__all__ = ["emit_json"]


def _ordinal(value: Ordinal | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"number": value.number, "total": value.total, "of": value.scope, "rule": value.rule}


def _ordinal_text(value: Ordinal) -> str:
    return f"the {ordinal(value.number)} {value.scope} (of {value.total})"


def launch_json(launch: Launch) -> dict[str, Any]:
    return {
        "tag": launch.tag,
        "date": time_json(launch.date),
        "vehicle": launch.vehicle,
        "vehicle_family": launch.family,
        "site": launch.site,
        "pad": launch.pad,
        "state": launch.state,
        "agency": launch.agency,
        "outcome": launch.outcome,
        "gcat_code": launch.code,
        "payload": launch.payload,
        "payloads": launch.payloads,
        "from_earth": launch.earth,
        "source": f"GCAT {launch.src}",
    }


def mission_json(card: MissionCard) -> dict[str, Any]:
    m = card.mission
    duration = card.duration
    return {
        "id": m.id,
        "name": m.name,
        "aliases": list(m.aliases),
        "kind": m.kind,
        "outcome": m.outcome,
        "launch": time_json(m.launch),
        "landing": time_json(m.landing),
        "in_flight": m.in_flight,
        "duration_seconds": int(duration.total_seconds()) if duration is not None else None,
        "vehicle": m.vehicle,
        "site": m.site,
        "site_name": card.site_name,
        "pad": m.pad,
        "station": m.station,
        "callsign": m.callsign,
        "spacecraft_family": m.family,
        "cospar": m.launch_tag,
        "crew": [
            {
                "id": row.person.id,
                "name": row.person.name,
                "country": row.person.country,
                "role": row.role,
                "flight_number": row.flight_number,
            }
            for row in card.crew
        ],
        "year_ordinal": _ordinal(card.year_ordinal),
        "family_ordinal": _ordinal(card.family_ordinal),
        "events": [
            {"id": e.id, "date": time_json(e.date), "title": e.title, "source": e.source} for e in card.events
        ],
        "sources": [f"McDowell {m.src}"] + ([f"GCAT {card.launch.src}"] if card.launch else []),
    }


def mission_card(card: MissionCard) -> None:
    from rich.table import Table

    m = card.mission
    out = console()
    info = Table(show_header=False, box=None, pad_edge=False, title=f"{m.name}", title_justify="left")
    info.add_column(style="bold")
    info.add_column()
    if m.aliases:
        info.add_row("Also", ", ".join(m.aliases))
    info.add_row("Launch", m.launch.display())
    if m.vehicle:
        info.add_row("Vehicle", m.vehicle)
    if card.site_name:
        pad = f", pad {m.pad}" if m.pad else ""
        info.add_row("Site", f"{card.site_name}{pad}")
    info.add_row("Outcome", m.outcome + (f" ({m.kind})" if m.kind != "abort" else ""))
    if m.station:
        info.add_row("Station", m.station)
    for event in card.events:
        info.add_row(event.category.capitalize(), f"{event.date.display()}: {event.title}")
    if m.landing:
        info.add_row("Landing", m.landing.display())
    elif m.in_flight:
        info.add_row("Landing", "in flight at the source's last update")
    info.add_row("Duration", format_duration(card.duration))
    facts = [o for o in (card.year_ordinal, card.family_ordinal) if o]
    for fact in facts:
        info.add_row("Fact", _ordinal_text(fact))
    out.print(info)
    if card.crew:
        crew = Table(title="Crew", title_justify="left")
        for column in ("Name", "Country", "Role", "Flight"):
            crew.add_column(column)
        for row in card.crew:
            nth = f"{ordinal(row.flight_number)} flight" if row.flight_number else "-"
            crew.add_row(row.person.name, row.person.country, row.role, nth)
        out.print(crew)
    notes = [f"{o.scope}: counted as {o.rule}" for o in facts]
    sources = [f"McDowell crewed-flight list ({m.src})"]
    if card.launch:
        sources.append(f"GCAT launch log ({card.launch.src})")
    out.print("[dim]Rules: " + "; ".join(notes) + "[/dim]" if notes else "", end="\n" if notes else "")
    out.print("[dim]Sources: " + "; ".join(sources) + "[/dim]")


def year_json(summary: YearSummary) -> dict[str, Any]:
    return {
        "year": summary.year,
        "orbital_launch_attempts": summary.total,
        "successes": summary.successes,
        "failures": summary.failures,
        "partial": summary.partial,
        "complete_year": summary.complete,
        "data_ends": summary.coverage_end,
        "rule": summary.rule,
        "by_state": dict(summary.by_state()),
        "failed": [launch_json(launch) for launch in summary.launches if not launch.success],
    }


def year_summary(summary: YearSummary) -> None:
    from rich.table import Table

    out = console()
    title = f"Orbital launches in {summary.year}"
    if not summary.complete:
        title += f" (data ends {summary.coverage_end})"
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("Attempts", str(summary.total))
    table.add_row("Successes", str(summary.successes))
    table.add_row("Failures", str(summary.failures))
    table.add_row("Partial (within the above)", str(summary.partial))
    out.print(table)
    failed = [launch for launch in summary.launches if not launch.success]
    if failed:
        rows = Table(title="Failures", title_justify="left")
        for column in ("#", "Date", "Vehicle", "Payload", "Tag"):
            rows.add_column(column)
        for launch in failed:
            number = summary.launches.index(launch) + 1
            rows.add_row(str(number), launch.date.iso[:10], launch.vehicle, launch.payload, launch.tag)
        out.print(rows)
    out.print(f"[dim]Counted: {summary.rule}. Source: GCAT, Jonathan McDowell (CC-BY).[/dim]")


def data_info(info: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    table = Table(title=f"spacefacts data {info['version']}", title_justify="left")
    for column in ("File", "Records", "Covers", "Source", "License"):
        table.add_column(column)
    for entry in info["files"]:
        table.add_row(
            entry["file"], str(entry["records"]), entry["covers"], entry["source"], entry["license"]
        )
    out.print(table)
    out.print(f"[dim]Data folder: {info['directory']}[/dim]")


def problems(found: list[str]) -> None:
    for line in found:
        sys.stdout.write(line + "\n")
