"""Crewed flights and the people who flew them: McDowell's lists joined with cosmos-book.

Sources (all under `sources/`, see each folder's SOURCE.md):
- `mcdowell-hsf/missions.html`, `mcdowell-hsf/astro.html`: Jonathan McDowell's fixed-width lists. They are
  the backbone: one mission per H/HA row, one person per AS/AF row.
- `cosmos-book-human-spaceflight/human-spaceflight-data/`: person files (YAML front matter) and
  `processed/missions.json`. Used to cross-check times and crews, and for EVAs.
- `mcdowell-hsf-2024-2026/missions_H00372-H00410.tsv`: a separately extracted copy of the newest rows,
  compared field by field.
- GCAT launches (already parsed, passed in as `launch_doc`): vehicle, site and pad of each orbital flight.

Nothing is corrected silently: every drop, merge, unmatched record and disagreement goes to the report.

The modules read one source each (missions, astro, cosmos, extract, gcat_link), join people
(join), merge returns (returns) and write records (records); `build` runs them in order.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from spacefacts.build import evas as eva_list
from spacefacts.build import names, nations, reconcile, roles
from spacefacts.build.hsf.astro import (
    Person,
    assign_person_ids,
    display_name,
    fix_sturckow,
    read_people,
    surname_key,
)
from spacefacts.build.hsf.common import (
    ASTRO_FILE,
    COSMOS_DIR,
    EXTRACT_FILE,
    MISSIONS_FILE,
    RIDES_FILE,
    ROOT,
    Record,
    differ,
    match_key,
    mcdowell_date,
    parse_iso,
    updated_time,
)
from spacefacts.build.hsf.cosmos import (
    CosmosPerson,
    check_cosmos_missions,
    cosmos_missions,
    eva_records,
    match_cosmos_missions,
    parse_front_matter,
    read_cosmos,
)
from spacefacts.build.hsf.extract import check_extract
from spacefacts.build.hsf.gcat_link import link_gcat
from spacefacts.build.hsf.join import check_dob, join_people, report_people_join
from spacefacts.build.hsf.missions import (
    Row,
    assign_aliases,
    assign_names,
    check_crew_counts,
    load_curated_names,
    name_variants,
    read_missions,
)
from spacefacts.build.hsf.records import mission_record, person_record
from spacefacts.build.hsf.returns import check_durations, load_curated_returns, merge_returns, rides_returns
from spacefacts.build.report import Report
from spacefacts.text import slug as slugify

# What tests and other build modules use from here besides `build`.
__all__ = [
    "Person",
    "Row",
    "build",
    "differ",
    "display_name",
    "match_key",
    "mcdowell_date",
    "parse_front_matter",
    "parse_iso",
    "slugify",
    "surname_key",
]


def build(sources: Path, launch_doc: dict[str, Any], report: Report) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (mission_doc, people_doc) ready for spacefacts.build.tomlw.dumps."""
    rows, updated = read_missions(sources / MISSIONS_FILE, report)
    people = read_people(sources / ASTRO_FILE, report)
    fix_sturckow(people, rows, report)

    by_tag = {r.tag: r for r in rows}
    for p in people:
        for tag, role in p.rides:
            by_tag[tag].crew.append((p.no, role))
    for row in rows:  # crew order: commanders first, by role (curated/roles.toml)
        row.crew.sort(key=lambda seat: roles.rank(seat[1]))
    assign_names(rows, load_curated_names(report), report)
    check_crew_counts(rows, report)
    cosmos_dir = sources / COSMOS_DIR
    cosmos = read_cosmos(cosmos_dir)
    cms = cosmos_missions(cosmos, cosmos_dir)
    cmap = match_cosmos_missions(rows, cms, report)
    assign_aliases(rows, report)

    assign_person_ids(people, report)
    people_by_no = {p.no: p for p in people}
    joined = join_people(people, cosmos, cmap, rows)
    report_people_join(people, cosmos, joined, by_tag, report)
    for no, named in names.assign(people, {c.file: c.name for c in cosmos}, report).items():
        people_by_no[no].display, people_by_no[no].aliases = named.display, named.aliases

    links = link_gcat(rows, launch_doc, report)
    found: list[reconcile.Disagreement] = []
    disagreements = check_cosmos_missions(rows, cms, cmap, people_by_no, joined, report, found)
    disagreements += check_dob(people, cosmos, report, found)
    extract_rows = check_extract(rows, sources / EXTRACT_FILE, report)

    missions = [mission_record(r, links.get(r.f["HSFID"]), people_by_no) for r in rows]
    countries = nations.country_names(sources / "gcat" / "orgs.tsv")
    cosmos_by_file = {c.file: c for c in cosmos}
    rides, rides_read = rides_returns(sources / RIDES_FILE, rows, people_by_no, report)
    curated_returns = load_curated_returns({r.tag: r for r in rows}, people)
    returns, return_counts = merge_returns(people, cosmos_by_file, cms, cmap, rides, curated_returns, report)
    astro_updated = updated_time((sources / ASTRO_FILE).read_text(encoding="utf-8").split("\n"))
    durations_agree = check_durations(people, by_tag, returns, astro_updated, report)
    order = {r.tag: i for i, r in enumerate(rows)}
    curated_evas = eva_list.load(ROOT / "curated" / "evas.toml", {p.no for p in people}, report)
    persons = []
    for p in people:
        flights = [by_tag[t].id for t, _ in sorted(p.rides, key=lambda tr: order[tr[0]])]
        if len(flights) != int(p.f["NRI"]):
            report.add(
                "people: rides differ from McDowell NRI",
                f"{p.no} {p.f['Name']}: NRI {p.f['NRI']}, {len(flights)} rides - {p.src}",
            )
        evas = eva_records(cosmos_by_file[p.cosmos], report) if p.cosmos else []
        evas = eva_list.dedupe(evas + curated_evas.get(p.no, []), f"{p.no} {p.f['Name']}", report)
        backs = [returns[p.no][t].record() for t, _ in p.rides if t in returns.get(p.no, {})]
        persons.append(person_record(p, countries, flights, backs, evas, report))

    settle(found, sources, rows, people, links, missions, persons, report)
    figures(report, missions, persons, links, cmap, joined, cosmos, disagreements, extract_rows)
    report.figure("rides read from crew_rides_derived.tsv", rides_read)
    for name in ("cosmos-book", "crew_rides_derived.tsv"):
        report.figure(f"returns on another ship, from {name}", return_counts[name])
    report.figure(
        "returns with no return ship named (not a McDowell flight)",
        sum(1 for backs in returns.values() for b in backs.values() if b.on is None),
    )
    report.figure("people whose time in space agrees with McDowell's Duration (1 h)", durations_agree)
    source = "Jonathan McDowell, planet4589.org (General Catalogue of Astronauts: missions.html, astro.html)"
    cosmos_credit = "cosmos-book (Stuart Lowe & Chris North, CC BY-SA 3.0)"
    mission_doc = {
        "meta": {"source": f"{source}; cross-checked with {cosmos_credit}", "updated": updated},
        "mission": missions,
    }
    people_doc = {
        "meta": {
            "source": f"{source}; EVAs from {cosmos_credit} and curated/evas.toml",
            "updated": updated,
            "eva_coverage": eva_list.coverage(persons, report, ROOT / "curated" / "evas.toml"),
        },
        "person": persons,
    }
    return mission_doc, people_doc


