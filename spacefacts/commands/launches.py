"""Launch counts: `launches`, `stats`, and `search` over every name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from spacefacts import session
from spacefacts.commands.app import JsonOption, app, complete_year, show
from spacefacts.errors import NotFound, UsageError
from spacefacts.frontend import lazy_module

if TYPE_CHECKING:
    import typer

    from spacefacts.dataset import Dataset
else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@app.command()
def launches(
    year: Annotated[
        int | None,
        typer.Argument(
            help="Calendar year, e.g. 2018.",
            min=1000,
            max=9999,
            show_default=False,
            autocompletion=complete_year,
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="Every launch of the year with its number.")] = False,
    by_year: Annotated[
        bool, typer.Option("--by-year", help="Launches per year for all years, as a chart.")
    ] = False,
    country: Annotated[
        str | None,
        typer.Option(help="Launching state: GCAT code or name (RU, US, China).", show_default=False),
    ] = None,
    vehicle: Annotated[
        str | None, typer.Option(help="Vehicle or its family (Falcon 9, R-7).", show_default=False)
    ] = None,
    outcome: Annotated[
        str | None, typer.Option(help="success, failure or partial.", show_default=False)
    ] = None,
    crewed: Annotated[
        bool | None, typer.Option("--crewed/--uncrewed", help="Only launches with, or without, a crew.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="What is counted, and the count under other common rules.")
    ] = False,
    json: JsonOption = False,
) -> None:
    """Orbital launch attempts from Earth in a year: counts, breakdowns, and the list with ordinals.

    Example: spacefacts launches 2018 --list --country US
    """
    from spacefacts import queries
    from spacefacts.render import counting, emit_json
    from spacefacts.render import launches as render

    ds = session.dataset()
    if by_year:
        _by_year(ds, json)
        return
    if year is None:
        raise UsageError("give a YEAR (e.g. spacefacts launches 2018) or --by-year")
    if explain:
        rules = queries.year_under_rules(ds, year)
        subject = f"Orbital launches in {year} under different counting rules"
        show(json, counting.rules_json, counting.rules_table, subject, rules)
        return
    flt = queries.LaunchFilter(country, vehicle, outcome, crewed)
    if list_ or flt.is_set():
        listing = queries.list_year(ds, year, flt)
        if json:
            emit_json(render.year_list_json(listing))
        else:
            render.year_list(listing, {code: site.name for code, site in ds.sites.items()})
        return
    summary = queries.launches_in_year(ds, year)
    if json:
        emit_json(render.year_json(summary))
    else:
        render.year_summary(summary)
        render.year_breakdown(summary, queries.state_names(ds))


def _by_year(ds: Dataset, json: bool) -> None:
    from spacefacts import queries
    from spacefacts.render import emit_json
    from spacefacts.render import launches as render

    counts = queries.launches_by_year(ds)
    if json:
        emit_json(render.by_year_json(counts))
    else:
        render.by_year_chart(counts, str(ds.launch_meta.get("last", "")))


@app.command()
def stats(json: JsonOption = False) -> None:
    """Orbital launch attempts per year, 1957 to the last year in the data, as a chart.

    Example: spacefacts stats
    """
    _by_year(session.dataset(), json)


@app.command()
def search(
    text: Annotated[
        str,
        typer.Argument(metavar="WORDS", help="Words to look for in missions, people, events and payloads."),
    ],
    limit: Annotated[int, typer.Option(metavar="N", help="At most this many hits.", min=1)] = 20,
    json: JsonOption = False,
) -> None:
    """Search missions, people, events and launch payload names; each hit with its kind and id.

    Example: spacefacts search apollo
    """
    from spacefacts import search as finder
    from spacefacts.render import search as render

    hits = finder.search(session.dataset(), text, limit)
    if not hits:
        raise NotFound(f"nothing matches '{text}'")
    show(json, render.search_json, render.search_hits, text, hits)
