"""Mission cards, launch years and dataset information: tables and JSON."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from spacefacts import nations, roles
from spacefacts.model import Launch
from spacefacts.queries import (
    SPACEWALK_RULE,
    CountUnderRule,
    CrewRow,
    EvaRow,
    FamilyCount,
    Hit,
    LaunchFilter,
    MissionCard,
    Ordinal,
    PersonCard,
    YearCount,
    YearList,
    YearSummary,
    ordinal,
)
from spacefacts.render import (
    add_row,
    chart_table,
    console,
    emit_json,
    format_duration,
    info_table,
    text,
    time_json,
    visible,
)

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
    from rich.table import Table

    m = card.mission
    out = console()
    info = info_table(text(m.name))
    if m.aliases:
        add_row(info, "Also", ", ".join(m.aliases))
    add_row(info, "Launch", m.launch.display())
    if m.vehicle:
        add_row(info, "Vehicle", m.vehicle)
    if card.site_name:
        # GCAT writes a runway as a pad code (RW16/34, SpaceShipTwo at Spaceport America).
        pad = "" if not m.pad else f", runway {m.pad[2:]}" if m.pad.startswith("RW") else f", pad {m.pad}"
        add_row(info, "Site", f"{card.site_name}{pad}")
    if m.platform:
        add_row(info, "Air launch", m.platform)
    if m.accident:
        add_row(info, "Outcome", m.accident)
    else:
        add_row(
            info,
            "Outcome",
            OUTCOME_TEXT.get(m.outcome, m.outcome) + (f" ({m.kind})" if m.kind != "abort" else ""),
        )
    if m.station:
        add_row(info, "Station", m.station)
    for event in card.events:
        label = "Docking" if event.category == "docking" else "Event"
        after = ""
        if event.date.precision in ("minute", "second") and m.launch.precision in ("minute", "second"):
            after = f" ({format_duration(event.date.start - m.launch.start)} after launch)"
        add_row(info, label, f"{event.date.display()}{after}: {event.title}")
    if m.landing and (m.accident or m.kind == "abort"):
        # An abort need not have left the pad (STS-41-D): its end is no landing.
        add_row(info, "Ended", m.landing.display())
    elif m.landing:
        add_row(info, "Landing", m.landing.display() + ("" if card.down or not m.crew else " (uncrewed)"))
    elif m.in_flight:
        add_row(info, "Landing", "in flight at the source's last update")
    so_far = (
        f" so far (in flight at {card.counted_to:%Y-%m-%d}, where the data ends)" if card.counted_to else ""
    )
    add_row(info, "Duration", format_duration(card.duration) + so_far)
    facts = [o for o in (card.year_ordinal, card.family_ordinal) if o]
    for fact in facts:
        add_row(info, "Fact", _ordinal_text(fact))
    for label, value in extra_rows:
        add_row(info, label, value)
    out.print(info)
    if card.crew:
        crew = Table(title="Crew (up: launched on this ship)", title_justify="left")
        for column in ("Name", "Country", "Role", "Flight", "Came home"):
            crew.add_column(column)
        for row in card.crew:
            nth = f"{ordinal(row.flight_number)} flight" if row.flight_number else "-"
            add_row(crew, row.person.name, row.nation.name, row.role_name, nth, _came_home(row, card))
        out.print(crew)
    if _down_differs(card):
        down = Table(title="Down: came home on this ship", title_justify="left")
        for column in ("Name", "Country", "Launched on", "Time aloft"):
            down.add_column(column, no_wrap=column == "Time aloft")  # a duration is never split
        for row in card.down:
            up = row.up.name if row.up else "-"
            add_row(down, row.person.name, row.nation.name, up, format_duration(row.time_aloft))
        out.print(down)
    if card.evas:
        title = f"EVAs during the mission: {_spacewalks(card)}"
        evas = Table(title=text(title), title_justify="left")
        for column in ("Start (UTC)", "Who", "Duration"):
            evas.add_column(column, no_wrap=column == "Duration")  # a duration is never split
        for eva_row in card.evas:
            add_row(
                evas,
                eva_row.eva.start.display().removesuffix(" UTC"),
                eva_row.person.name,
                format_duration(eva_row.eva.duration),
            )
        out.print(evas)
    notes = [f"{o.scope}: counted as {o.rule}" for o in facts]
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
    if notes:
        out.print("[dim]Rules: " + "; ".join(notes) + "[/dim]")
    out.print("[dim]Sources: " + "; ".join(sources) + "[/dim]")


def family_label(count: FamilyCount) -> str:
    """The family with up to three of its vehicles: "R-7 (Soyuz-FG, Soyuz-2-1A, ...)"; the family's
    name alone when its one vehicle bears it."""
    names = count.vehicles
    if names == (count.family,):
        return count.family
    return f"{count.family} ({', '.join(names[:3])}{', ...' if len(names) > 3 else ''})"


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
        "by_vehicle_family": {family_label(count): count.launches for count in summary.by_family()},
        "failed": [launch_json(launch) for launch in summary.launches if not launch.success],
    }


def year_summary(summary: YearSummary) -> None:
    from rich.table import Table

    out = console()
    title = f"Orbital launches in {summary.year}"
    if not summary.complete:
        title += f" (data ends {summary.coverage_end})"
    # A title wraps at the table's width: make the table as wide as its title.
    table = Table(
        title=text(title), title_justify="left", show_header=False, min_width=min(len(title), out.width)
    )
    table.add_column(style="bold")
    table.add_column(justify="right")
    add_row(table, "Attempts", str(summary.total))
    add_row(table, "Successes", str(summary.successes))
    add_row(table, "Failures", str(summary.failures))
    add_row(table, "Partial (within the above)", str(summary.partial))
    out.print(table)
    failed = [launch for launch in summary.launches if not launch.success]
    if failed:
        rows = Table(title="Failures", title_justify="left")
        for column in ("#", "Date", "Vehicle", "Payload", "Tag"):
            rows.add_column(column)
        for launch in failed:
            number = summary.launches.index(launch) + 1
            add_row(rows, str(number), launch.date.iso[:10], launch.vehicle, launch.payload, launch.tag)
        out.print(rows)
    out.print(f"[dim]Counted: {summary.rule}. Source: GCAT, Jonathan McDowell (CC-BY).[/dim]")


def data_info(info: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    table = Table(title=f"spacefacts data {info['version']}", title_justify="left")
    for column in ("File", "Records", "Covers", "Source", "License"):
        table.add_column(column)
    for entry in info["files"]:
        add_row(
            table, entry["file"], str(entry["records"]), entry["covers"], entry["source"], entry["license"]
        )
    out.print(table)
    out.print(f"[dim]Data folder: {text(info['directory'])}[/dim]")
    if info.get("imported_launches"):
        out.print(
            f"[dim]Launches come from your import: {text(info['imported_launches'])} "
            "(spacefacts data reset undoes the last import).[/dim]"
        )


def problems(found: list[str]) -> None:
    for line in found:
        sys.stdout.write(visible(line) + "\n")


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
    from rich.table import Table

    m = card.mission
    table = Table(title=text(f"Crew of {m.name} ({m.launch.iso[:10]})"), title_justify="left")
    for column in ("Name", "Country", "Role", "Flight", "Came home", "Id"):
        table.add_column(column, no_wrap=column == "Id")  # the id is what people copy: never cut
    for row in card.crew:
        nth = f"{ordinal(row.flight_number)} flight" if row.flight_number else "-"
        add_row(
            table, row.person.name, row.nation.name, row.role_name, nth, _came_home(row, card), row.person.id
        )
    out = console()
    out.print(table)
    if _down_differs(card):
        down = Table(title=text(f"Came home on {m.name}"), title_justify="left")
        for column in ("Name", "Launched on", "Time aloft", "Id"):
            down.add_column(column, no_wrap=column in ("Time aloft", "Id"))  # durations and ids whole
        for row in card.down:
            up = row.up.name if row.up else "-"
            add_row(down, row.person.name, up, format_duration(row.time_aloft), row.person.id)
        out.print(down)
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
    from rich.table import Table

    p = card.person
    out = console()
    info = info_table(text(p.name))
    if p.native_name:
        add_row(info, "Native name", p.native_name)
    if p.born:
        add_row(info, "Born", p.born.display())
    if p.died:
        add_row(info, "Died", p.died.display())
    add_row(info, "Country", _countries(card))
    add_row(
        info, "Flights", str(len(card.flights)) + (f" (+{len(card.aborts)} abort)" if card.aborts else "")
    )
    total = format_duration(card.time_in_space)
    if card.counted_to:
        total += f", counting the flight in progress to {card.counted_to:%Y-%m-%d} (where the data ends)"
    add_row(info, "Time in space", total)
    if card.evas:
        eva = f"{len(card.evas)}, {format_duration(card.eva_time)}"
        if card.evas_without_duration:
            eva += f" ({card.evas_without_duration} without a recorded duration)"
        add_row(info, "EVAs", eva)
    if card.age_at_first_flight is not None:
        add_row(info, "Age at first flight", str(card.age_at_first_flight))
    out.print(info)
    rows = Table(title="Flights", title_justify="left")
    for column in ("#", "Mission", "Role", "Launch (UTC)", "Return (UTC)", "Duration"):
        rows.add_column(column, no_wrap=column in ("#", "Duration"))  # a duration is never split
    for n, row in enumerate(card.flights, 1):
        back = row.end.display().removesuffix(" UTC") if row.end else "in space"
        if row.counted_to:
            back = f"in space at the data's end ({row.counted_to:%Y-%m-%d})"
        if row.returned_on:
            back += f" on {row.returned_on.name}"
        add_row(
            rows,
            str(n),
            row.mission.name,
            row.role_name,
            row.mission.launch.display().removesuffix(" UTC"),
            back,
            (format_duration(row.duration) + (" so far" if row.counted_to else "")) if row.duration else "-",
        )
    for row in card.aborts:
        add_row(
            rows, "-", f"{row.mission.name} (abort)", row.role_name, row.mission.launch.iso[:10], "-", "-"
        )
    out.print(rows)
    out.print(
        f"[dim]Time in space: the sum of (own return - launch) over flights; {nations.RULE}. "
        f"Sources: McDowell ({text(p.src)})"
        + (f"; cosmos-book {text(p.cosmos)}" if p.cosmos else "")
        + "[/dim]"
    )


def _share(counts: list[tuple[str, int]], names: dict[str, str], top: int = 8) -> list[tuple[str, int]]:
    shown = [(names.get(key, key), n) for key, n in counts[:top]]
    rest = sum(n for _, n in counts[top:])
    return shown + ([(f"{len(counts) - top} others", rest)] if rest else [])


def year_breakdown(summary: YearSummary, names: dict[str, str]) -> None:
    from rich.table import Table

    out = console()
    for title, counts in (
        ("By launching state", _share(summary.by_state(), names)),
        ("By vehicle family", _share([(family_label(c), c.launches) for c in summary.by_family()], {})),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("")
        table.add_column("Launches", justify="right")
        for key, n in counts:
            add_row(table, key, str(n))
        out.print(table)


def year_list_json(listing: YearList) -> dict[str, Any]:
    return {
        "year": listing.summary.year,
        "orbital_launch_attempts": listing.summary.total,
        "filters": {k: v for k, v in vars(listing.filters).items() if v is not None},
        "rule": listing.summary.rule,
        "launches": [
            {"number": n, **launch_json(launch), "crewed": launch.tag in listing.crewed}
            for n, launch in listing.rows
        ],
    }


def filter_words(flt: LaunchFilter) -> str:
    """`crewed only, vehicle Falcon 9`: the filters as a reader would say them."""
    words = []
    if flt.crewed is not None:
        words.append("crewed only" if flt.crewed else "uncrewed only")
    words += [
        f"{name} {value}" for name, value in (("country", flt.country), ("vehicle", flt.vehicle)) if value
    ]
    if flt.outcome:
        words.append(f"{flt.outcome}s only" if flt.outcome != "partial" else "partial successes only")
    return ", ".join(words)


def year_list(listing: YearList, site_names: dict[str, str]) -> None:
    from rich.table import Table

    s = listing.summary
    title = f"Orbital launches in {s.year}: {len(listing.rows)} of {s.total}"
    if listing.filters.is_set():
        title += f" ({filter_words(listing.filters)})"
    table = Table(title=text(title), title_justify="left", min_width=min(len(title), console().width))
    for column in ("#", "Date (UTC)", "Vehicle", "Site", "Payload", "Outcome"):
        table.add_column(column, justify="right" if column == "#" else "left")
    for n, launch in listing.rows:
        payload = launch.payload + (" (crewed)" if launch.tag in listing.crewed else "")
        add_row(
            table,
            str(n),
            launch.date.iso[:16].replace("T", " "),
            launch.vehicle,
            site_names.get(launch.site, launch.site),
            payload,
            launch.outcome,
        )
    out = console()
    out.print(table)
    out.print(f"[dim]# = number among the year's {s.rule}. Source: GCAT, Jonathan McDowell (CC-BY).[/dim]")


def by_year_json(counts: list[YearCount]) -> dict[str, Any]:
    return {
        "rule": "orbital launch attempts from Earth in GCAT, failures included",
        "years": [
            {"year": c.year, "attempts": c.attempts, "successes": c.successes, "failures": c.failures}
            for c in counts
        ],
    }


def by_year_chart(counts: list[YearCount], coverage_end: str, record: bool = False) -> Any:
    """A bar per year: successes as full blocks, failures as light shade. Returns the console."""
    from rich.console import Console
    from rich.text import Text

    out = console() if not record else Console(record=True, width=100, highlight=False)
    width = max(10, min(80, out.width - 20))
    peak = max(c.attempts for c in counts) or 1
    table = chart_table("Orbital launch attempts per year (successes █, failures ░)")
    for c in counts:
        ok = round(c.successes * width / peak)
        bad = round(c.failures * width / peak)
        if c.failures and not bad:
            bad = 1
        bar = Text("█" * ok, style="green") + Text("░" * bad, style="red")
        label = str(c.year) + ("*" if coverage_end[:4] == str(c.year) and coverage_end[5:] != "12-31" else "")
        add_row(table, label, str(c.attempts), bar)
    out.print(table)
    out.print(
        f"[dim]* data ends {text(coverage_end)}. Counted: orbital launch attempts from Earth, failures included. "
        "Source: GCAT, Jonathan McDowell (CC-BY).[/dim]"
    )
    return out


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
