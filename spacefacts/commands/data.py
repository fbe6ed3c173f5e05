"""The `data` group: what the dataset holds, importing a GCAT launch log, undoing it, validating a folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from spacefacts import session
from spacefacts.commands.app import JsonOption, data_app
from spacefacts.errors import Exit, ExitCode, NotFound, SpacefactsError, UsageError
from spacefacts.frontend import echo, lazy_module

if TYPE_CHECKING:
    import typer

else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@data_app.command("info")
def data_info(json: JsonOption = False) -> None:
    """Dataset version, coverage of each source, record counts, licenses and credits.

    Example: spacefacts data info
    """
    from spacefacts import datainfo
    from spacefacts.render import data as render
    from spacefacts.render import emit_json

    info = datainfo.data_info(session.dataset())
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
        Path | None,
        typer.Argument(metavar="DIR", help="A data folder (default: the built-in data).", show_default=False),
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