def settle(
    found: list[reconcile.Disagreement], sources: Path, rows: list[Row], people: list[Person],
    links: dict[str, Record], missions: list[Record], persons: list[Record], report: Report,
) -> None:  # fmt: skip
    """Resolve every disagreement with cosmos-book (spacefacts.build.reconcile) and apply the result."""
    mission_keys = {
        r.id: {match_key(n) for n in [r.name, r.f["Ship"], *r.aliases, *name_variants(r.name)]} for r in rows
    }
    ctx = {
        "rows_by_id": {r.f["HSFID"]: r for r in rows},
        "people_by_no": {p.no: p for p in people},
        "people_by_id": {p.id: p for p in people},
        "tag_to_id": {r.tag: r.id for r in rows},
        "gcat": links,
        "match_key": match_key,
        "surname_key": surname_key,
        "parse_iso": parse_iso,
        "differ": differ,
        "mission_keys": mission_keys,
        # A flight's launch by each of its match keys, for tidytuesday's flight names; names that
        # two flights share (an abort and its flight) are left out.
        "launch_by_key": {k: v for k, v in launch_keys(rows, mission_keys).items() if v is not None},
    }
    corrections = reconcile.resolve(found, sources, ROOT / "curated", ctx, report)
    reconcile.apply(corrections, missions, persons, {r.f["HSFID"]: r.id for r in rows})


def launch_keys(rows: list[Row], mission_keys: dict[str, set[str]]) -> dict[str, datetime | None]:
    out: dict[str, datetime | None] = {}
    for r in rows:
        if r.kind == "abort" or not r.launch:
            continue
        for k in mission_keys[r.id]:
            out[k] = None if k in out else parse_iso(r.launch).at
    return out


def figures(
    report: Report, missions: list[Record], persons: list[Record], links: dict[str, Record],
    cmap: dict[str, Row], joined: dict[str, Person], cosmos: list[CosmosPerson], disagreements: int,
    extract_rows: int,
) -> None:  # fmt: skip
    kinds = Counter(m["kind"] for m in missions)
    report.figure("missions", len(missions))
    for kind in ("orbital", "suborbital", "abort"):
        report.figure(f"missions {kind}", kinds[kind])
    report.figure("missions linked to a GCAT launch", len(links))
    report.figure("missions matched to cosmos-book", len({id(r) for r in cmap.values()}))
    report.figure("mission/person disagreements with cosmos-book", disagreements)
    report.figure("mission rows compared with the 2024-2026 extract", extract_rows)
    report.figure("people", len(persons))
    report.figure("people joined with cosmos-book", len(joined))
    report.figure("cosmos-book person files", len(cosmos))
    report.figure("EVAs (person-EVAs, counted once)", sum(len(p.get("evas", [])) for p in persons))
