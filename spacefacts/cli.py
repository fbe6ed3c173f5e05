"""The command line: each command parses, asks spacefacts.queries, and hands the result to render."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spacefacts import __version__
from spacefacts.errors import SpacefactsError

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset

app = typer.Typer(
    help="An offline, sourced spaceflight almanac: missions, crews, launches, and more.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)
data_app = typer.Typer(help="What the dataset holds, and checks on it.", no_args_is_help=True)
app.add_typer(data_app, name="data")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (data only) instead of tables.")]


@contextmanager
def handled() -> Iterator[None]:
    """Map library errors to one line on stderr and their exit code."""
    try:
        yield
    except SpacefactsError as exc:
        typer.echo(f"spacefacts: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def _dataset() -> Dataset:
    from spacefacts import dataset

    return dataset.load()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spacefacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """An offline, sourced spaceflight almanac."""


@app.command()
def mission(
    name: Annotated[
        str, typer.Argument(help="Mission id, name, alias or COSPAR designator: soyuz-ms-11, 2018-098.")
    ],
    json: JsonOption = False,
) -> None:
    """The mission card: launch, vehicle, site, crew, landing, and computed facts."""
    from spacefacts import queries
    from spacefacts.render import lookup as render

    with handled():
        ds = _dataset()
        card = queries.mission_card(ds, queries.resolve_mission(ds, name))
        if json:
            render.emit_json(render.mission_json(card))
        else:
            render.mission_card(card)


@app.command()
def launches(
    year: Annotated[int, typer.Argument(help="Calendar year, e.g. 2018.", min=1000, max=9999)],
    json: JsonOption = False,
) -> None:
    """How many orbital launch attempts from Earth a year had, with successes and failures."""
    from spacefacts import queries
    from spacefacts.render import lookup as render

    with handled():
        summary = queries.launches_in_year(_dataset(), year)
        if json:
            render.emit_json(render.year_json(summary))
        else:
            render.year_summary(summary)


@data_app.command("info")
def data_info(json: JsonOption = False) -> None:
    """Dataset version, coverage of each source, record counts, licenses and credits."""
    from spacefacts import queries
    from spacefacts.render import lookup as render

    with handled():
        info = queries.data_info(_dataset())
        if json:
            render.emit_json(info)
        else:
            render.data_info(info)


@data_app.command("validate")
def data_validate(
    path: Annotated[
        Path | None, typer.Argument(help="A data folder (default: the built-in data).", show_default=False)
    ] = None,
    json: JsonOption = False,
) -> None:
    """Check ids, references and dates; exit 1 with one line per problem."""
    from spacefacts import dataset, validate
    from spacefacts.render import lookup as render

    if path is not None and not path.is_dir():
        typer.echo(f"spacefacts: no data folder at {path}", err=True)
        raise typer.Exit(1)
    problems = validate.check(dataset.load(path))
    if json:
        render.emit_json({"ok": not problems, "problems": problems})
    else:
        render.problems(problems)
    if problems:
        typer.echo(f"spacefacts: {len(problems)} problem(s) found", err=True)
        raise typer.Exit(1)
    if not json:
        typer.echo("data is valid", err=True)


# ---- on this day: `spacefacts today` (spacefacts/today.py, render/today.py) ----


# ---- quiz: `spacefacts quiz` (spacefacts/quiz.py, render/quiz.py) ----


def main() -> None:
    try:
        app(prog_name="spacefacts")
    except BrokenPipeError:
        # The reader went away (`| head`): silence the flush at exit and stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
