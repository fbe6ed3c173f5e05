"""McDowell's missions.html: one crewed flight per H/HA row, its name, id and aliases."""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacefacts.build.hsf.common import (
    MISSIONS_FILE,
    ROOT,
    fixed_width_rows,
    mcdowell_date,
    roman_value,
    to_roman,
    updated_iso,
)
from spacefacts.build.report import Report
from spacefacts.text import slug as slugify

CURATED_NAMES = ROOT / "curated" / "mission_names.toml"
# Column start offsets from the header lines (mcdowell-hsf/SOURCE.md lists the same numbers).
MISSION_COLS = {
    "HSFID": 0, "HSFTAG": 9, "Desig": 20, "JTAG": 33, "Ship": 46, "LDate": 77, "EDate": 98, "Dur": 119,
    "Crew": 136, "Callsign": 141, "Station": 162, "Progra": 175, "Project": 182, "OrbID": 197, "DS": 206,
    "SSF": 211, "MType": 216,
}  # fmt: skip
# Programmes whose flights are also written with roman numerals (Shenzhou V, Gemini VII).
ROMAN_PROGRAMMES = ("Shenzhou", "Gemini")


@dataclass
class Row:
    """One missions.html row."""

    line: int
    f: dict[str, str]
    name: str = ""
    id: str = ""
    aliases: list[str] = field(default_factory=list)
    crew: list[tuple[str, str | None]] = field(default_factory=list)  # (astro No, role)
    cosmos: list[str] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return self.f["HSFTAG"]

    @property
    def launch(self) -> str | None:
        return mcdowell_date(self.f["LDate"])[0]

    @property
    def landing(self) -> str | None:
        return mcdowell_date(self.f["EDate"])[0]

    @property
    def kind(self) -> str:
        orb = self.f["OrbID"]
        if self.f["HSFID"].startswith("HA"):
            return "abort"
        if orb.startswith("ORB"):
            return "orbital"
        if orb.startswith("SO"):
            return "suborbital"
        raise ValueError(f"{self.f['HSFID']}: unknown OrbID {orb!r}")

    @property
    def failed_orbital(self) -> bool:
        return re.fullmatch(r"\d{4}-F\d+", self.f["Desig"]) is not None

    @property
    def src(self) -> str:
        return f"{MISSIONS_FILE}:line {self.line}"


