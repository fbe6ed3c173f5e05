"""Mission cards and crew tables: Rich tables and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacefacts import nations, roles
from spacefacts.queries import (
    SPACEWALK_RULE,
    CrewRow,
    EvaRow,
    MissionCard,
    Ordinal,
    ordinal,
)
from spacefacts.render import (
    console,
    format_duration,
    text,
    time_json,
)
from spacefacts.render.grid import Grid, info_grid


def _ordinal(value: Ordinal | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"number": value.number, "total": value.total, "of": value.scope, "rule": value.rule}


def _ordinal_text(value: Ordinal) -> str:
    return f"the {ordinal(value.number)} {value.scope} (of {value.total})"


# McDowell's list says whether a crew got above 80 km, not whether the mission met its goals.
OUTCOME_TEXT = {"success": "reached space", "launch failure": "launch failure", "abort": "abort below 80 km"}


def crew_json(rows: list[CrewRow]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        aloft = row.time_aloft
        out.append(
            {
                "id": row.person.id,
                "name": row.person.name,
                "country": row.nation.name,
                "country_code": row.nation.code,
                "role": row.role,
                "role_name": row.role_name,
                "flight_number": row.flight_number,
                "launched_on": row.up.id if row.up else None,
                "return": time_json(row.home),
                "returned_on": row.home_on.id if row.home_on else None,
                "returned_on_name": row.home_on.name if row.home_on else row.home_on_name,
                "time_aloft_seconds": int(aloft.total_seconds()) if aloft is not None else None,
            }
        )
    return out


def _came_home(row: CrewRow, card: MissionCard) -> str:
    """The crew row's own return, where it is not simply the ship's landing."""
    m = card.mission
    if m.accident:
        return "killed"
    if row.home is None:
        return "still in space at the data's end"
    if row.home_on is m:
        return "with the ship"
    ship = row.home_on.name if row.home_on else row.home_on_name or "another ship (flew up uncrewed)"
    return f"{row.home.iso[:10]} on {ship}, {format_duration(row.time_aloft)}"


def _eva_json(row: EvaRow) -> dict[str, Any]:
    duration = row.eva.duration
    return {
        "person": row.person.id,
        "start": time_json(row.eva.start),
        "end": time_json(row.eva.end),
        "duration_minutes": int(duration.total_seconds() // 60) if duration is not None else None,
        "source": row.eva.src,
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
        "landing": None if m.accident else time_json(m.landing),
        "flight_end": time_json(m.landing),
        "in_flight": m.in_flight,
        "duration_seconds": int(duration.total_seconds()) if duration is not None else None,
        "duration_counted_to": card.counted_to.strftime("%Y-%m-%d") if card.counted_to else None,
        "vehicle": m.vehicle,
        "site": m.site,
        "site_name": card.site_name,
        "pad": m.pad,
        "platform": m.platform,
        "station": m.station,
        "station_name": card.station_name,
        "callsign": m.callsign,
        "spacecraft_family": m.family,
        "cospar": m.launch_tag,
        "crew": crew_json(card.crew),
        "up": crew_json(card.up),
        "down": crew_json(card.down),
        "accident": m.accident,
        "accident_source": m.accident_source,
        "evas": [_eva_json(row) for row in card.evas],
        "spacewalks": card.spacewalks,
        "year_ordinal": _ordinal(card.year_ordinal),
        "family_ordinal": _ordinal(card.family_ordinal),
        "events": [
            {"id": e.id, "date": time_json(e.date), "title": e.title, "source": e.source} for e in card.events
        ],
        "sources": [f"McDowell {m.src}"] + ([f"GCAT {card.launch.src}"] if card.launch else []),
    }


def mission_card(card: MissionCard, extra_rows: Sequence[tuple[str, str]] = ()) -> None:
    out = console()
    info = info_grid(card.mission.name)
    for label, value in [*_info_rows(card), *extra_rows]:
        info.add_row(label, value)
    out.print(info, crop=False)
    for table in _people_tables(card):
        out.print(table, crop=False)
    notes, sources = _notes_and_sources(card)
    if notes:
        out.print("[dim]Rules: " + "; ".join(notes) + "[/dim]")
    out.print("[dim]Sources: " + "; ".join(sources) + "[/dim]")


def _info_rows(card: MissionCard) -> list[tuple[str, str]]:
    """The card's rows, label and value, from its names to the computed facts."""
    m = card.mission
    rows = [("Also", ", ".join(m.aliases))] if m.aliases else []
    rows.append(("Launch", m.launch.display()))
    if m.vehicle:
        rows.append(("Vehicle", m.vehicle))
    if card.site_name:
        # GCAT writes a runway as a pad code (RW16/34, SpaceShipTwo at Spaceport America).
        pad = "" if not m.pad else f", runway {m.pad[2:]}" if m.pad.startswith("RW") else f", pad {m.pad}"
        rows.append(("Site", f"{card.site_name}{pad}"))
    if m.platform:
        rows.append(("Air launch", m.platform))
    outcome = OUTCOME_TEXT.get(m.outcome, m.outcome) + (f" ({m.kind})" if m.kind != "abort" else "")
    rows.append(("Outcome", m.accident or outcome))
    if m.station:
        rows.append(("Station", card.station_name or m.station))
    rows += _event_rows(card)
    rows += _end_rows(card)
    rows += [("Fact", _ordinal_text(fact)) for fact in (card.year_ordinal, card.family_ordinal) if fact]
    return rows


def _event_rows(card: MissionCard) -> list[tuple[str, str]]:
    m, rows = card.mission, []
    for event in card.events:
        label = "Docking" if event.category == "docking" else "Event"
        after = ""
        if event.date.precision in ("minute", "second") and m.launch.precision in ("minute", "second"):
            after = f" ({format_duration(event.date.start - m.launch.start)} after launch)"
        rows.append((label, f"{event.date.display()}{after}: {event.title}"))
    return rows


