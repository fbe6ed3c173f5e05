"""On this day: `spacefacts today` (spacefacts/today/, render/today.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from spacefacts import session
from spacefacts.commands.app import JsonOption, app, complete_today_category
from spacefacts.errors import UsageError, one_line
from spacefacts.frontend import echo, lazy_module

if TYPE_CHECKING:
    import typer

else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@app.command()
def today(
    date_: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="YYYY-MM-DD, MM-DD, 'Jan 27' or '27 January'; default today.",
            show_default=False,
        ),
    ] = None,
    days: Annotated[
        int, typer.Option("--days", metavar="N", help="Also N days before and after (like calendar -A/-B).")
    ] = 0,
    category: Annotated[
        str | None,
        typer.Option(
            help="launch, crewed, eva, landing, planetary, docking, accident or first.",
            show_default=False,
            autocompletion=complete_today_category,
        ),
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", help="At most N events per day; 0 lists all.")] = 12,
    motd: Annotated[bool, typer.Option("--motd", help="One plain line, the same all day.")] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Write the listed events to FILE as yearly iCalendar events (- for standard output).",
            show_default=False,
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """What happened in spaceflight on this day of the year, ranked.

    Ranking: tier 1 fatal accidents, crewed launch failures and national firsts; tier 2 crewed
    launches and landings, planetary arrivals and landings; tier 3 dockings, first EVAs, EVA records
    and the first launch of each rocket family and launch site; tier 4 other EVAs; then by year.
    Other uncrewed orbital launches are counted in one line. --json gives the full rule and sources.

    Example: spacefacts today --date 12-03 --limit 5
    """
    import datetime

    if motd and json:
        raise UsageError("--motd prints one plain line and --json a document: choose one")

    def compute() -> Any:
        from spacefacts import today as on_this_day

        when, month_day, _ = on_this_day.resolve_date(date_, datetime.date.today())
        return on_this_day.on_this_day(
            session.dataset(), when, month_day, days=days, category=category, limit=limit or None
        )

    def printed_motd() -> str:
        import contextlib
        import io

        from spacefacts import today as on_this_day
        from spacefacts.render import today as render

        with contextlib.redirect_stdout(io.StringIO()) as out:
            render.motd_line(on_this_day.motd(compute()))
        return out.getvalue()

    if motd and ics is None:
        # The same text all day, read back from the user cache: a shell start-up file waits for it.
        inputs = (datetime.date.today().isoformat(), date_, days, category, limit)
        sys.stdout.write(session.remembered_text("motd", inputs, printed_motd))
        return

    from spacefacts import today as on_this_day
    from spacefacts.render import today as render

    if ics is not None and str(ics) == "-" and (motd or json):
        raise UsageError("--ics - writes the calendar to standard output: leave out --motd and --json")
    result = compute()
    if ics is not None:
        count, where = render.write_ics(result, ics)
        echo(f"wrote {count} yearly events to {one_line(where)}", err=True)
    if motd:
        render.motd_line(on_this_day.motd(result))
    elif json:
        render.emit_json(render.today_json(result))
    elif ics is None:
        render.today_table(result)
