"""Commands declared once, in Typer's own style, without paying for Typer on every run.

The modules of `spacefacts.commands` declare every command with `@app.command()` and `Annotated[..., typer.Option()]`,
exactly as a Typer app does. `App` records those declarations; it becomes a real `typer.Typer`
(spacefacts.typerapp) the first time something treats it as one: calling it, or handing it to
Typer's CliRunner. Until then nothing imports Typer, so the console script (spacefacts.entry) can
parse an everyday argv from a table generated from that same Typer app (spacefacts.fastpath) and
call the same function. The command modules use `from __future__ import annotations`, so their
annotations stay text until Typer reads them.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from spacefacts import errors

if TYPE_CHECKING:
    from typer import Typer as _TyperLike
else:
    _TyperLike = object

F = TypeVar("F", bound=Callable[..., Any])


def lazy_module(name: str) -> ModuleType:
    """`name`, imported when one of its attributes is first used (importlib's LazyLoader)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


class Declared:
    """One `@app.command()` (or the group's `@app.callback()`): Typer's arguments and the function.

    A plain class, not a dataclass: this module is on every command's start-up path.
    """

    def __init__(self, name: str | None, function: Callable[..., Any], settings: dict[str, Any]) -> None:
        self.name, self.function, self.settings = name, function, settings

    @property
    def command_name(self) -> str:
        # Typer's rule (typer.main.get_command_name): the function's name, lower case, _ as -.
        return self.name or self.function.__name__.lower().replace("_", "-")


class App(_TyperLike):
    """A Typer app's declarations; the Typer app itself is built on first use.

    Declare with the same calls as on `typer.Typer`: `command`, `callback`, `add_typer`.
    """

    def __init__(self, **settings: Any) -> None:
        self._settings = settings
        self._commands: list[Declared] = []
        self._groups: list[tuple[str, App, dict[str, Any]]] = []
        self._callback: Declared | None = None
        self._typer: Any = None

    def command(self, name: str | None = None, **settings: Any) -> Callable[[F], F]:
        def record(function: F) -> F:
            self._commands.append(Declared(name, function, settings))
            return function

        return record

    def callback(self, **settings: Any) -> Callable[[F], F]:
        def record(function: F) -> F:
            self._callback = Declared(None, function, settings)
            return function

        return record

    def add_typer(self, group: App, *, name: str, **settings: Any) -> None:  # type: ignore[override]
        self._groups.append((name, group, settings))

    def typer(self) -> Any:
        """The real Typer app, built once from these declarations."""
        if self._typer is None:
            from spacefacts import typerapp

            self._typer = typerapp.build(self)
        return self._typer

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.typer()(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        # Anything else is a question for the Typer app (CliRunner and typer.main read its fields).
        if attribute.startswith("__") or attribute in ("_settings", "_commands", "_groups", "_callback"):
            raise AttributeError(attribute)
        return getattr(self.typer(), attribute)

    def resolve(self, path: list[str]) -> tuple[list[Declared], Declared] | None:
        """The group callbacks on the way to the command at `path`, and the command; None if none."""
        callbacks = [self._callback] if self._callback else []
        if len(path) > 1:
            for name, group, _ in self._groups:
                if name == path[0]:
                    found = group.resolve(path[1:])
                    return (callbacks + found[0], found[1]) if found else None
            return None
        for declared in self._commands:
            if path and declared.command_name == path[0]:
                return callbacks, declared
        return None


def call(function: Callable[..., Any], kwargs: dict[str, Any]) -> errors.ExitCode:
    """Run a command's body with parsed arguments; errors become one line and an exit code.

    Both front ends call this, so a command says the same bytes and exits the same way whichever
    parsed its argv.
    """
    return errors.run(lambda: function(**kwargs))


def echo(message: str, *, err: bool = False) -> None:
    """A line to stdout, or to stderr for messages (what `typer.echo` does, without importing it)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n")
    if err:
        stream.flush()
