"""The app and what every command shares: the --json option, completion of values, the global options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from spacefacts import __version__, session
from spacefacts.frontend import App, echo, lazy_module

if TYPE_CHECKING:
    from collections.abc import Callable

    import typer

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


def show(json: bool, data: Callable[..., Any], draw: Callable[..., None], *args: Any) -> None:
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
