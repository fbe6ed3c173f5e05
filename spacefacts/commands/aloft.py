"""Who was up, and the records: `in-space`, `records`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

from spacefacts import session
from spacefacts.commands.app import JsonOption, app, show
from spacefacts.frontend import echo, lazy_module

if TYPE_CHECKING:
    import typer

else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@app.command("in-space")
def in_space(
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="YYYY-MM-DD (noon UTC) or YYYY-MM-DDTHH:MM (UTC); default now.",
            show_default=False,
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Who was in space at a moment: mission, station and days aloft; back to 1961.

    Example: spacefacts in-space --date 1995-03-22
    """
    from spacefacts import history, stations
    from spacefacts.render import emit_json
    from spacefacts.render import history as render

    ds = session.dataset()
    result = history.in_space(ds, history.parse_moment(date))
    serving = {
        a.person.id: e.name
        for a in result.aloft
        if (e := stations.expedition_at(ds, a.person.id, result.moment)) is not None
    }
    if json:
        data = render.in_space_json(result)
        for row in data["people"]:
            row["expedition"] = serving.get(row["id"])
        emit_json(data)
    else:
        render.in_space(result, serving)
    if result.beyond_data:
        # After the output, flushed: where it cannot be written (a closed stdout), the one error
        # line is all the user sees, not this note as well.
        sys.stdout.flush()
        echo(
            f"spacefacts: crew data ends {result.data_end}; launches after that are not known, "
            "so this lists who was up then and had not returned by the last update",
            err=True,
        )


@app.command()
def records(
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="YYYY-MM-DD: records as they stood then; default now."),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Longest flight, most time in space, most flights and EVAs, youngest and oldest, national firsts.

    Example: spacefacts records --as-of 2000-01-01
    """
    from spacefacts import history
    from spacefacts.render import history as render

    result = history.records(session.dataset(), history.parse_moment(as_of))
    show(json, render.records_json, render.records, result)
