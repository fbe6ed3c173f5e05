"""GCAT launch logs (Jonathan McDowell, CC-BY) to data/launches.toml.

The log has one row per catalogued payload; a launch is a distinct Launch_Tag. Two editions
are merged by tag, the newer edition (launchlog-2025-2026.tsv) winning where both hold a tag.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacefacts.build import mcdates
from spacefacts.build.families import vehicle_family
from spacefacts.build.report import Report
from spacefacts.model import launch_outcome

LOGS = ("launchlog.tsv", "launchlog-2025-2026.tsv")  # oldest edition first: later ones win
COLUMNS = [
    "Launch_Tag",
    "Launch_Date",
    "Piece",
    "Type",
    "Name",
    "PLName",
    "JCAT",
    "SatOwner",
    "SatState",
    "LV_Type",
    "Flight_ID",
    "Platform",
    "Launch_Site",
    "Launch_Pad",
    "Ascent_Site",
    "Ascent_Pad",
    "Agency",
    "LVState",
    "Launch_Code",
    "LTCite",
]


@dataclass
class Row:
    fields: dict[str, str]
    src: str


def read_tsv(path: Path, name: str) -> tuple[list[Row], str]:
    """Rows of one GCAT TSV with padding stripped, and its `# Updated` line."""
    rows: list[Row] = []
    updated = ""
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().lstrip("#").rstrip("\n").split("\t")
        for lineno, line in enumerate(fh, start=2):
            if line.startswith("#"):
                updated = updated or line.lstrip("# ").removeprefix("Updated").strip()
                continue
            values = [v.strip() for v in line.rstrip("\n").split("\t")]
            if len(values) != len(header):
                raise ValueError(f"{name}:{lineno}: {len(values)} fields, expected {len(header)}")
            rows.append(Row(dict(zip(header, values, strict=True)), f"{name}:{lineno}"))
    return rows, updated


outcome = launch_outcome


def _families(gcat: Path) -> dict[str, str]:
    rows, _ = read_tsv(gcat / "lv.tsv", "gcat/lv.tsv")
    families: dict[str, str] = {}
    for row in rows:
        families.setdefault(row.fields["LV_Name"], vehicle_family(row.fields["LV_Family"]))
    return families


def add_sites(doc: dict[str, Any], gcat: Path, curated: Path, codes: set[str], report: Report) -> None:
    """Add site records for codes used elsewhere (crewed suborbital flights) to the launch document."""
    have = {site["code"] for site in doc["site"]}
    doc["site"] = sorted(doc["site"] + _sites(gcat, curated, codes - have, report), key=lambda s: s["code"])


def _sites(gcat: Path, curated: Path, used: set[str], report: Report) -> list[dict[str, Any]]:
    rows, _ = read_tsv(gcat / "sites.tsv", "gcat/sites.tsv")
    by_code = {row.fields["Site"]: row for row in rows}
    with (curated / "sites.toml").open("rb") as fh:
        names: dict[str, dict[str, Any]] = {
            code: entry for entry in tomllib.load(fh)["site"] for code in entry["codes"]
        }
    sites: list[dict[str, Any]] = []
    for code in sorted(used):
        row = by_code.get(code)
        if row is None:
            report.add("launches: site codes not in sites.tsv", f"{code}: kept as its code")
            sites.append({"code": code, "name": code, "src": "gcat/sites.tsv (missing)"})
            continue
        f = row.fields
        english = f["EName"] if f["EName"] not in ("", "-") else f["Name"]
        curated_name = names.get(code)
        sites.append(
            {
                "code": code,
                "name": curated_name["name"] if curated_name else english,
                "gcat_name": f["ShortName"],
                "full_name": f["Name"],
                "state": f["StateCode"],
                "name_source": curated_name["source"] if curated_name else None,
                # GCAT's UCode: the one identity of a site across renames (NIIP-5 and GIK-5 are Baikonur).
                "group": f["UCode"] if f["UCode"] not in ("-", "", code) else None,
                "src": row.src,
            }
        )
    return sites


def states(gcat: Path, used: set[str]) -> dict[str, list[str]]:
    """State code -> [English short name, GCAT UCode] for the launching and owning states in use.

    The UCode is GCAT orgs.tsv's identity of a state across a change of name or regime: RU's is SU,
    so Russia continues the USSR rather than starting afresh in 1992.
    """
    rows, _ = read_tsv(gcat / "orgs.tsv", "gcat/orgs.tsv")
    out: dict[str, list[str]] = {}
    for row in rows:
        f = row.fields
        code = f["Code"]
        if code in used and code not in out:
            name = f["ShortEName"] if f["ShortEName"] not in ("", "-") else f["ShortName"]
            out[code] = [name, f["UCode"] if f["UCode"] not in ("", "-") else code]
    return {code: out[code] for code in sorted(out)}


def by_launch(rows: list[Row]) -> dict[str, list[Row]]:
    """Rows grouped by Launch_Tag, in file order (the log has one row per payload)."""
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.fields["Launch_Tag"], []).append(row)
    return grouped


def launches_from(
    by_tag: dict[str, list[Row]], families: dict[str, str], report: Report
) -> list[dict[str, Any]]:
    launches = [_launch(tag, rows, families, report) for tag, rows in by_tag.items()]
    launches.sort(key=lambda launch: (launch["date"], launch["tag"]))
    return launches


def build(gcat: Path, curated: Path, report: Report) -> dict[str, Any]:
    """Return the launches document: meta, sites and one record per launch."""
    by_tag: dict[str, list[Row]] = {}
    edition_of: dict[str, str] = {}
    updated = []
    for name in LOGS:
        rows, stamp = read_tsv(gcat / name, f"gcat/{name}")
        updated.append(f"{name}: {stamp}")
        for tag, tag_rows in by_launch(rows).items():
            if tag in by_tag:
                report.add(
                    "launches: merged (newer edition wins)",
                    f"{tag}: {edition_of[tag]} rows replaced by {tag_rows[0].src}",
                )
            by_tag[tag] = tag_rows
            edition_of[tag] = tag_rows[0].src
    families = _families(gcat)
    launches = launches_from(by_tag, families, report)
    report.figure("launches (distinct GCAT Launch_Tags)", len(launches))
    report.figure("launches from Earth", sum(1 for launch in launches if launch["earth"] is None))
    sites = _sites(gcat, curated, {launch["site"] for launch in launches}, report)
    used_states = {launch["state"] for launch in launches}
    used_states |= {row.fields["SatState"].rstrip("?") for rows in by_tag.values() for row in rows}
    meta = {
        "source": "GCAT launch log, Jonathan McDowell, planet4589.org (CC-BY)",
        "updated": updated,
        "states": states(gcat, used_states),
        "first": launches[0]["date"][:10],
        "last": launches[-1]["date"][:10],
    }
    vehicles: list[dict[str, Any]] = [
        {"name": name, "family": families[name]}
        for name in sorted({launch["vehicle"] for launch in launches})
        if name in families
    ]
    return {"meta": meta, "site": sites, "vehicle": vehicles, "launch": launches}


def import_log(path: Path, current: dict[str, Any], report: Report) -> dict[str, Any]:
    """Merge a user's copy of a GCAT launch log into the current launches document.

    The same parsing and per-launch code as the build. Within the file's date range the file
    wins entirely (so launches it drops are dropped); outside it the current launches stay, so a
    newer tail extract updates only the years it covers. Raises ValueError on a malformed file.
    """
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        raise ValueError("the last line is cut off (truncated file?)")
    header = text.split("\n", 1)[0].lstrip("#").split("\t")
    if [h.strip() for h in header] != COLUMNS:
        raise ValueError("not a GCAT launch log (the header differs from launchlog.tsv's)")
    rows, stamp = read_tsv(path, path.name)
    if not rows:
        raise ValueError("no launches in the file")
    families = {v["name"]: v["family"] for v in current.get("vehicle", [])}
    fresh = launches_from(by_launch(rows), families, report)
    first, last = fresh[0]["date"][:10], fresh[-1]["date"][:10]
    kept = [x for x in rows_to_launches(current) if not first <= x["date"][:10] <= last]
    launches = sorted(kept + fresh, key=lambda launch: (launch["date"].rstrip("?"), launch["tag"]))
    known = {site["code"] for site in current.get("site", [])}
    sites = list(current.get("site", [])) + [
        {"code": code, "name": code, "src": f"{path.name} (not in the shipped site table)"}
        for code in sorted({x["site"] for x in fresh} - known)
    ]
    meta = {
        "source": f"{current.get('meta', {}).get('source', 'GCAT')}; imported {path.name}",
        "updated": [
            *current.get("meta", {}).get("updated", []),
            f"{path.name}: {stamp or 'no Updated line'}",
        ],
        "imported": {"file": str(path), "first": first, "last": last, "launches": len(fresh)},
        "states": current.get("meta", {}).get("states", {}),
        "first": launches[0]["date"][:10],
        "last": launches[-1]["date"][:10],
    }
    return {"meta": meta, "site": sites, "vehicle": current.get("vehicle", []), "launch": launches}


def rows_to_launches(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The [launches] rows of a written document back to the per-launch dicts to_document takes."""
    table = doc["launches"]
    out = []
    for row in table["rows"]:
        launch = dict(zip(table["columns"], row, strict=True))
        for field in ("date", "site"):
            if launch[field].endswith("?"):
                launch[field] = launch[field][:-1]
                launch[f"{field}_uncertain"] = True
        launch["earth"] = False if launch["code"].startswith("X") else None
        out.append(launch)
    return out


