"""Each crewed flight linked to its GCAT launch (vehicle, site, pad), by designator or launch time."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from spacefacts.build.hsf.common import Record, differ, parse_iso
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report

# Window for pairing records by launch time when names do not match.
GCAT_TIME_WINDOW = timedelta(minutes=5)


def link_gcat(rows: list[Row], launch_doc: dict[str, Any], report: Report) -> dict[str, Record]:
    """HSFID -> GCAT launch, by designator = Launch_Tag, else by launch time within minutes."""
    launches = launch_doc.get("launch", [])
    by_tag = {" ".join(str(la["tag"]).split()): la for la in launches}
    timed = [(parse_iso(la["date"]), la) for la in launches if len(la.get("date") or "") >= 16]
    out: dict[str, Record] = {}
    expected_gap: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        desig = " ".join(row.f["Desig"].split())
        if desig in by_tag:
            out[row.f["HSFID"]] = by_tag[desig]
            continue
        wants = row.kind == "orbital" or row.failed_orbital
        if not wants:
            expected_gap[row.kind].append(row.tag)
            continue
        la = None
        if row.launch and len(row.launch) >= 16:
            at = parse_iso(row.launch).at
            near = [x for w, x in timed if abs(w.at - at) <= GCAT_TIME_WINDOW]
            la = near[0] if len(near) == 1 else None
        if la is not None:
            out[row.f["HSFID"]] = la
            report.add(
                "missions: linked to GCAT by launch time",
                f"{row.f['HSFID']} {row.name}: Desig {desig} is not a GCAT tag; "
                f"launch {row.launch} = {la['tag']}",
            )
        else:
            report.add(
                "missions: not linked to a GCAT launch",
                f"{row.f['HSFID']} {row.name} ({row.kind}, Desig {desig}, launch {row.launch}): "
                f"no GCAT launch with that tag or within {GCAT_TIME_WINDOW.seconds // 60} min - {row.src}",
            )
    for kind, tags in sorted(expected_gap.items()):
        report.add(
            "missions: not linked to a GCAT launch",
            f"expected, {len(tags)} {kind} rows have no GCAT orbital launch: {' '.join(tags)}",
        )
    for row in rows:
        la = out.get(row.f["HSFID"])
        if la and row.launch and la.get("date"):
            diff = differ(row.launch, la["date"])
            if diff:
                report.add(
                    "missions: disagreements with GCAT",
                    f"{row.f['HSFID']} {row.name} launch: McDowell vs GCAT {la['tag']}: {diff}",
                )
    return out
