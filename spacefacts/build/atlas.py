"""Atlas of Space (gordonhart/atlasof.space, Apache-2.0): spacecraft and their visits.

The source is TypeScript object literals; this reads the few fields spacefacts uses with
regular expressions, and refuses anything it cannot read rather than guess. JavaScript's
`new Date(1968, 8, 18)` counts months from 0 (8 = September): such dates become day precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FILES = ("cnsa.ts", "esa.ts", "jaxa.ts", "nasa.ts", "ussr.ts")
# The copied commit's date (atlasofspace/SOURCE.md): a visit dated later was a plan then.
SOURCE_DATE = "2025-02-17"
KINDS = {
    "FLYBY": "flyby",
    "GRAVITY_ASSIST": "flyby",  # a gravity assist is a flyby; the note says which
    "ORBITER": "orbit",
    "LANDER": "landing",
    "ROVER": "rover",
    "HELICOPTER": "helicopter",
    "IMPACTOR": "impact",
}
STATUS = {
    "OPERATIONAL": "operational",
    "DEFUNCT": "defunct",
    "DECOMMISSIONED": "decommissioned",
    "RETURNED": "returned",
}
_TRAILING_COMMENT = re.compile(r"\s+//.*$")  # `start: ..., // first perihelion`; URLs have no space before //
_CONST = re.compile(r"^export const (\w+) = spacecraftWithDefaults\(\{$")
_DATE = re.compile(r"new Date\((?:'([^']+)'|(\d{4}), (\d{1,2}), (\d{1,2})(?:, \d{1,2})*)\)")
_VISIT = re.compile(
    r"\{\s*id: Bodies\.(\w+)\.id,\s*type: SpacecraftVisitType\.(\w+),\s*start: (new Date\([^)]*\))"
    r"(?:,\s*end: (new Date\([^)]*\)))?,?\s*\}"
)
_BODY_NAME = re.compile(r"^  name: '([^']+)',(?:\n  shortName: '([^']+)',)?", re.M)


@dataclass
class Craft:
    const: str
    name: str
    start: str
    end: str | None
    status: str
    details: str
    wiki: str
    visits: list[tuple[str, str, str, str | None, str]] = field(
        default_factory=list
    )  # body, kind, start, end, note
    src: str = ""


def iso(text: str) -> str:
    """`new Date('1962-12-14T12:00:00Z')` -> `1962-12-14T12:00Z`; `new Date(1968, 8, 18)` -> `1968-09-18`.

    The (year, month, day[, hour, minute]) form is the reader's local time in JavaScript, so only
    its day is kept.
    """
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"atlasofspace: unreadable date {text!r}")
    if m[1]:
        value = m[1]
        if len(value) == 10:
            return value
        if not value.endswith("Z"):
            raise ValueError(f"atlasofspace: date without a time zone {value!r}")
        value = value.removesuffix(".000Z").removesuffix("Z")
        if value[10:] in ("T00:00:00", "T12:00:00"):
            return value[:10]  # midnight and noon exactly are placeholders for "that day" in this source
        if value.endswith(":00") and len(value) == 19:
            value = value[:16]
        return value + "Z"
    return f"{int(m[2]):04d}-{int(m[3]) + 1:02d}-{int(m[4]):02d}"


def bodies(root: Path) -> dict[str, str]:
    """Body constant -> display name (shortName where given: `LUNA` -> `Luna`)."""
    text = (root / "bodies.ts").read_text(encoding="utf-8")
    names = {}
    for chunk in text.split("\nexport const ")[1:]:
        const = chunk.split(" ", 1)[0]
        m = _BODY_NAME.search(chunk)
        if m:
            names[const] = m[2] or m[1]
    return names


def read(root: Path) -> list[Craft]:
    names = bodies(root)
    crafts = []
    for file in FILES:
        lines = (root / "spacecraft" / file).read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            m = _CONST.match(lines[i])
            if not m:
                i += 1
                continue
            start_line = i + 1
            block = []
            i += 1
            while i < len(lines) and lines[i] != "});":
                if not lines[i].lstrip().startswith("//"):
                    block.append(_TRAILING_COMMENT.sub("", lines[i]))
                i += 1
            crafts.append(
                _craft(m[1], "\n".join(block), names, f"atlasofspace/spacecraft/{file}:{start_line}")
            )
    return crafts


def _field(block: str, key: str) -> str | None:
    m = re.search(rf"^  {key}: (.+?),?$", block, re.M)
    return m[1] if m else None


def _craft(const: str, block: str, names: dict[str, str], src: str) -> Craft:
    raw_name = _field(block, "name") or ""
    name = names[raw_name.split(".")[1]] if raw_name.startswith("Bodies.") else raw_name.strip("'\"")
    start = _field(block, "start")
    if start is None:
        raise ValueError(f"{src}: {const} has no start")
    end = _field(block, "end")
    status = re.search(r"status: SpacecraftStatus\.(\w+)", block)
    details = re.search(r"details:\s*(['\"])(.*?)\1", block, re.S)
    wiki = _field(block, "wiki") or ""
    craft = Craft(
        const=const,
        name=name,
        start=iso(start),
        end=iso(end) if end else None,
        status=STATUS[status[1]] if status else "",
        details=details[2] if details else "",
        wiki=wiki.strip("'"),
        src=src,
    )
    visited = block.split("visited:", 1)[1] if "visited:" in block else ""
    for v in _VISIT.finditer(visited):
        note = "a gravity assist" if v[2] == "GRAVITY_ASSIST" else ""
        craft.visits.append(
            (names.get(v[1], v[1]), KINDS[v[2]], iso(v[3]), iso(v[4]) if v[4] else None, note)
        )
    if len(craft.visits) != visited.count("type: SpacecraftVisitType"):
        raise ValueError(f"{src}: {const}: a visit could not be read")
    return craft