def read_missions(path: Path, report: Report) -> tuple[list[Row], str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = []
    for n, f in fixed_width_rows(lines, r"H[AB0-9]\d{4} ", MISSION_COLS):
        if f["HSFID"].startswith("HB"):
            report.add(
                "missions: left out",
                f"{f['HSFID']} {f['HSFTAG']} ({f['Ship']}, {f['LDate']}): non-human primate flight "
                f"(MType {f['MType']}) - {MISSIONS_FILE}:line {n}",
            )
            continue
        rows.append(Row(n, f))
    return rows, updated_iso(lines)


def load_curated_names(report: Report) -> dict[str, str]:
    if not CURATED_NAMES.exists():
        return {}
    data = tomllib.loads(CURATED_NAMES.read_text(encoding="utf-8"))
    names = {}
    for entry in data.get("mission", []):
        if not entry.get("source"):
            raise ValueError(f"{CURATED_NAMES}: entry {entry} has no source")
        names[entry["hsf_tag"]] = entry["name"]
    return names


def base_name(row: Row, curated: dict[str, str]) -> str:
    """The flight's common name, from McDowell's Ship column unless a rule or curated name applies."""
    if row.tag in curated:
        return curated[row.tag]
    ship = row.f["Ship"]
    if row.f["Project"] == "X-15":
        # Ship is the airframe (X-15-3) for every flight; the callsign is the flight designation.
        return f"X-15 flight {row.f['Callsign']}"
    ship = ship.removeprefix("(").removesuffix(")")
    # McDowell writes both "Soyuz 1" and "Soyuz-3"; use the spaced form throughout.
    return re.sub(r"^(Soyuz|Vostok|Voskhod)-(\d+)$", r"\1 \2", ship)


def assign_names(rows: list[Row], curated: dict[str, str], report: Report) -> None:
    names = [base_name(r, curated) for r in rows]
    used = Counter(slugify(n) for n in names)
    for row, name in zip(rows, names, strict=True):
        if row.kind == "abort" and used[slugify(name)] > 1:
            # An abort that shares its name with the flight that later flew (STS 41-D ...).
            # Durations of a second or less never left the pad (McDowell Dur).
            suffix = "pad abort" if row.f["Dur"] in ("0:00:00:00", "0:00:00:01") else "abort"
            report.add(
                "missions: renamed to keep ids unique",
                f'{row.f["HSFID"]} {row.tag} "{name}" ({row.f["LDate"]}) -> "{name} {suffix}": '
                f"the later flight keeps the name - {row.src}",
            )
            name = f"{name} {suffix}"
        row.name = name
        row.id = slugify(name)
    seen: dict[str, Row] = {}
    for row in rows:
        if row.id in seen:
            new = f"{row.id}-{slugify(row.tag)}"
            report.add(
                "missions: renamed to keep ids unique",
                f"{row.f['HSFID']} id {row.id} already used by {seen[row.id].f['HSFID']}; using {new}",
            )
            row.id = new
        seen[row.id] = row


def name_variants(name: str) -> list[str]:
    """Spellings of a flight name a user may type: roman<->arabic numbers, hyphen<->space."""
    out = []
    words = name.split(" ")
    # roman -> arabic after the first word ("Gemini VI-A" -> "Gemini 6-A")
    conv = [words[0]]
    for w in words[1:]:
        head, sep, tail = w.partition("-")
        value = roman_value(head)
        conv.append(f"{value}{sep}{tail}" if value is not None else w)
    arabic = " ".join(conv)
    if arabic != name:
        out.append(arabic)
    # arabic -> roman for programmes that use both ("Shenzhou 5" -> "Shenzhou V")
    m = re.fullmatch(r"(\w+) (\d+)(.*)", arabic)
    if m and m.group(1) in ROMAN_PROGRAMMES and int(m.group(2)) < 90:
        roman = f"{m.group(1)} {to_roman(int(m.group(2)))}{m.group(3)}"
        if roman != name:
            out.append(roman)
    # first separator: "Soyuz 11" <-> "Soyuz-11", "STS 51-L" <-> "STS-51-L"
    for form in [name, *out]:
        m2 = re.fullmatch(r"([A-Za-z]+)([ -])(\d.*|[IVXL]+\b.*)", form)
        if m2:
            other = "-" if m2.group(2) == " " else " "
            out.append(f"{m2.group(1)}{other}{m2.group(3)}")
    # short forms without the operator ("Dragon Crew-10" -> "Crew-10")
    for prefix in ("Dragon ", "New Shepard ", "Axiom "):
        if name.startswith(prefix):
            out.append(name[len(prefix) :])
    return out


def assign_aliases(rows: list[Row], report: Report) -> None:
    ship_count = Counter(r.f["Ship"] for r in rows)
    for row in rows:
        cands = [row.tag, *name_variants(row.name)]
        # Ship names shared by several rows (X-15-3, an abort and its flight) name a craft, not a flight.
        ship = row.f["Ship"]
        renamed = base_name(row, {}) != row.name and row.kind == "abort"
        # A bare craft type ("Soyuz" for Soyuz 18a, "Vostok" for Vostok 1) names no single flight.
        generic = row.name.startswith(ship)
        if ship_count[ship] == 1 and ship != row.name and not renamed and not generic:
            cands.append(ship)
            cands += name_variants(ship)
        cands += row.cosmos
        for c in row.cosmos:
            cands += name_variants(c)
        out: list[str] = []
        for c in cands:
            if c and c != row.name and c not in out:
                out.append(c)
        row.aliases = out
    drop_alias_clashes(rows, report)


def drop_alias_clashes(rows: list[Row], report: Report) -> None:
    """No alias may name two missions, or equal another mission's id (compared as slugs)."""
    ids = {r.id: r for r in rows}
    owners: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for slug in dict.fromkeys(slugify(a) for a in row.aliases):
            owners[slug].append(row)
    for row in rows:
        keep = []
        for alias in row.aliases:
            slug = slugify(alias)
            if slug in ids and ids[slug] is not row:
                reason = f"is the id of {ids[slug].f['HSFID']} {ids[slug].name}"
            elif len(owners[slug]) > 1:
                others = ", ".join(f"{r.f['HSFID']} {r.name}" for r in owners[slug] if r is not row)
                reason = f"also an alias of {others}"
            else:
                keep.append(alias)
                continue
            report.add(
                "missions: aliases dropped (clash)", f'{row.f["HSFID"]} {row.name}: "{alias}" {reason}'
            )
        row.aliases = keep


def check_crew_counts(rows: list[Row], report: Report) -> None:
    for row in rows:
        n = len(row.crew)
        if n != int(row.f["Crew"]):
            report.add(
                "missions: crew count differs from McDowell's Crew column",
                f"{row.f['HSFID']} {row.name}: Crew {row.f['Crew']}, astro.html lists {n} - {row.src}",
            )
