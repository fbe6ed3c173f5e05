"""A small, deterministic TOML writer for the dataset files.

The dataset needs only a narrow slice of TOML: top-level tables and arrays of tables whose
values are strings, integers, booleans, lists of those, or lists of flat inline tables.
Key order is kept as given, so the builders decide the layout.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

Scalar = str | int | bool


def _string(value: str) -> str:
    # JSON string escapes are a subset of TOML basic-string escapes; DEL is the one
    # character JSON leaves raw that TOML forbids.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _key(key: str) -> str:
    if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key):
        return key
    return _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, Sequence):
        if value and all(isinstance(v, list) for v in value):
            return "[\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML: {value!r}")


def _body(record: Mapping[str, Any]) -> list[str]:
    return [f"{_key(k)} = {_value(v)}" for k, v in record.items() if v is not None]


def dumps(document: Mapping[str, Any], header: str = "") -> str:
    """Serialise `document`: scalars first, then tables, then arrays of tables.

    `None` values are left out, so optional fields need no placeholder.
    """
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    if lines:
        lines.append("")
    scalars = {k: v for k, v in document.items() if not _is_table(v) and not _is_table_array(v)}
    lines.extend(_body(scalars))
    for name, value in document.items():
        if _is_table(value):
            lines.extend(["", f"[{_key(name)}]", *_body(value)])
        elif _is_table_array(value):
            for record in value:
                lines.extend(["", f"[[{_key(name)}]]", *_body(record)])
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )
