"""The command line: each command parses, asks spacefacts.queries, and hands the result to render.

Every command is declared once, here, in Typer's style. `app` records the declarations and becomes
a Typer app when one is needed; the console script runs everyday argv through the same functions
from a table generated from that Typer app (spacefacts.frontend, spacefacts.fastpath), so importing
this module imports neither Typer nor Rich. Annotations stay text until Typer reads them.
After changing a declaration, run `python scripts/build_cli_table.py` (a test checks it is current).
A body raises spacefacts.errors (NotFound, UsageError; Exit for a code with nothing more to say), which
frontend.call turns into one line and an exit code on either path; it prints messages with `echo(..., err=True)`
and reads the data from `session.dataset()`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from spacefacts import __version__, session
from spacefacts.errors import Exit, ExitCode, NotFound, SpacefactsError, UsageError, one_line
from spacefacts.frontend import App, echo, lazy_module

if TYPE_CHECKING:
    from collections.abc import Callable

    import typer

    from spacefacts.dataset import Dataset
    from spacefacts.quiz import History
else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before

app = App(
    help="An offline, sourced spaceflight almanac: missions, crews, launches, and more.\n\n"
    "Example: spacefacts mission soyuz-ms-11",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)
data_app = App(help="What the dataset holds, and checks on it.", no_args_is_help=True)
app.add_typer(data_app, name="data")

# Text, so that declaring it imports nothing; Typer resolves it with the other annotations.
JsonOption: TypeAlias = (
    "Annotated[bool, typer.Option('--json', help='Print JSON (data only) instead of tables.')]"
)


# Shell completion: plain lists and constants, so a TAB parses no TOML.
def complete_mission(incomplete: str) -> list[str]:
    return session.listed("mission-ids.txt", incomplete)


def complete_person(incomplete: str) -> list[str]:
    return session.listed("person-ids.txt", incomplete)


def complete_year(incomplete: str) -> list[str]:
    return session.listed("launch-years.txt", incomplete)


def complete_today_category(incomplete: str) -> list[str]:
    from spacefacts.today import CATEGORIES

    return [c for c in CATEGORIES if c.startswith(incomplete)]


def complete_quiz_category(incomplete: str) -> list[str]:
    from spacefacts.quiz import CATEGORIES, KIND_CATEGORY

    return [c for c in (*CATEGORIES, *KIND_CATEGORY) if c.startswith(incomplete)]


def _show(json: bool, data: Callable[..., Any], draw: Callable[..., None], *args: Any) -> None:
    """--json: `data(*args)` as JSON on stdout; else `draw(*args)` for a person."""
    from spacefacts.render import emit_json

    if json:
        emit_json(data(*args))
    else:
        draw(*args)


def _version(value: bool) -> None:
    # An eager option's callback: only Typer runs it (the fast path leaves any given callback to Typer).
    if value:
        echo(f"spacefacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            metavar="DIR",
            help="A folder of your own missions.toml, people.toml, events.toml (same schema), layered on the "
            "built-in data; repeatable. Also SPACEFACTS_DATA (folders separated by ':').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """An offline, sourced spaceflight almanac."""
    session.set_data_folders(list(data or []))


@app.command()
def mission(
    name: Annotated[
        str,
        typer.Argument(
            help="Mission id, name, alias or COSPAR designator: soyuz-ms-11, 2018-098.",
            autocompletion=complete_mission,
        ),
    ],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Which flight of its spacecraft family it was, under several rules."),
    ] = False,
    json: JsonOption = False,
) -> None:
    """The mission card: launch, vehicle, site, crew, landing, and computed facts.

    Example: spacefacts mission soyuz-ms-11
    """
    from spacefacts import failures, payloads, queries, stations
    from spacefacts.render import counting, emit_json
    from spacefacts.render import mission as render
    from spacefacts.render import station as station_render

    ds = session.dataset()
    found = payloads.resolve(ds, name)
    if isinstance(found, payloads.Payload):  # not a crewed flight: the payload's card
        from spacefacts.render import payload as render_payload

        payload_card = payloads.card(ds, found)
        _show(json, render_payload.payload_json, render_payload.payload_card, payload_card)
        return
    card = queries.mission_card(ds, found)
    if explain:
        rules = queries.family_under_rules(ds, card.mission)
        subject = f"{card.mission.name}: which flight of its spacecraft family, by rule"
        _show(json, counting.rules_json, counting.rules_table, subject, rules)
    else:
        served = stations.crew_expeditions(ds, card.mission)
        after = failures.after_failure(ds, card.mission)
        if json:
            emit_json({**render.mission_json(card), **station_render.mission_json(served, after)})
        else:
            render.mission_card(card, station_render.mission_rows(served, after))


@app.command()
def crew(
    name: Annotated[
        str,
        typer.Argument(help="Mission id, name, alias or COSPAR designator.", autocompletion=complete_mission),
    ],
    json: JsonOption = False,
) -> None:
    """The crew list of a mission: names, countries, roles, and which flight of theirs it was.

    Example: spacefacts crew apollo-11
    """
    from spacefacts import queries
    from spacefacts.render import mission as render

    ds = session.dataset()
    card = queries.mission_card(ds, queries.resolve_mission(ds, name))
    _show(json, render.crew_list_json, render.crew_table, card)


@app.command()
def person(
    name: Annotated[
        str,
        typer.Argument(
            help="Full name, unique surname or id: 'Anne McClain', kononenko.", autocompletion=complete_person
        ),
    ],
    json: JsonOption = False,
) -> None:
    """A person: birth, country, every flight, total time in space, EVAs, age at first flight.

    Example: spacefacts person 'Anne McClain'
    """
    from spacefacts import queries, stations
    from spacefacts.render import emit_json
    from spacefacts.render import person as render
    from spacefacts.render import station as station_render

    ds = session.dataset()
    card = queries.person_card(ds, queries.resolve_person(ds, name))
    served = stations.person_expeditions(ds, card.person.id)
    if json:
        data = render.person_json(card)
        data["expeditions"] = station_render.person_expeditions_json(served)
        emit_json(data)
    else:
        render.person_card(card)
        station_render.person_expeditions(served)


@app.command()
def station(
    name: Annotated[
        str, typer.Argument(help="Station id or name: iss, mir, tiangong, skylab, salyut-7, tiangong-1.")
    ],
    json: JsonOption = False,
) -> None:
    """A space station: launch, re-entry, crewed visits, expeditions, who was aboard, a chart.

    Example: spacefacts station mir
    """
    from spacefacts import stations
    from spacefacts.render import station as render

    ds = session.dataset()
    card = stations.station_card(ds, stations.resolve_station(ds, name))
    _show(json, render.station_json, render.station_page, card)


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
        _show(json, counting.rules_json, counting.rules_table, subject, rules)
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
    text: Annotated[str, typer.Argument(help="Words to look for in missions, people, events and payloads.")],
    limit: Annotated[int, typer.Option(metavar="N", help="At most this many hits.", min=1)] = 20,
    json: JsonOption = False,
) -> None:
    """Search missions, people, events and launch payload names; each hit with its kind and id.

    Example: spacefacts search apollo
    """
    from spacefacts import queries
    from spacefacts.render import search as render

    hits = queries.search(session.dataset(), text, limit)
    if not hits:
        raise NotFound(f"nothing matches '{text}'")
    _show(json, render.search_json, render.search_hits, text, hits)


@data_app.command("info")
def data_info(json: JsonOption = False) -> None:
    """Dataset version, coverage of each source, record counts, licenses and credits.

    Example: spacefacts data info
    """
    from spacefacts import queries
    from spacefacts.render import data as render
    from spacefacts.render import emit_json

    info = queries.data_info(session.dataset())
    if json:
        emit_json(info)
    else:
        render.data_info(info)


@data_app.command("import-gcat")
def data_import_gcat(
    file: Annotated[Path, typer.Argument(help="A GCAT launch log (launchlog.tsv) you downloaded.")],
    json: JsonOption = False,
) -> None:
    """Import a newer GCAT launch log so counts and ordinals stay current; the file is only read.

    Every row is checked first: one bad row refuses the whole file and changes nothing.

    Example: spacefacts data import-gcat ~/Downloads/launchlog.tsv
    """
    from spacefacts import dataset, importer
    from spacefacts.render import emit_json

    if not file.is_file():
        raise UsageError(f"no file at {file}")
    meta = importer.import_gcat(file, dataset.builtin_data_dir())
    imported = meta["imported"]
    if json:
        emit_json({"imported": imported, "launches_through": meta["last"]})
    else:
        echo(
            f"imported {imported['launches']} launches dated {imported['first']} to {imported['last']}; "
            f"launches now run through {meta['last']}",
            err=True,
        )


@data_app.command("reset")
def data_reset(
    all_: Annotated[
        bool, typer.Option("--all", help="Forget every import, not just the last: back to the built-in data.")
    ] = False,
) -> None:
    """Undo the last data import-gcat: back to the import before it, or to the built-in data.

    Example: spacefacts data reset
    """
    from spacefacts import importer

    try:
        done = importer.reset(everything=all_)
    except OSError as exc:
        raise SpacefactsError(f"cannot reset the imported launches: {exc.strerror or exc}") from None
    if not done.removed:
        echo("already on the built-in data", err=True)
    elif done.now == "previous import":
        echo("back to your previous import (data info shows it)", err=True)
    else:
        echo("back to the built-in data", err=True)


@data_app.command("validate")
def data_validate(
    path: Annotated[
        Path | None, typer.Argument(help="A data folder (default: the built-in data).", show_default=False)
    ] = None,
    json: JsonOption = False,
) -> None:
    """Check names, ids, references and dates; exit 1 with one line per problem.

    Example: spacefacts data validate ~/my-missions
    """
    from spacefacts import dataset, schema, validate
    from spacefacts.render import data as render
    from spacefacts.render import emit_json

    if path is not None and not path.is_dir():
        raise NotFound(f"no data folder at {path}")
    if path is None or (path / "launches.toml").is_file():
        ds = dataset.Dataset(path, extra=session.EXTRA_DATA)  # a whole dataset
    else:
        ds = dataset.Dataset(
            extra=[*session.EXTRA_DATA, path]
        )  # the user's own records, on the built-in data
    problems = schema.unknown_names(path or dataset.builtin_data_dir()) + validate.check(ds)
    if json:
        emit_json({"ok": not problems, "problems": problems})
    else:
        render.problems(problems)
    if problems:
        echo(f"spacefacts: {len(problems)} problem(s) found", err=True)
        raise Exit(ExitCode.FAILURE)
    if not json:
        echo("data is valid", err=True)


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
    _show(json, render.records_json, render.records, result)


# ---- on this day: `spacefacts today` (spacefacts/today.py, render/today.py) ----


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


# ---- quiz: `spacefacts quiz` (spacefacts/quiz.py, render/quiz.py) ----


@app.command()
def quiz(
    questions: Annotated[
        int, typer.Option("--questions", "-n", metavar="N", help="How many questions.", min=1)
    ] = 10,
    seed: Annotated[
        int | None,
        typer.Option(help="Same seed, same questions, whatever the history holds.", show_default=False),
    ] = None,
    daily: Annotated[
        bool, typer.Option("--daily", help="The day's quiz: the same for everyone on that date.")
    ] = False,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The date for --daily, YYYY-MM-DD (default today).",
            show_default=False,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            help="crew, missions, launches, history or true-false; or one kind (who-flew, year, ...).",
            autocompletion=complete_quiz_category,
            show_default=False,
        ),
    ] = None,
    difficulty: Annotated[
        str | None, typer.Option(help="easy, medium or hard (rule above).", show_default=False)
    ] = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="Neither read nor save the history of answers.")
    ] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Forget every remembered answer, and exit.")] = False,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats", help="Past scores: games, score per game and category by month, most missed questions."
        ),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Trivia generated from the dataset: four options, one right, and the record to look up.

    Answer by number or letter. Answers are kept in the user data folder: a new quiz asks new
    questions first and brings back missed ones (--seed and --daily always ask the same ones).
    Difficulty is how well known the subject is, measured in points for the curated events,
    firsts, lasts and records that name it; each answer shows the points, and --json and
    docs/quiz.md state the whole rule.

    Example: spacefacts quiz --questions 5 --difficulty easy
    """
    from spacefacts import quiz as trivia
    from spacefacts.render import quiz as render

    def warn(message: str) -> None:
        echo(f"spacefacts: {one_line(message)}", err=True)

    history = trivia.History(trivia.history_path(), warn)
    if reset:
        echo("quiz history cleared" if history.reset() else "no quiz history to clear", err=True)
        return
    if stats:
        _quiz_stats(history, json)
        return
    plan = trivia.plan(seed, daily, day, questions, category, difficulty)
    remember = not (no_history or json)
    seen = history.load() if remember and not plan.pinned else None
    asked = trivia.build_quiz(session.dataset(), questions, plan.seed, category, difficulty, seen)
    if json:
        render.emit_json(render.quiz_json(asked, plan.seed, category, difficulty))
        return
    if not render.play(asked, history if remember else None, warn, plan.replay):
        raise Exit(ExitCode.INTERRUPTED)


def _quiz_stats(history: History, json: bool) -> None:
    from spacefacts import quiz_stats
    from spacefacts.render import quiz as render

    answers, log, unreadable = history.answers_and_log()
    result = quiz_stats.compute(log, answers, unreadable)
    if any(m.prompt is None for m in result.most_missed):
        result = quiz_stats.with_prompts(result, session.dataset())
    if json:
        render.emit_json(render.stats_json(result))
    elif not result.total.asked and not result.most_missed:
        echo("no quiz answers yet: play with 'spacefacts quiz'", err=True)
    else:
        render.stats(result)
