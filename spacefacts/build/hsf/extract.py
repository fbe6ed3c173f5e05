"""The separately extracted 2024-2026 rows (mcdowell-hsf-2024-2026), compared field by field."""

from __future__ import annotations

from pathlib import Path

from spacefacts.build.hsf.common import EXTRACT_FILE
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report


def check_extract(rows: list[Row], path: Path, report: Report) -> int:
    """Field-by-field comparison with the separately extracted 2023-08..2026-07 rows."""
    section = "missions: disagreements with mcdowell-hsf-2024-2026 extract"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    by_id = {r.f["HSFID"]: r for r in rows}
    checked = 0
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        rec = dict(zip(header, line.split("\t"), strict=False))
        row = by_id.get(rec.get("HSFID", ""))
        if row is None:
            report.add(section, f"{EXTRACT_FILE}:line {n} {rec.get('HSFID')}: not in missions.html")
            continue
        checked += 1
        for col, value in rec.items():
            mine: str | None
            if col == "launch_utc_iso":
                mine = row.launch
            elif col == "landing_utc_iso":
                mine = row.landing
            else:
                mine = row.f.get(col)
            if mine is None and col in ("launch_utc_iso", "landing_utc_iso"):
                mine = ""
            if mine is not None and " ".join(mine.split()) != " ".join(value.strip().split()):
                report.add(
                    section, f"{row.f['HSFID']} {col}: missions.html {mine!r} vs extract {value.strip()!r}"
                )
    return checked
