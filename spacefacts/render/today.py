"""On this day: the table, the JSON document and the iCalendar export."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from spacefacts.render import console, emit_json, text, time_json, visible
from spacefacts.render.grid import Grid
from spacefacts.today import Anniversary, Today, day_name
from spacefacts.today.landmarks import categories

__all__ = ["emit_json"]

ICS_PRODID = "-//spacefacts//on this day//EN"


def _ago(result: Today, row: Anniversary) -> str:
    years = result.years_ago(row)
    if years == 0:
        return "this year"
    return "1 year ago" if years == 1 else f"{years} years ago"


def _lookup(row: Anniversary) -> str:
    return f"{row.lookup[0]} {row.lookup[1]}" if row.lookup else ""


def _days_title(result: Today) -> str:
    first, last = result.month_days[0], result.month_days[-1]
    if first == last:
        return day_name(first)
    return f"{day_name(first)} to {day_name(last)}"


def _other_line(result: Today) -> str:
    total = result.other_launch_total
    if not total:
        return ""
    noun = "orbital launch" if total == 1 else "orbital launches"
    where = "on this date" if len(result.month_days) == 1 else "on these dates"
    return f"and {total} other {noun} {where}"


def row_json(result: Today, row: Anniversary) -> dict[str, Any]:
    return {
        "id": row.key,
        "month_day": row.month_day,
        "date": time_json(row.when),
        "year": row.year,
        "years_ago": result.years_ago(row),
        "tier": row.tier,
        "category": row.category,
        "categories": sorted(categories(row)),
        "kind": row.kind,
        "title": row.title,
        "notes": list(row.notes),
        "text": row.text,
        "mission": row.mission,
        "person": row.person,
        "launch_tag": row.launch_tag,
        "people": list(row.people),
        "lookup": _lookup(row) or None,
        "sources": list(row.sources),
    }


def today_json(result: Today) -> dict[str, Any]:
    return {
        "date": result.date.isoformat(),
        "month_days": list(result.month_days),
        "days": result.days,
        "category": result.category,
        "limit": result.limit,
        "rule": result.rule,
        "events": [row_json(result, row) for row in result.rows],
        "more": result.more,
        "more_by_day": result.hidden_by_day,
        "other_orbital_launches": result.other_launch_total,
        "other_orbital_launches_by_day": result.other_launches,
        "other_orbital_launches_rule": result.other_launches_rule,
    }


def today_table(result: Today) -> None:
    out = console()
    window = len(result.month_days) > 1
    table = Grid(f"On this day: {_days_title(result)}")
    if window:
        table.add_column("Date")
    table.add_column("Year", justify="right")
    table.add_column("When")
    table.add_column("What happened")
    table.add_column("Look up")
    for row in result.rows:
        cells = [str(row.year), _ago(result, row), row.text, _lookup(row)]
        table.add_row(*([day_name(row.month_day)] if window else []), *cells)
    if result.rows:
        out.print(table, crop=False)
    else:
        out.print(text(f"No listed events on {_days_title(result)} in the data."))
    if other := _other_line(result):
        out.print(text(other))
    if result.more:
        out.print(f"{result.more} more (--limit 0 lists all)")
    # The full rule is in --help and --json; a morning read wants one line of it.
    out.print(
        "[dim]Ranked by tier (accidents and national firsts, then crewed flights and planetary events, "
        "then dockings and other firsts, then EVAs and people), then by year. "
        "Sources per row: --json.[/dim]"
    )


def motd_line(line: str) -> None:
    # Plain print, not Rich: a start-up file wants no markup, colour or wrapping; still inert text.
    print(visible(line))


def write_ics(result: Today, path: Path | str) -> tuple[int, str]:
    """Write the listed rows as yearly all-day events (spacefacts.export's rules; `-` is stdout).

    Returns the number of events written and where they went.
    """
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    from spacefacts.export import write_file

    cal = Calendar()
    cal.add("prodid", ICS_PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "spacefacts: on this day")
    # The stamp is the reference date, not the clock, so the same command writes the same file.
    stamp = datetime.combine(result.date, datetime.min.time(), tzinfo=UTC)
    for row in result.rows:
        event = IcsEvent()
        event.add("uid", f"{row.key}@spacefacts")
        event.add("dtstamp", stamp)
        event.add("dtstart", date.fromisoformat(row.when.iso[:10]))
        event.add("rrule", {"freq": "yearly"})
        event.add("summary", f"{row.year}: {row.text}")
        lines = [f"Look up: spacefacts {_lookup(row)}"] if row.lookup else []
        lines.append("Sources: " + "; ".join(row.sources))
        event.add("description", "\n".join(lines))
        event.add("categories", [row.category])
        cal.add_component(event)
    # A calendar file is for sharing: the usual permissions, not the private ones of user state.
    return len(result.rows), write_file(path, cal.to_ical())
