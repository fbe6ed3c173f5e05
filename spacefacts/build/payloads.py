"""Every payload of the GCAT launch logs (Jonathan McDowell, CC-BY) to data/payloads.toml.

The launch log has one row per catalogued object; every row whose Type starts with `P` is a
payload. The editions are merged as for launches: where the newer edition holds a launch tag,
its rows replace the older ones. Payloads are written as rows of one table, one per line, with
the launch tag left empty where the piece designator starts with it (`1990-037B` rode
`1990-037`), which keeps the file small; spacefacts decodes it only when a command asks about
payloads.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from spacefacts.build import atlas, events, gcat, mcdates
from spacefacts.build.report import Report
from spacefacts.text import slug

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


def build(sources: Path, curated: Path, report: Report) -> dict[str, Any]:
    """The payloads document: meta, owner names, one row per payload, and the famous payloads."""
    gcat_dir = sources / "gcat"
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
            "famous": f"curated/{NAMES_FILE}, each record with its public source; visits from atlasofspace "
            "(gordonhart/atlasof.space, Apache-2.0) and cosmos-book interplanetary.json (CC BY-SA 3.0), "
            f"merged: {MERGE_RULE}",
        },
        "owners": names,
        "famous": famous(sources, curated, rows, by_tag, report),
        "payloads": {"columns": list(COLUMNS), "rows": rows},
    }


# Famous payloads: curated/payload_names.toml, with visits from atlasofspace and cosmos-book --------

NAMES_FILE = "payload_names.toml"
COSMOS_KINDS = {
    "flyby": "flyby",
    "orbit": "orbit",
    "lander": "landing",
    "rover": "rover",
    "sample collection": "sample collection",
    "sample return": "sample return",
    "perihelion": "perihelion",
}
VISIT_KINDS = frozenset({*atlas.KINDS.values(), *COSMOS_KINDS.values(), "re-entry"})
NAME_FIELDS = {
    "id": True,
    "name": True,
    "piece": True,
    "gcat_name": True,
    "aliases": False,
    "atlas": False,
    "cosmos": False,
    "source": True,
    "animals": False,
    "animals_source": False,
    "visit": False,
}
ATLAS_BODY_NAMES = {"Luna": "the Moon", "Sol": "the Sun", "HALLEY": "Halley", "BORRELLY": "Borrelly"}
PAIR_DAYS = 30  # a cosmos-book and an atlasofspace visit of one body and kind this close are one visit
MERGE_RULE = (
    "a cosmos-book part and an atlasofspace visit of the same body and kind within 30 days (or inside "
    "atlasofspace's encounter window) are one visit; on the same UTC day the more precise time is kept (atlasofspace on a tie); on different "
    "days cosmos-book's date is kept when atlasofspace gives an encounter window (start and end, not "
    "the closest approach), else atlasofspace's, and the disagreement is reported"
)
DISAGREE = "payloads: visit dates where atlasofspace and cosmos-book disagree (rule in docs/data.md)"
LAUNCH_DAYS = "payloads: launch days of atlasofspace or cosmos-book that differ from GCAT's"
DROPPED_PARTS = "payloads: cosmos-book parts not shown on cards"
PLANNED = "payloads: atlasofspace visits dated after its commit (2025-02-17), plans then: not shown"


def body_key(name: str) -> str:
    """`(101955) Bennu` and `Bennu`, `486958 Arrokoth` and `Arrokoth`, `the Moon` and `Moon` match."""
    words = [w for w in slug(name).split("-") if w and not any(c.isdigit() for c in w) and w != "the"]
    return " ".join(words)


def _check_record(record: dict[str, Any], seen: set[str]) -> str:
    """Where the record is, for messages, after checking its fields, id and source URL."""
    where = f"curated/{NAMES_FILE}: record {record.get('id', '?')}"
    for key, required in NAME_FIELDS.items():
        if required and key not in record:
            raise ValueError(f"{where}: field '{key}': missing")
    unknown = set(record) - set(NAME_FIELDS)
    if unknown:
        raise ValueError(f"{where}: field '{sorted(unknown)[0]}': unknown field")
    if record["id"] in seen:
        raise ValueError(f"{where}: id used twice")
    seen.add(record["id"])
    if not str(record["source"]).startswith(("https://", "http://")):
        raise ValueError(f"{where}: field 'source': must be the URL of a public source")
    return where


def _atlas_visits(name: str, craft: atlas.Craft, report: Report) -> list[dict[str, Any]]:
    """The spacecraft's visits in atlasofspace, up to its commit date (later ones are plans)."""
    visits = []
    for body, kind, start, end, note in craft.visits:
        if start[:10] > atlas.SOURCE_DATE:
            report.add(PLANNED, f"{name}: {kind} {body} {start}")
            continue
        visit = {"body": ATLAS_BODY_NAMES.get(body, body), "kind": kind, "date": start}
        if end and end[:10] <= atlas.SOURCE_DATE:
            visit["end"] = end
        visit["source"] = f"atlasofspace {craft.src} ({craft.wiki})"
        if note:
            visit["note"] = note
        visits.append(visit)
    return visits


