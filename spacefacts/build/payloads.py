"""Every payload of the GCAT launch logs (Jonathan McDowell, CC-BY) to data/payloads.toml.

The launch log has one row per catalogued object; every row whose Type starts with `P` is a
payload. The editions are merged as for launches: where the newer edition holds a launch tag,
its rows replace the older ones. Payloads are written as rows of one table, one per line, with
the launch tag left empty where the piece designator starts with it (`1990-037B` rode
`1990-037`), which keeps the file small; spacefacts decodes it only when a command asks about
payloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacefacts.build import gcat
from spacefacts.build.report import Report

COLUMNS = ("jcat", "piece", "launch", "name", "alt", "owner", "state", "file", "line")
FILES = tuple(f"gcat/{name}" for name in gcat.LOGS)


def _blank(value: str) -> str:
    return "" if value in ("-", "") else value


def merged_rows(gcat_dir: Path) -> dict[str, list[gcat.Row]]:
    """Rows by launch tag over both editions, the newer edition's rows winning a tag."""
    by_tag: dict[str, list[gcat.Row]] = {}
    for name in gcat.LOGS:
        rows, _ = gcat.read_tsv(gcat_dir / name, f"gcat/{name}")
        by_tag.update(gcat.by_launch(rows))
    return by_tag


def owners(gcat_dir: Path, used: set[str]) -> dict[str, str]:
    """English names of the owner codes in use (GCAT orgs.tsv: EName, else Name; first row of a code)."""
    rows, _ = gcat.read_tsv(gcat_dir / "orgs.tsv", "gcat/orgs.tsv")
    out: dict[str, str] = {}
    for row in rows:
        f = row.fields
        code = f["Code"]
        if code in used and code not in out:
            out[code] = _blank(f["EName"]) or f["Name"]
    return {code: out[code] for code in sorted(out)}


def build(gcat_dir: Path, report: Report) -> dict[str, Any]:
    """The payloads document: meta, owner names and one row per payload, in launch order."""
    by_tag = merged_rows(gcat_dir)
    rows: list[list[str | int]] = []
    used: set[str] = set()
    for tag, tag_rows in by_tag.items():
        for row in tag_rows:
            f = row.fields
            if not f["Type"].startswith("P"):
                continue
            piece, name, alt = f["Piece"], f["Name"], _blank(f["PLName"])
            owner = _blank(f["SatOwner"])
            used.update(code.rstrip("?") for code in owner.split("/") if code)
            rows.append(
                [
                    f["JCAT"],
                    piece,
                    "" if piece.startswith(tag) else tag,
                    name,
                    "" if alt == name else alt,
                    owner,
                    _blank(f["SatState"]),
                    FILES.index(row.src.rsplit(":", 1)[0]),
                    int(row.src.rsplit(":", 1)[1]),
                ]
            )
    names = owners(gcat_dir, used)
    for code in sorted(used - set(names)):
        report.add("payloads: owner codes not in orgs.tsv (shown as the code)", code)
    report.figure("payloads (GCAT rows of type P, both editions merged)", len(rows))
    return {
        "meta": {
            "source": "GCAT launch log, Jonathan McDowell, planet4589.org (CC-BY): rows of type P",
            "launch_rule": "launch is empty when the piece designator starts with the launch tag",
            "files": list(FILES),
            "owners": "gcat/orgs.tsv: English name (EName, else Name) of each owner code; a code with '?' is GCAT's doubt",
        },
        "owners": names,
        "payloads": {"columns": list(COLUMNS), "rows": rows},
    }
