"""What the crewed-flight readers share: source paths, McDowell and cosmos-book times, flight-name keys.

Times are ISO strings at their source's precision (`parse_iso`, `differ` compare them); `match_key`
pairs flight names written differently by McDowell and cosmos-book.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from spacefacts.build import mcdates
from spacefacts.text import ascii_fold as fold

Record = dict[str, Any]
ROOT = Path(__file__).resolve().parents[3]
MISSIONS_FILE = "mcdowell-hsf/missions.html"
ASTRO_FILE = "mcdowell-hsf/astro.html"
EXTRACT_FILE = "mcdowell-hsf-2024-2026/missions_H00372-H00410.tsv"
RIDES_FILE = "mcdowell-hsf-2024-2026/crew_rides_derived.tsv"
COSMOS_DIR = "cosmos-book-human-spaceflight/human-spaceflight-data"
# A difference above this is a disagreement worth reporting (the brief's threshold).
TOLERANCE = timedelta(minutes=5)
# cosmos-book's human-spaceflight data was last updated with 2023 launches (its SOURCE.md).
COSMOS_END = "2024"
# Name prefixes that the two sources use differently for the same flight ("Dragon Crew-1" vs
# "SpaceX Crew-1", "New Shepard NS-16" vs "Blue Origin NS-16").
OPERATOR_PREFIXES = ("spacex", "dragon", "blue origin", "new shepard", "axiom")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(token: str) -> int | None:
    """Value of a roman numeral made of I, V, X, L, or None if `token` is not one."""
    if not token or any(c not in ROMAN for c in token):
        return None
    total = 0
    for i, c in enumerate(token):
        v = ROMAN[c]
        total += -v if i + 1 < len(token) and ROMAN[token[i + 1]] > v else v
    return total if to_roman(total) == token else None


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def match_key(name: str) -> str:
    """Normalised flight name for pairing McDowell with cosmos-book names.

    Lower case, ASCII, roman numerals after the first word as numbers, leading zeros dropped,
    operator prefixes dropped, separators removed: "Shenzhou V" == "Shenzhou 5",
    "STS 41-G" == "STS-41G", "Dragon Crew-1" == "SpaceX Crew-1".
    """
    text = fold(name).lower()
    for prefix in OPERATOR_PREFIXES:
        if text.startswith(prefix + " ") or text.startswith(prefix + "-"):
            text = text[len(prefix) + 1 :]
            break
    tokens = re.findall(r"[a-z]+|\d+", text)
    out = []
    for i, tok in enumerate(tokens):
        value = roman_value(tok.upper()) if i > 0 else None
        if value is not None:
            out.append(str(value))
        elif tok.isdigit():
            out.append(str(int(tok)))
        else:
            out.append(tok)
    return "".join(out)


@dataclass(frozen=True)
class When:
    """A parsed ISO time string and its precision ('year', 'month', 'day', 'minute', 'second')."""

    iso: str
    precision: str
    at: datetime


def parse_iso(iso: str) -> When:
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?Z)?)?)?", iso)
    if not m:
        raise ValueError(f"not an ISO time: {iso!r}")
    y, mo, d, hh, mi, ss = m.groups()
    at = datetime(int(y), int(mo or 1), int(d or 1), int(hh or 0), int(mi or 0), int(ss or 0))
    precision = "second" if ss else "minute" if mi else "day" if d else "month" if mo else "year"
    return When(iso, precision, at)


def differ(a: str, b: str) -> str | None:
    """Describe how two ISO times disagree at their common precision, or None if they agree.

    Times with a clock are compared within TOLERANCE; anything coarser is compared as dates.
    """
    wa, wb = parse_iso(a), parse_iso(b)
    if wa.precision in ("minute", "second") and wb.precision in ("minute", "second"):
        delta = abs(wa.at - wb.at)
        if delta > TOLERANCE:
            return f"{a} vs {b} ({format_delta(delta)})"
        return None
    n = min(len(a), len(b), 10)
    return None if a[:n] == b[:n] else f"{a} vs {b}"


def format_delta(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} d"


def mcdowell_date(raw: str) -> tuple[str | None, bool]:
    """McDowell `YYYY Mon DD HHMM:SS` (any prefix of it, `?` = uncertain) -> (ISO string, uncertain).

    `-` (no date yet) and a bare `?` (unknown) give None; the rest is `mcdates.parse`.
    """
    text = raw.strip()
    if text in ("", "-", "?"):
        return None, text == "?"
    return mcdates.parse(text)


def cosmos_time(raw: str) -> str | None:
    """cosmos-book ISO-ish time -> our ISO form (zero-padded, seconds without fraction); None if not ISO."""
    m = re.fullmatch(
        r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?Z?)?", raw.strip()
    )
    if not m:
        return None
    y, mo, d, hh, mi, ss = m.groups()
    iso = f"{y}-{int(mo):02d}-{int(d):02d}"
    if hh:
        iso += f"T{int(hh):02d}:{mi}" + (f":{ss}" if ss else "") + "Z"
    return iso


def fixed_width_rows(
    lines: list[str], start: str, cols: dict[str, int]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, fields) of each line that begins with the pattern `start`, cut at `cols`."""
    for n, line in enumerate(lines, start=1):
        if re.match(start, line):
            yield n, cut(line, cols)


def cut(line: str, cols: dict[str, int]) -> dict[str, str]:
    """Split a fixed-width row at the header offsets; values stripped."""
    names = list(cols)
    out = {}
    for i, name in enumerate(names):
        end = cols[names[i + 1]] if i + 1 < len(names) else None
        out[name] = line[cols[name] : end].strip()
    return out


def updated_iso(lines: list[str]) -> str:
    return updated_time(lines)[:10]


def updated_time(lines: list[str]) -> str:
    """The `# Updated 2026 Jul  3 0703:57` line as an ISO time at its precision."""
    for line in lines:
        if line.startswith("# Updated"):
            iso, _ = mcdowell_date(line[len("# Updated") :])
            if iso:
                return iso
    raise ValueError("no '# Updated' line")
