"""Turn query results into Rich tables for people or JSON for machines.

This package is the only place that imports Rich, and it does so inside the functions that
draw, so `--json` never pays for it. One module per family of commands; shared helpers here;
the tables themselves are drawn by render.grid (text only, laid out without Rich's Table).
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

from spacefacts.errors import one_line
from spacefacts.model import Time
from spacefacts.text import format_duration as format_duration  # the one formatter, shared with the build

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    # Rich already honours NO_COLOR and drops styling when stdout is not a terminal.
    # emoji=False: `:rocket:` in a record is text, not an emoji code.
    return Console(highlight=False, emoji=False)


def visible(value: object) -> str:
    """Text from data or the command line, made inert for a terminal.

    Every character that is not printable (C0 controls and ESC, DEL, C1 controls such as CSI
    U+009B, line breaks, bidirectional and other format characters) is shown as its Python escape
    (`\\x1b`, `\\x9b`, `\\n`, `\\u202e`), so a data file or an argument can neither move the cursor,
    retitle the terminal, hide text nor break a line.
    """
    shown = str(value)
    # The same rule as error lines on stderr (spacefacts.errors.one_line): one implementation.
    return shown if shown.isprintable() else one_line(shown)


# How Rich reads markup (rich.markup): a tag is `[` + [a-z#/@] ... `]`; backslashes before a tag
# escape it in pairs; in plain text every `\\[` becomes `[`; backslashes anywhere else are literal.
_BRACKET = re.compile(r"(\\*)\[(?=([a-z#/@][^[]*?\])?)")


def _escape_bracket(match: re.Match[str]) -> str:
    backslashes = len(match[1])
    if match[2] is not None:  # looks like a tag: keep the backslashes literal, escape the tag
        return "\\" * (2 * backslashes + 1) + "["
    return "\\" * (backslashes + (backslashes > 0)) + "["  # survive Rich's `\\[` -> `[`


def text(value: object) -> str:
    """The one door from data and arguments to Rich markup: `visible`, then escaped so that Rich
    shows it exactly as written and never reads it as markup (`[/]`, `[link=...]`). Program strings
    around it may carry markup; whatever came from outside goes through here (property-tested)."""
    shown = visible(value)
    body = shown.rstrip("\\")
    escaped = _BRACKET.sub(_escape_bracket, body)
    if len(body) == len(shown):
        return escaped
    # Whatever follows may be a tag, which trailing backslashes would escape: end them with an
    # empty tag pair, each doubled, so that they stay literal.
    return escaped + "\\" * (2 * (len(shown) - len(body))) + "[dim][/dim]"


# JSON escapes C0 controls itself; these it leaves raw: DEL, C1 (U+0080-U+009F, CSI among them),
# line and paragraph separators, and the bidirectional overrides.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def emit_json(data: Any) -> None:
    # Non-ASCII as \u escapes where stdout cannot encode it (PYTHONIOENCODING=ascii): still valid JSON.
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    document = json.dumps(data, indent=2, ensure_ascii=encoding not in ("utf-8", "utf8"))
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", document) + "\n")


def time_json(value: Time | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"utc": value.iso, "precision": value.precision, "uncertain": value.uncertain}
