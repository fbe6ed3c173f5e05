"""Bash completion of argument and option values without Typer, from the generated table.

A parameter declared with `autocompletion=f` where `f(incomplete)` reads a small text file (no TOML)
is completed here; commands, option names and other shells go to Typer, which prints the same
lines (tests/test_frontend.py compares them).
"""

from __future__ import annotations

import os
import sys
from typing import Any


def _target(node: dict[str, Any], args: list[str]) -> str | None:
    """The completer of the parameter the next word fills after `args`, or None."""
    while "commands" in node:
        if not args or args[0] not in node["commands"]:
            return None
        node, args = node["commands"][args[0]], args[1:]
    options = {opt: p for p in node["params"] if not p["argument"] for opt in p["opts"]}
    positional = 0
    expects_value = None
    for token in args:
        if expects_value is not None:
            expects_value = None
        elif token in options:
            if options[token]["type"] != "flag":
                expects_value = options[token]
        elif token.startswith("-"):
            return None
        else:
            positional += 1
    if expects_value is None:
        arguments = [p for p in node["params"] if p["argument"]]
        expects_value = arguments[positional] if positional < len(arguments) else {}
    complete: str | None = expects_value.get("complete")
    return complete


def run() -> int | None:
    """Answer a bash completion request here, or None to leave it to Typer."""
    if os.environ.get("_SPACEFACTS_COMPLETE") != "complete_bash":
        return None
    import importlib
    import shlex

    from spacefacts import fastpath

    try:
        words = shlex.split(os.environ.get("COMP_WORDS", ""))
        cword = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        return None
    table = fastpath.current_table()
    if table is None or cword < 1:
        return None
    args, incomplete = words[1:cword], (words[cword] if cword < len(words) else "")
    target = _target(table["root"], args)
    if target is None or incomplete.startswith("-"):
        return None
    module, _, name = target.partition(":")
    values = getattr(importlib.import_module(module), name)(incomplete)
    sys.stdout.write("\n".join(values) + "\n")
    return 0