def _curated_visits(record: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The record's own [[payload.visit]] entries, each with its kind and a public source checked."""
    hand = []
    for visit in record.get("visit", []):
        if visit.get("kind") not in VISIT_KINDS:
            raise ValueError(f"{where}: visit kind {visit.get('kind')!r} is not one of {sorted(VISIT_KINDS)}")
        if not str(visit.get("source", "")).startswith(("https://", "http://")):
            raise ValueError(f"{where}: visit source must be the URL of a public source")
        hand.append({k: visit[k] for k in ("body", "kind", "date", "source", "note") if k in visit})
    return hand


def famous(
    sources: Path,
    curated: Path,
    rows: list[list[str | int]],
    by_tag: dict[str, list[gcat.Row]],
    report: Report,
) -> list[dict[str, Any]]:
    """The curated famous payloads, each matched to its GCAT row, with visits from both sources."""
    with (curated / NAMES_FILE).open("rb") as fh:
        records = tomllib.load(fh).get("payload", [])
    crafts = {c.const: c for c in atlas.read(sources / "atlasofspace")}
    with (sources / events.PLANETARY_FILE).open(encoding="utf-8") as fh:
        cosmos = {str(m["name"]).strip(): m for m in json.load(fh)["missions"]}
    _, drops = events.load_curated(curated / "events.toml")
    launch_day = {
        tag: mcdates.parse(tag_rows[0].fields["Launch_Date"])[0][:10] for tag, tag_rows in by_tag.items()
    }
    seen: set[str] = set()
    out = []
    for record in records:
        where = _check_record(record, seen)
        row = next((r for r in rows if r[1] == record["piece"] and r[3] == record["gcat_name"]), None)
        if row is None:
            raise ValueError(f"{where}: no GCAT payload {record['piece']} named {record['gcat_name']!r}")
        tag = str(row[2]) or _tag_of(str(row[1]), by_tag)
        entry: dict[str, Any] = {"id": record["id"], "name": record["name"], "jcat": row[0]}
        if record.get("aliases"):
            entry["aliases"] = list(record["aliases"])
        entry["source"] = record["source"]
        visits: list[dict[str, Any]] = []
        craft = crafts.get(record["atlas"]) if "atlas" in record else None
        if "atlas" in record and craft is None:
            raise ValueError(f"{where}: no atlasofspace spacecraft {record['atlas']}")
        mission = cosmos.get(record["cosmos"]) if "cosmos" in record else None
        if "cosmos" in record and mission is None:
            raise ValueError(f"{where}: no cosmos-book mission {record['cosmos']!r}")
        gcat_day = launch_day.get(tag, "")
        if craft is not None:
            if craft.start[:10] != gcat_day:
                report.add(LAUNCH_DAYS, f"{record['name']}: atlasofspace {craft.start[:10]}, GCAT {gcat_day}")
            if craft.status:
                entry["status"] = craft.status + (f": {craft.details}" if craft.details else "")
            if craft.end:
                entry["end"] = craft.end
            visits = _atlas_visits(record["name"], craft, report)
        if mission is not None:
            day = str(mission.get("launch", ""))[:10]
            if day != gcat_day:
                report.add(LAUNCH_DAYS, f"{record['name']}: cosmos-book {day}, GCAT {gcat_day}")
            visits = _merge(record["name"], visits, _cosmos_visits(mission, drops, report), report)
        visits = _merge(record["name"], visits, _curated_visits(record, where), report, curated=True)
        if record.get("animals"):
            if not str(record.get("animals_source", "")).startswith(("https://", "http://")):
                raise ValueError(f"{where}: animals need an animals_source URL")
            entry["animals"] = list(record["animals"])
            entry["sources"] = [record["animals_source"]]
        visits.sort(key=lambda v: (v["date"], v["body"], v["kind"]))
        if visits:
            entry["visit"] = visits
        out.append(entry)
    report.figure("payloads: famous (curated common names)", len(out))
    report.figure("payloads: visits on their cards", sum(len(e.get("visit", [])) for e in out))
    return out


def _tag_of(piece: str, by_tag: dict[str, list[gcat.Row]]) -> str:
    return next(tag for tag in by_tag if piece.startswith(tag))


def _cosmos_visits(
    mission: dict[str, Any], drops: list[dict[str, Any]], report: Report
) -> list[dict[str, Any]]:
    name = str(mission["name"]).strip()
    launch_day = str(mission.get("launch", ""))[:10]
    out = []
    for index, part in enumerate(mission.get("parts", [])):
        kind = str(part.get("type", ""))
        raw = str(part.get("date", "") or "")
        drop = next((d for d in drops if events._drop_matches(d, name, part)), None)
        reason = (
            f"known wrong: {drop['reason']}"
            if drop
            else events._drop_reason(mission, part, kind, raw, launch_day)
        )
        if reason:
            report.add(DROPPED_PARTS, f"{name}: {kind} {part.get('to')} {raw or '(no date)'}: {reason}")
            continue
        date, _ = events.part_date(raw)
        body = events.body_name(str(part.get("to", "")))
        out.append(
            {
                "body": "the Moon" if body == "Moon" else body,
                "kind": COSMOS_KINDS[kind],
                "date": date,
                "source": f"cosmos-book {events.PLANETARY_FILE}: {name}, parts[{index}]",
            }
        )
    return out


def _merge(
    name: str,
    atlas_visits: list[dict[str, Any]],
    cosmos_visits: list[dict[str, Any]],
    report: Report,
    curated: bool = False,
) -> list[dict[str, Any]]:
    """Pair each visit of the second list with one of the first (rule: MERGE_RULE); a curated visit,
    checked against a public source, always keeps its own date."""
    merged = list(atlas_visits)
    for visit in cosmos_visits:
        key = (body_key(visit["body"]), visit["kind"])
        candidates = [
            (abs(_days(a["date"]) - _days(visit["date"])), i)
            for i, a in enumerate(merged)
            if "paired" not in a
            and (body_key(a["body"]), a["kind"]) == key
            and a["source"].startswith("atlas")
        ]
        close = [
            c
            for c in candidates
            if c[0] <= PAIR_DAYS
            or merged[c[1]]["date"][:10] <= visit["date"][:10] <= merged[c[1]].get("end", "")[:10]
        ]
        if not close:
            merged.append(visit)
            continue
        i = min(close)[1]
        other = merged[i]
        if curated:
            keep = visit
        elif other["date"][:10] == visit["date"][:10]:
            keep = visit if len(visit["date"]) > len(other["date"]) else other
        else:
            keep = visit if "end" in other else other
            report.add(
                DISAGREE,
                f"{name}, {visit['kind']} {visit['body']}: cosmos-book {visit['date']}, atlasofspace "
                f"{other['date']}{' (window to ' + other['end'] + ')' if 'end' in other else ''}; "
                f"kept {'cosmos-book' if keep is visit else 'atlasofspace'}",
            )
        sources = f"{other['source']}; {visit['source']}"
        merged[i] = {
            **{k: v for k, v in keep.items() if k != "end" or keep is other},
            "source": sources,
            "paired": True,
        }
    for visit in merged:
        visit.pop("paired", None)
    return merged


def _days(iso: str) -> int:
    from datetime import date

    return date.fromisoformat(iso[:10]).toordinal()
