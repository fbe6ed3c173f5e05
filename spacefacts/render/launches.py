"""Launch years (summary, breakdown, filtered list) and launches per year: Rich tables, chart and JSON."""

from __future__ import annotations

from typing import Any

from spacefacts.model import Launch
from spacefacts.queries import (
    FamilyCount,
    LaunchFilter,
    YearCount,
    YearList,
    YearSummary,
)
from spacefacts.render import (
    console,
    text,
    time_json,
)
from spacefacts.render.grid import Grid, chart_grid


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
    out = console()
    title = f"Orbital launches in {summary.year}"
    if not summary.complete:
        title += f" (data ends {summary.coverage_end})"
    table = Grid(title, header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("Attempts", str(summary.total))
    table.add_row("Successes", str(summary.successes))
    table.add_row("Failures", str(summary.failures))
    table.add_row("Partial (within the above)", str(summary.partial))
    out.print(table, crop=False)
    failed = [launch for launch in summary.launches if not launch.success]
    if failed:
        rows = Grid("Failures")
        for column in ("#", "Date", "Vehicle", "Payload", "Tag"):
            rows.add_column(column)
        for launch in failed:
            number = summary.launches.index(launch) + 1
            rows.add_row(str(number), launch.date.iso[:10], launch.vehicle, launch.payload, launch.tag)
        out.print(rows, crop=False)
    out.print(f"[dim]Counted: {summary.rule}. Source: GCAT, Jonathan McDowell (CC-BY).[/dim]")


def _share(counts: list[tuple[str, int]], names: dict[str, str], top: int = 8) -> list[tuple[str, int]]:
    shown = [(names.get(key, key), n) for key, n in counts[:top]]
    rest = sum(n for _, n in counts[top:])
    return shown + ([(f"{len(counts) - top} others", rest)] if rest else [])


def year_breakdown(summary: YearSummary, names: dict[str, str]) -> None:
    out = console()
    for title, counts in (
        ("By launching state", _share(summary.by_state(), names)),
        ("By vehicle family", _share([(family_label(c), c.launches) for c in summary.by_family()], {})),
    ):
        table = Grid(title)
        table.add_column("")
        table.add_column("Launches", justify="right")
        for key, n in counts:
            table.add_row(key, str(n))
        out.print(table, crop=False)


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
    s = listing.summary
    title = f"Orbital launches in {s.year}: {len(listing.rows)} of {s.total}"
    if listing.filters.is_set():
        title += f" ({filter_words(listing.filters)})"
    table = Grid(title)
    for column in ("#", "Date (UTC)", "Vehicle", "Site", "Payload", "Outcome"):
        table.add_column(column, justify="right" if column == "#" else "left")
    for n, launch in listing.rows:
        payload = launch.payload + (" (crewed)" if launch.tag in listing.crewed else "")
        table.add_row(
            str(n),
            launch.date.iso[:16].replace("T", " "),
            launch.vehicle,
            site_names.get(launch.site, launch.site),
            payload,
            launch.outcome,
        )
    out = console()
    out.print(table, crop=False)
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

    out = console() if not record else Console(record=True, width=100, highlight=False)
    width = max(10, min(80, out.width - 20))
    peak = max(c.attempts for c in counts) or 1
    table = chart_grid("Orbital launch attempts per year (successes █, failures ░)")
    for c in counts:
        ok = round(c.successes * width / peak)
        bad = round(c.failures * width / peak)
        if c.failures and not bad:
            bad = 1
        label = str(c.year) + ("*" if coverage_end[:4] == str(c.year) and coverage_end[5:] != "12-31" else "")
        table.add_row(label, str(c.attempts), (("█" * ok, "green"), ("░" * bad, "red")))
    out.print(table, crop=False)
    out.print(
        f"[dim]* data ends {text(coverage_end)}. Counted: orbital launch attempts from Earth, failures included. "
        "Source: GCAT, Jonathan McDowell (CC-BY).[/dim]"
    )
    return out
