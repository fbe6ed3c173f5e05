"""McDowell's role tags in words, and crew order: data/roles.toml from curated/roles.toml."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report

CURATED = Path(__file__).resolve().parents[2] / "curated" / "roles.toml"
UNREAD = "Crew member"


@cache
def legend() -> dict[str, Any]:
    doc = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    if not str(doc.get("source", "")).startswith("http"):
        raise ValueError("curated/roles.toml: needs the source of McDowell's scheme")
    for role in doc.get("role", []):
        if not role.get("code") or not role.get("words") or not role.get("basis"):
            raise ValueError(f"curated/roles.toml: {role} needs code, words and basis")
    return doc


def split(code: str) -> tuple[str, str]:
    """'BI1' -> ('BI', '1'); McDowell: a basic tag of letters, then an optional number."""
    m = re.fullmatch(r"([A-Z]+)(\d*)", code)
    return (m.group(1), m.group(2)) if m else (code, "")


def rank(code: str | None) -> tuple[int, int]:
    """Crew order: the basic tag's place in the legend (commanders first), then its number;
    unknown and missing tags last."""
    order = [r["code"] for r in legend()["role"]]
    base, number = split(code or "")
    return (order.index(base) if base in order else len(order), int(number or 0))


def build(mission_doc: dict[str, Any], report: Report) -> dict[str, Any]:
    doc = legend()
    known = {r["code"] for r in doc["role"]}
    used = Counter(
        split(seat.get("role", ""))[0] for m in mission_doc["mission"] for seat in m.get("crew", [])
    )
    for base, n in sorted(used.items()):
        if base and base not in known:
            report.add(
                "missions: role tags not read (shown as 'Crew member', code kept in --json)",
                f"{base}: {n} seats; McDowell's list of basic tags (roletags.html) is not in our sources",
            )
    report.figure("role tags in words", sum(n for base, n in used.items() if base in known))
    return {
        "meta": {"source": f"McDowell's role tags ({doc['source']}); words in curated/roles.toml"},
        "role": [
            {"code": r["code"], "words": r["words"], "src": f"curated/roles.toml: {r['basis']}"}
            for r in doc["role"]
        ],
    }
