"""Stations and expeditions: the station page, its chart, and the lines other cards add.

Every string from the data goes into Rich as Text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from spacefacts.failures import AfterFailure
from spacefacts.render import console, format_duration, time_json, visible
from spacefacts.render.grid import Grid, chart_grid, info_grid
from spacefacts.stations import CrewExpeditions, Expedition, Served, StationCard

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

ROLE_ORDER = {"commander": 0}


def _t(value: str) -> Text:
    """Text, never markup, with control characters shown (spacefacts.render.visible)."""
    from rich.text import Text

    return Text(visible(value))


def _day(value: Any) -> str:
    return value.iso[:10] if value is not None else "-"


def _when(value: Any) -> str:
    return value.display().removesuffix(" UTC") if value is not None else "-"


# ---- lines on other cards -------------------------------------------------------------------


def crew_expeditions_text(crew: CrewExpeditions) -> str | None:
    """`Expedition 58/59 (also in Expedition 57 for 17 days at the hand-over)`."""
    if not crew.label and not crew.brief:
        return None
    parts = []
    if crew.label:
        if all(s.expedition.station == "iss" for s in crew.label):
            parts.append("Expedition " + "/".join(s.short for s in crew.label))
        else:
            parts.append(", ".join(s.expedition.name for s in crew.label))
    if crew.brief:
        overlap = ", ".join(f"{s.expedition.name} for {round(s.days)} days" for s in crew.brief)
        parts.append(f"(also in {overlap} at the hand-over)")
    return " ".join(parts)


def after_failure_text(fact: AfterFailure) -> str:
    return (
        f"the first {fact.scope} after the failed launch of {fact.failed.name} on "
        f"{fact.failed.launch.iso[:10]}, {fact.days} days earlier"
    )


def mission_rows(crew: CrewExpeditions, after: AfterFailure | None) -> list[tuple[str, str]]:
    rows = []
    text = crew_expeditions_text(crew)
    if text:
        rows.append(("Expeditions", text))
    if after is not None:
        rows.append(("Fact", after_failure_text(after)))
    return rows


def mission_json(crew: CrewExpeditions, after: AfterFailure | None) -> dict[str, Any]:
    return {
        "expeditions": [_served_json(s, brief=False) for s in crew.label]
        + [_served_json(s, brief=True) for s in crew.brief],
        "expeditions_label": crew_expeditions_text(crew),
        "expeditions_rule": crew.rule,
        "after_failure": None
        if after is None
        else {
            "failed_mission": after.failed.id,
            "failed_name": after.failed.name,
            "failed_launch": time_json(after.failed.launch),
            "days": after.days,
            "scope": after.scope,
            "text": after_failure_text(after),
            "rule": after.rule,
        },
    }


def _served_json(s: Served, brief: bool) -> dict[str, Any]:
    return {
        "id": s.expedition.id,
        "name": s.expedition.name,
        "station": s.expedition.station,
        "role": s.member.role,
        "days": round(s.days, 1),
        "hand_over_only": brief,
    }


def person_expeditions_json(rows: Sequence[Served]) -> list[dict[str, Any]]:
    return [
        {
            **_served_json(s, brief=False),
            "from": time_json(s.expedition.span_of(s.member)[0]),
            "to": time_json(s.expedition.span_of(s.member)[1]),
            "arrived_on": s.member.up,
            "left_on": s.member.down,
        }
        for s in rows
    ]


def person_expeditions(rows: Sequence[Served]) -> None:
    if not rows:
        return
    commands = sum(1 for s in rows if s.member.role == "commander")
    title = f"Expeditions ({len(rows)}" + (f", commander of {commands}" if commands else "") + ")"
    table = Grid(title)
    for column in ("Expedition", "Role", "From (UTC)", "To (UTC)"):
        table.add_column(column)
    for s in rows:
        start, end = s.expedition.span_of(s.member)
        table.add_row(s.expedition.name, s.member.role or "-", _when(start), _when(end))
    out = console()
    out.print(table, crop=False)
    out.print(
        _t("Expeditions: curated records, each citing its source (spacefacts station NAME)."), style="dim"
    )


# ---- the station page ------------------------------------------------------------------------


def _people(card: StationCard, e: Expedition) -> str:
    members = sorted(e.members, key=lambda m: ROLE_ORDER.get(m.role or "", 1))
    parts = []
    for m in members:
        person = card.people.get(m.person)
        name = person.name if person else m.person
        extra = []
        if m.role == "commander":
            extra.append("commander")
        if m.joined:
            extra.append(f"from {m.joined.iso[:10]}")
        if m.left:
            extra.append(f"until {m.left.iso[:10]}")
        parts.append(name + (f" ({', '.join(extra)})" if extra else ""))
    return ", ".join(parts)


def station_json(card: StationCard) -> dict[str, Any]:
    s = card.station
    longest = card.longest
    until = datetime.fromisoformat(f"{card.data_end}T12:00:00+00:00") if card.data_end else None
    return {
        "id": s.id,
        "name": s.name,
        "aliases": list(s.aliases),
        "mcdowell_names": list(s.mcdowell),
        "launch": {"tag": s.launch_tag, "date": time_json(s.launch), "source": f"GCAT {s.launch_src}"},
        "reentry": None if s.reentry is None else {"date": time_json(s.reentry), "source": s.reentry_source},
        "crewed_visits": {
            "count": len(card.visits),
            "first": card.visits[0].id if card.visits else None,
            "last": card.visits[-1].id if card.visits else None,
            "rule": card.visit_rule,
        },
        "longest_stay": None
        if longest is None or until is None
        else {
            "person": longest.person.id,
            "name": longest.person.name,
            "mission": longest.mission.id,
            "days": round(longest.duration(until).total_seconds() / 86400, 2),
            "rule": card.stay_rule,
        },
        "expeditions": [
            {
                "id": e.id,
                "name": e.name,
                "number": e.number,
                "start": time_json(e.start),
                "start_event": e.start_event,
                "end": time_json(e.end),
                "end_event": e.end_event,
                "note": e.note,
                "crew": [
                    {
                        "person": m.person,
                        "name": card.people[m.person].name if m.person in card.people else None,
                        "role": m.role,
                        "arrived_on": m.up,
                        "left_on": m.down,
                        "joined": time_json(m.joined),
                        "left": time_json(m.left),
                    }
                    for m in e.members
                ],
                "sources": list(e.sources),
            }
            for e in card.expeditions
        ],
        "data_end": card.data_end,
        "aboard_at_data_end": [
            {
                "person": a.person.id,
                "name": a.person.name,
                "mission": a.mission.id,
                "launched": a.mission.launch.iso,
            }
            for a in card.aboard_at_end
        ],
        "aboard_rule": card.aboard_rule,
        "people_aboard_per_day": [
            {"from": start.isoformat(), "to": end.isoformat(), "count": count}
            for start, end, count in card.per_day
        ],
    }


def station_page(card: StationCard) -> None:
    s = card.station
    out = console()
    info = info_grid(s.name)
    info.add_row("Launch", f"{s.launch.display()} (GCAT {s.launch_tag})")
    if s.reentry:
        info.add_row("Re-entry", s.reentry.display())
    elif card.data_end:
        info.add_row("Re-entry", f"none known (in orbit at the data's end, {card.data_end}, or not cited)")
    if card.visits:
        first, last = card.visits[0], card.visits[-1]
        info.add_row(
            "Crewed visits",
            f"{len(card.visits)}: the first {first.name} ({first.launch.iso[:10]}), the last {last.name} ({last.launch.iso[:10]})",
        )
    until = datetime.fromisoformat(f"{card.data_end}T12:00:00+00:00") if card.data_end else None
    if card.longest is not None and until is not None:
        stay = card.longest
        info.add_row(
            "Longest stay",
            f"{stay.person.name}, {format_duration(stay.duration(until))} ({stay.mission.name})",
        )
    out.print(info, crop=False)
    if card.expeditions:
        table = Grid(f"Expeditions with a record ({len(card.expeditions)})")
        for column in ("Expedition", "Start (UTC)", "End (UTC)", "Crew"):
            table.add_column(column)
        for e in card.expeditions:
            table.add_row(e.name, _when(e.start), _when(e.end), _people(card, e))
        out.print(table, crop=False)
    else:
        out.print(_t("No expedition records for this station yet (see docs/data.md)."), style="dim")
    if s.reentry is None and card.data_end:
        aboard = Grid(f"Aboard on {card.data_end} ({len(card.aboard_at_end)})")
        for column in ("Name", "Country", "Launched on", "Launch (UTC)"):
            aboard.add_column(column)
        for a in card.aboard_at_end:
            aboard.add_row(a.person.name, a.person.country, a.mission.name, a.mission.launch.iso[:10])
        out.print(aboard, crop=False)
    if card.per_day:
        aboard_chart(card, out)
    notes = [
        f"crewed visits: {card.visit_rule}",
        f"longest stay: {card.stay_rule}",
        f"aboard: {card.aboard_rule}",
    ]
    out.print(_t("Rules: " + "; ".join(notes) + "."), style="dim")
    sources = [f"launch: GCAT {s.launch_src}", "visits and crews: McDowell's crewed-flight list"]
    if s.reentry_source:
        sources.append(f"re-entry: {s.reentry_source}")
    if card.expeditions:
        sources.append("expeditions: curated/expeditions.toml, each record citing its pages (--json)")
    out.print(_t("Sources: " + "; ".join(sources) + "."), style="dim")


def _periods(card: StationCard) -> list[tuple[str, float, int]]:
    """(label, mean aboard per day, most aboard) per year, or per month for a short-lived station."""
    first, last = card.per_day[0][0], card.per_day[-1][1]
    monthly = (last - first).days <= 4 * 366
    totals: dict[str, list[int]] = {}
    for start, end, count in card.per_day:
        day = start
        while day <= end:
            key = day.strftime("%Y-%m") if monthly else str(day.year)
            totals.setdefault(key, []).append(count)
            day = date.fromordinal(day.toordinal() + 1)
    return [(key, sum(v) / len(v), max(v)) for key, v in totals.items()]


def aboard_chart(card: StationCard, out: Console | None = None) -> None:
    out = out or console()
    periods = _periods(card)
    width = max(10, min(60, out.width - 30))
    peak = max((mean for _, mean, _ in periods), default=0) or 1
    unit = "month" if len(periods[0][0]) == 7 else "year"
    table = chart_grid(f"People aboard, mean per day by {unit} (█) and the most on one day")
    table.add_column(justify="right")
    for label, mean, most in periods:
        table.add_row(label, f"{mean:.1f}", (("█" * round(mean * width / peak), "cyan"),), f"max {most}")
    out.print(table, crop=False)