# One launch per line in data/launches.toml: 7,000+ records parse about twice as fast as rows
# of a table than as TOML tables, and a line per launch reads well in a diff. Outcome and
# "launched from Earth" follow from GCAT's code, so they are computed on load, not stored.
COLUMNS_OUT = (
    "tag",
    "date",
    "vehicle",
    "site",
    "pad",
    "state",
    "agency",
    "code",
    "payload",
    "payloads",
    "src",
)


def to_document(launch_doc: dict[str, Any]) -> dict[str, Any]:
    """The launches document as written: launches as rows under [launches], `?` marking doubt."""
    rows = []
    for launch in launch_doc["launch"]:
        row = {**launch}
        row["date"] += "?" if launch.get("date_uncertain") else ""
        row["site"] += "?" if launch.get("site_uncertain") else ""
        row["pad"] = launch.get("pad") or ""
        rows.append([row[column] for column in COLUMNS_OUT])
    doc = {key: value for key, value in launch_doc.items() if key != "launch"}
    doc["launches"] = {"columns": list(COLUMNS_OUT), "rows": rows}
    return doc


def _launch(tag: str, rows: list[Row], families: dict[str, str], report: Report) -> dict[str, Any]:
    first = rows[0].fields
    date, uncertain = mcdates.parse(first["Launch_Date"])
    payloads = [row for row in rows if row.fields["Type"].startswith("P")]
    main = payloads[0] if payloads else rows[0]
    vehicle = first["LV_Type"]
    if vehicle not in families:
        report.add("launches: vehicle not in lv.tsv", f"{tag}: {vehicle}")
    code = first["Launch_Code"]
    if code[0] not in "ODX":
        report.add(
            "launches: launch code class not O/D/X (counted as an attempt from Earth)", f"{tag}: {code}"
        )
    site = first["Launch_Site"]
    return {
        "tag": tag,
        "date": date,
        "date_uncertain": True if uncertain else None,
        "vehicle": vehicle,
        "site": site.rstrip("?"),
        "site_uncertain": True if site.endswith("?") else None,
        "pad": first["Launch_Pad"] if first["Launch_Pad"] != "-" else None,
        "state": first["LVState"],
        "agency": first["Agency"],
        "code": code,
        "outcome": outcome(code),
        "payload": main.fields["Name"],
        "payloads": len(payloads),
        "earth": False if code.startswith("X") else None,
        "src": rows[0].src,
    }