def _end_rows(card: MissionCard) -> list[tuple[str, str]]:
    """How the flight ended (or that it had not), and its duration."""
    m, rows = card.mission, []
    if m.landing and (m.accident or m.kind == "abort"):
        # An abort need not have left the pad (STS-41-D): its end is no landing.
        rows.append(("Ended", m.landing.display()))
    elif m.landing:
        rows.append(("Landing", m.landing.display() + ("" if card.down or not m.crew else " (uncrewed)")))
    elif m.in_flight:
        rows.append(("Landing", "in flight at the source's last update"))
    so_far = (
        f" so far (in flight at {card.counted_to:%Y-%m-%d}, where the data ends)" if card.counted_to else ""
    )
    rows.append(("Duration", format_duration(card.duration) + so_far))
    return rows


def _people_tables(card: MissionCard) -> list[Grid]:
    """The crew up, the crew down when it differs, and the EVAs: tables, those that apply."""
    tables = []
    if card.crew:
        crew = Grid("Crew (up: launched on this ship)")
        for column in ("Name", "Country", "Role", "Flight", "Came home"):
            crew.add_column(column)
        for row in card.crew:
            nth = f"{ordinal(row.flight_number)} flight" if row.flight_number else "-"
            crew.add_row(row.person.name, row.nation.name, row.role_name, nth, _came_home(row, card))
        tables.append(crew)
    if _down_differs(card):
        down = Grid("Down: came home on this ship")
        for column in ("Name", "Country", "Launched on", "Time aloft"):
            down.add_column(column, wrap=column != "Time aloft")  # a duration is never split
        for row in card.down:
            up = row.up.name if row.up else "-"
            down.add_row(row.person.name, row.nation.name, up, format_duration(row.time_aloft))
        tables.append(down)
    if card.evas:
        evas = Grid(f"EVAs during the mission: {_spacewalks(card)}")
        for column in ("Start (UTC)", "Who", "Duration"):
            evas.add_column(column, wrap=column != "Duration")  # a duration is never split
        for eva_row in card.evas:
            evas.add_row(
                eva_row.eva.start.display().removesuffix(" UTC"),
                eva_row.person.name,
                format_duration(eva_row.eva.duration),
            )
        tables.append(evas)
    return tables


def _notes_and_sources(card: MissionCard) -> tuple[list[str], list[str]]:
    """The counting rules the card relies on, and its sources (markup-escaped where from data)."""
    m = card.mission
    notes = [f"{o.scope}: counted as {o.rule}" for o in (card.year_ordinal, card.family_ordinal) if o]
    if card.crew:
        notes += [nations.RULE, roles.RULE]
    if card.evas and card.spacewalks != len(card.evas):
        notes.append(SPACEWALK_RULE)
    sources = [f"McDowell crewed-flight list ({text(m.src)})"]
    if card.launch:
        sources.append(f"GCAT launch log ({text(card.launch.src)})")
    if card.evas:
        kinds = {
            "curated/evas.toml" if r.eva.src.startswith("curated/") else "cosmos-book person files"
            for r in card.evas
        }
        sources.append(
            "EVAs: "
            + ", ".join(sorted(kinds))
            + (" (sources per EVA: --json)" if len(kinds) > 1 or "curated/evas.toml" in kinds else "")
        )
    return notes, sources


def _spacewalks(card: MissionCard) -> str:
    walks, people = card.spacewalks, len(card.evas)
    text = f"{walks} spacewalk{'s' if walks != 1 else ''}"
    return text if walks == people else f"{text}, {people} person-EVAs"


def _down_differs(card: MissionCard) -> bool:
    """Whether the crew that came home on the ship is not simply the crew that launched on it."""
    m = card.mission
    if m.accident or m.in_flight or m.landing is None or not m.crew:
        return False
    return bool(card.down) and [r.person.id for r in card.down] != [r.person.id for r in card.up]


def crew_table(card: MissionCard) -> None:
    m = card.mission
    table = Grid(f"Crew of {m.name} ({m.launch.iso[:10]})")
    for column in ("Name", "Country", "Role", "Flight", "Came home", "Id"):
        table.add_column(column, wrap=column != "Id")  # the id is what people copy: never cut
    for row in card.crew:
        nth = f"{ordinal(row.flight_number)} flight" if row.flight_number else "-"
        table.add_row(
            row.person.name, row.nation.name, row.role_name, nth, _came_home(row, card), row.person.id
        )
    out = console()
    out.print(table, crop=False)
    if _down_differs(card):
        down = Grid(f"Came home on {m.name}")
        for column in ("Name", "Launched on", "Time aloft", "Id"):
            down.add_column(column, wrap=column not in ("Time aloft", "Id"))  # durations and ids whole
        for row in card.down:
            up = row.up.name if row.up else "-"
            down.add_row(row.person.name, up, format_duration(row.time_aloft), row.person.id)
        out.print(down, crop=False)
    elif m.landing and not m.accident and not card.down and m.crew:
        out.print(text(f"{m.name} landed uncrewed: its crew came home on other ships."))
    out.print(
        f"[dim]{roles.RULE[0].upper()}{roles.RULE[1:]}; {nations.RULE}. "
        f"Source: McDowell crewed-flight list ({text(m.src)}).[/dim]"
    )


def crew_list_json(card: MissionCard) -> dict[str, Any]:
    return {
        "mission": card.mission.id,
        "name": card.mission.name,
        "crew": crew_json(card.crew),
        "up": crew_json(card.up),
        "down": crew_json(card.down),
    }
