"""Dataclass methods compiled ahead of time: the start-up cost of every dataclass, made small.

Creating a dataclass writes the source of its methods (__init__, __repr__, __eq__, __hash__, and
__setattr__/__delattr__ for a frozen one) and compiles each with `exec`. A run of spacefacts creates
30 to 50 dataclasses (the records, the query results, Rich's own), and compiling their methods cost
9-20 ms of every run, as much as loading the dataset. Python keeps compiled code for modules in .pyc
files, but not for the methods dataclasses writes at run time.

`spacefacts/classcode.store` holds them compiled: for each module, the exact text dataclasses passes
to `exec` and the code Python compiles from it (marshal, as in a .pyc), written by
`python scripts/build_classcode.py` for the Python that built it. While it is installed, dataclasses'
`exec` looks the text up and runs the stored code, the code `compile` would have made from that
text; any text not in the store (a class added since, another module) is compiled as before. The
store is used only by the exact Python version that wrote it (another finds the header different
and compiles as always), and like a .pyc it lives inside the installed package. A stale store costs
speed, never correctness: it is keyed by the methods' full source text. tests/test_classcode.py
checks it is current and that it answers every dataclass a command creates.

`spacefacts/__init__.py` calls `install()`, which patches the dataclasses module when it is first
imported (a `today --motd` that imports no dataclass pays nothing).
"""

from __future__ import annotations

import marshal
import os
import sys
from types import CodeType, ModuleType
from typing import Any

FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "classcode.store")
MAGIC = b"spacefacts-classcode 1"


def header() -> bytes:
    """The first line of the store: the format and the exact Python that compiled the code."""
    return b" ".join([MAGIC, sys.version.replace("\n", " ").encode(), str(marshal.version).encode()])


def read(path: str = FILE) -> dict[str, bytes] | None:
    """Each module's marshalled {method source: code}, or None if the store is absent or not for this
    Python."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        first, _, body = raw.partition(b"\n")
        if first != header():
            return None
        modules = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(modules, dict) or not all(isinstance(v, bytes) for v in modules.values()):
        return None
    return modules


class _Exec:
    """Stands in for `exec` inside the dataclasses module: stored code for a known text."""

    def __init__(self, modules: dict[str, bytes]) -> None:
        self._modules = modules
        self._decoded: dict[str, dict[str, CodeType]] = {}
        self.missed: set[str] = (
            set()
        )  # modules with a text compiled here (a set: a bot's process is long-lived)

    def _codes(self, module: str) -> dict[str, CodeType]:
        codes = self._decoded.get(module)
        if codes is None:
            codes = {}
            blob = self._modules.get(module)
            if blob is not None:
                try:
                    loaded = marshal.loads(blob)
                except (ValueError, EOFError, TypeError):
                    loaded = None
                if isinstance(loaded, dict):
                    codes = {k: v for k, v in loaded.items() if isinstance(v, CodeType)}
            self._decoded[module] = codes
        return codes

    def __call__(self, source: Any, globals_: Any = None, locals_: Any = None, /) -> None:
        code = None
        if isinstance(source, str):
            module = str(globals_.get("__name__")) if isinstance(globals_, dict) else ""
            code = self._codes(module).get(source)
            if code is None:
                self.missed.add(module)
                # Compiled as dataclasses' own `exec` would: no __future__ flags of this module inherited.
                code = compile(source, "<string>", "exec", dont_inherit=True)
        exec(code if code is not None else source, globals_, locals_)


_INSTALLED: list[_Exec] = []


def patch(dataclasses: ModuleType) -> _Exec | None:
    """Give `dataclasses` the stored code (once); None if there is no store for this Python."""
    if _INSTALLED:
        return _INSTALLED[0]
    modules = read()
    if modules is None:
        return None
    stand_in = _Exec(modules)
    dataclasses.exec = stand_in  # type: ignore[attr-defined]  # its module global shadows the builtin
    _INSTALLED.append(stand_in)
    return stand_in


class _OnImport:
    """A meta path finder that patches dataclasses right after its first import, and then leaves."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "dataclasses":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name, path)
        loader = getattr(spec, "loader", None)
        if spec is None or loader is None or not hasattr(loader, "__dict__"):
            return spec
        original = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original(module)
            patch(module)

        loader.exec_module = exec_module
        return spec


def install() -> None:
    """Patch dataclasses now if it is imported, else when it is; never fails (a miss is only slower)."""
    if os.environ.get("SPACEFACTS_NO_CLASSCODE") == "1":
        return
    module = sys.modules.get("dataclasses")
    if module is not None:
        patch(module)
    elif not any(isinstance(f, _OnImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _OnImport())
