"""The Typer app built from the declarations in spacefacts.commands, and the parameter table from it.

Imported only when Typer is really needed: help, completion, errors in the command line, and
any argv the fast path (spacefacts.fastpath) does not take.
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from pathlib import Path
from typing import Any

import typer
from typer import _click as click  # Typer 0.29 vendors Click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from spacefacts import frontend
from spacefacts.errors import ExitCode, one_line


def _paragraphs(text: str | None) -> str | None:
    """Docstring text as paragraphs Rich may wrap: single line breaks (the source's hard wrap)
    become spaces; blank lines still separate paragraphs."""
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _no_type_label(ctx: Any) -> None:
    return None


class ReadableHelp:
    """Help that reads well, for every command without per-command code: no type labels on
    flags (`--json`, not `--json <bool>`) or arguments (`NAME`, not `NAME <str>`), value names in
    capitals (`--date DATE`, `NAME`; a declaration's own metavar wins), usage without Typer's
    braces, docstrings as paragraphs."""

    help: str | None
    params: list[Any]
    options_metavar: str | None

    def _readable(self) -> None:
        self.help = _paragraphs(self.help)

    @staticmethod
    def _name_value(param: Any) -> None:
        if param.metavar is not None:
            return
        if isinstance(param, TyperOption):
            longest = max(param.opts, key=len).lstrip("-")
            param.metavar = "" if param.is_flag else longest.upper()
        elif isinstance(param, TyperArgument):
            param.metavar = (param.name or "value").upper()

    @staticmethod
    def _words_not_types(param: Any) -> None:
        # An argument's help names its value in words, its metavar (NAME, YEAR, FILE), in the first
        # column; Typer would add a type label beside it (<str>, <int range>). A range stays.
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type_label  # type: ignore[method-assign]

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)  # type: ignore[misc]
        for param in params:  # Typer adds some (--help, completion) after the command is made
            self._name_value(param)
            self._words_not_types(param)
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(str(param.metavar) if param.required else f"[{param.metavar}]")
        if isinstance(self, TyperGroup):
            pieces.append(self.subcommand_metavar)
        return pieces


class ReadableCommand(ReadableHelp, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._readable()


class ReadableGroup(ReadableHelp, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._readable()


class OneLineErrors(ReadableGroup):
    """Click's usage errors as one line on stderr (exit 2), instead of a framed panel.

    People pipe spacefacts into other tools and run it from cron: a bad option should read like
    any other error line, and never end in a traceback.
    """

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            sys.exit(ExitCode.USAGE)
        except click.exceptions.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            typer.echo(f"spacefacts: {one_line(exc.format_message())}{where}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("spacefacts: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


def _command(declared: frontend.Declared) -> Any:
    """The declared function as Typer sees it: its signature with the annotations resolved, its body
    run through `frontend.call`, the same as on the fast path."""
    function = declared.function
    hints = typing.get_type_hints(function, include_extras=True)
    signature = inspect.signature(function)
    signature = signature.replace(
        parameters=[
            p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
        ],
        return_annotation=hints.get("return", signature.return_annotation),
    )

    @functools.wraps(function)
    def command(**kwargs: Any) -> None:
        code = frontend.call(function, kwargs)
        if code:
            raise typer.Exit(int(code))

    del command.__wrapped__  # Typer reads the resolved signature below, not the text annotations
    command.__signature__ = signature  # type: ignore[attr-defined]
    command.__annotations__ = hints
    return command


def _fill(target: typer.Typer, app: frontend.App) -> None:
    if app._callback is not None:
        target.callback(**app._callback.settings)(_command(app._callback))
    for declared in app._commands:
        settings = {"cls": ReadableCommand, **declared.settings}
        target.command(declared.name, **settings)(_command(declared))
    for name, group, settings in app._groups:
        sub = typer.Typer(**{"cls": ReadableGroup, **group._settings})
        _fill(sub, group)
        target.add_typer(sub, name=name, **settings)


def build(app: frontend.App) -> typer.Typer:
    target = typer.Typer(cls=OneLineErrors, **app._settings)
    _fill(target, app)
    return target


# ---- the parameter table the fast path reads (spacefacts/_cli_table/) ----


def _param_type(param: Any) -> str:
    """How the fast path converts this parameter's value, or "typer" where it leaves it to Typer.

    Read from Typer's own description of the parameter (its resolved annotation and settings), so
    the table says what Typer will do, not what the declaration seems to say.
    """
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or param.nargs != 1 or param.multiple or getattr(param, "count", False):
        return "typer"
    info, annotation = descriptor.parameter_info, descriptor.annotation
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return "typer"
    if isinstance(param, TyperOption) and param.is_flag and annotation is bool:
        return "flag"
    if annotation is str:
        return "str"
    if annotation is int:
        return "int"
    if annotation is Path:
        plain = not (info.exists or info.writable or info.resolve_path or info.allow_dash or info.path_type)
        return "path" if plain and info.file_okay and info.dir_okay else "typer"
    return "typer"


def _param(param: Any, defaults: dict[str, Any]) -> dict[str, Any]:
    default = defaults.get(param.name or "")
    row: dict[str, Any] = {
        "name": param.name,
        # Typer adds options of its own (--install-completion) that the function does not take.
        "passed": param.name in defaults,
        "argument": isinstance(param, TyperArgument),
        "type": _param_type(param),
        "opts": sorted(param.opts),
        "false_opts": sorted(param.secondary_opts),
        "required": param.required,
        "default": default,
        # Given, these are Typer's to run; absent, a callback is taken to do nothing (Typer's own
        # completion options and the --version idiom), and an environment variable may stand in.
        "callback": param.callback is not None or param.is_eager,
        "envvar": param.envvar if isinstance(param.envvar, str) else None,
        "min": getattr(param, "min", None),
        "max": getattr(param, "max", None),
    }
    if row["type"] == "path":
        row["readable"] = bool(param.type_descriptor.parameter_info.readable)
    if default is not None and not isinstance(default, bool | int | str):
        row["default"] = None
        row["default_unknown"] = True  # a default the table cannot hold: Typer passes it
    return row


def _completers(function: Any) -> dict[str, str]:
    """Parameters completed by a plain `f(incomplete)` function, which the fast completion can call."""
    found = {}
    for name, hint in typing.get_type_hints(function, include_extras=True).items():
        for info in getattr(hint, "__metadata__", ()):
            complete = getattr(info, "autocompletion", None)
            if complete is not None and list(inspect.signature(complete).parameters) == ["incomplete"]:
                found[name] = f"{complete.__module__}:{complete.__qualname__}"
    return found


def _node(command: Any, declared: frontend.Declared | None) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    completers: dict[str, str] = {}
    if declared is not None:
        defaults = {
            name: (None if p.default is inspect.Parameter.empty else p.default)
            for name, p in inspect.signature(declared.function).parameters.items()
        }
        completers = _completers(declared.function)
    params = [_param(p, defaults) for p in command.params if p.name != "help"]
    for param in params:
        if param["name"] in completers:
            param["complete"] = completers[param["name"]]
    node: dict[str, Any] = {
        "params": params,
        "plain": not command.context_settings,
    }
    if declared is not None:
        node["function"] = f"{declared.function.__module__}:{declared.function.__qualname__}"
    if isinstance(command, TyperGroup):
        node["commands"] = {}
    return node


def _walk(command: Any, app: frontend.App) -> dict[str, Any]:
    node = _node(command, app._callback)
    assert isinstance(command, TyperGroup)
    declared = {d.command_name: d for d in app._commands}
    groups = {name: group for name, group, _ in app._groups}
    for name, sub in sorted(command.commands.items()):
        if name in groups:
            node["commands"][name] = _walk(sub, groups[name])
        elif name in declared:
            node["commands"][name] = _node(sub, declared[name])
    return node


def sources(app: frontend.App) -> list[str]:
    """The files whose text the table is derived from: every module that declares a command."""
    files: set[str] = set()

    def visit(group: frontend.App) -> None:
        for declared in [*group._commands, *([group._callback] if group._callback else [])]:
            files.add(declared.function.__code__.co_filename)
        for _, sub, _ in group._groups:
            visit(sub)

    visit(app)
    return sorted(files)


def table(app: frontend.App) -> dict[str, Any]:
    from spacefacts import fastpath

    root = typer.main.get_command(app.typer())
    return {"sources": fastpath.fingerprint(sources(app)), "root": _walk(root, app)}


_GENERATED = (
    '"""Generated by scripts/build_cli_table.py from the Typer app (spacefacts.cli): do not edit.\n\n'
    "{what}\n"
    'The fast path (spacefacts.fastpath) reads it; a test checks it is current."""\n\n'
    "from typing import Any\n\n"
)


def table_files(app: frontend.App) -> dict[str, str]:
    """The files of the spacefacts/_cli_table package, by name: `__init__.py` holds the checksums
    and the root (its options, and each command's family), and one module per family of commands
    (the module of spacefacts.commands that declares them) holds those commands' parameters."""
    import pprint

    whole = table(app)
    root = dict(whole["root"])
    families: dict[str, dict[str, Any]] = {}
    where = {}
    for name, node in root["commands"].items():
        first = node if "function" in node else next(iter(node["commands"].values()))
        family = first["function"].partition(":")[0].rpartition(".")[2]
        families.setdefault(family, {})[name] = node
        where[name] = family

    def value(data: Any) -> str:
        return pprint.pformat(data, width=110, sort_dicts=True)

    files = {
        "__init__.py": _GENERATED.format(
            what="The checksums of the declaring files, and the root: options, command -> family."
        )
        + f"SOURCES: dict[str, str] = {value(whole['sources'])}\n\n"
        + f"ROOT: dict[str, Any] = {value({**root, 'commands': where})}\n"
    }
    for family, commands in sorted(families.items()):
        files[f"{family}.py"] = (
            _GENERATED.format(
                what=f"The parameters of the commands declared in spacefacts/commands/{family}.py."
            )
            + f"COMMANDS: dict[str, Any] = {value(commands)}\n"
        )
    return files
