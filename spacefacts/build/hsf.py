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
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from spacefacts.build import evas as eva_list
from spacefacts.build import families, mcdates, names, nations, reconcile, roles
from spacefacts.build.report import Report
from spacefacts.text import ascii_fold as fold
from spacefacts.text import format_duration
from spacefacts.text import slug as slugify

Record = dict[str, Any]

ROOT = Path(__file__).resolve().parents[2]
CURATED_NAMES = ROOT / "curated" / "mission_names.toml"

MISSIONS_FILE = "mcdowell-hsf/missions.html"
ASTRO_FILE = "mcdowell-hsf/astro.html"
EXTRACT_FILE = "mcdowell-hsf-2024-2026/missions_H00372-H00410.tsv"
RIDES_FILE = "mcdowell-hsf-2024-2026/crew_rides_derived.tsv"
COSMOS_DIR = "cosmos-book-human-spaceflight/human-spaceflight-data"


# Column start offsets from the header lines (mcdowell-hsf/SOURCE.md lists the same numbers).
MISSION_COLS = {
    "HSFID": 0, "HSFTAG": 9, "Desig": 20, "JTAG": 33, "Ship": 46, "LDate": 77, "EDate": 98, "Dur": 119,
    "Crew": 136, "Callsign": 141, "Station": 162, "Progra": 175, "Project": 182, "OrbID": 197, "DS": 206,
    "SSF": 211, "MType": 216,
}  # fmt: skip
ASTRO_COLS = {
    "No": 0, "Name": 9, "Rank": 50, "Born": 69, "Died": 82, "Citizen": 95, "Native": 104, "S": 113,
    "NFL": 115, "NRI": 120, "Duration": 125, "G": 142, "M": 144, "ETH": 146, "FLAG": 152, "ShortName": 158,
    "Missions": 189, "UName": 279,
}  # fmt: skip

# Zero-width marks found in astro.html UName (SOURCE.md): not part of anyone's name.
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200b\u200f"))

# A difference above this is a disagreement worth reporting (the brief's threshold).
TOLERANCE = timedelta(minutes=5)
# Window for pairing records by launch time when names do not match.
GCAT_TIME_WINDOW = timedelta(minutes=5)
COSMOS_TIME_WINDOW = timedelta(minutes=60)
# Computed career time in space vs McDowell's Duration: a larger difference is reported (the brief's).
DURATION_TOLERANCE = timedelta(hours=1)
# cosmos-book's human-spaceflight data was last updated with 2023 launches (its SOURCE.md).
COSMOS_END = "2024"

# Name prefixes that the two sources use differently for the same flight ("Dragon Crew-1" vs
# "SpaceX Crew-1", "New Shepard NS-16" vs "Blue Origin NS-16").
OPERATOR_PREFIXES = ("spacex", "dragon", "blue origin", "new shepard", "axiom")
# Programmes whose flights are also written with roman numerals (Shenzhou V, Gemini VII).
ROMAN_PROGRAMMES = ("Shenzhou", "Gemini")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


# ---------------------------------------------------------------- small helpers


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


# ---------------------------------------------------------------- McDowell missions.html


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
    for n, line in enumerate(lines, start=1):
        if not re.match(r"H[AB0-9]\d{4} ", line):
            continue
        f = cut(line, MISSION_COLS)
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


# ---------------------------------------------------------------- McDowell astro.html


@dataclass
class Person:
    line: int
    f: dict[str, str]
    rides: list[tuple[str, str | None]] = field(default_factory=list)  # (HSFTAG, role)
    id: str = ""
    display: str = ""
    cosmos: str | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def no(self) -> str:
        return self.f["No"]

    @property
    def src(self) -> str:
        return f"{ASTRO_FILE}:line {self.line}"


def read_people(path: Path, report: Report) -> list[Person]:
    lines = path.read_text(encoding="utf-8").split("\n")
    people = []
    for n, line in enumerate(lines, start=1):
        if not re.match(r"A[SFA]-\d{5} ", line):
            continue
        f = cut(line, ASTRO_COLS)
        if f["No"].startswith("AA"):
            report.add(
                "people: left out",
                f"{f['No']} {f['Name']}: chimpanzee (rides {f['Missions']}) - {ASTRO_FILE}:line {n}",
            )
            continue
        person = Person(n, f)
        for item in f["Missions"].split(","):
            tag, _, role = item.partition("/")
            person.rides.append((tag, role or None))
        people.append(person)
    return people


def display_name(raw: str, short: str = "") -> str:
    """'Carpenter, Malcolm *Scott' -> 'Scott Carpenter'; names without a comma stay as written.

    The `*`-marked given name is the one used; otherwise the first given name. Nicknames in
    quotes, other/maiden names in parentheses and suffixes after a second comma are left out.
    """
    text = re.sub(r"\s*\([^)]*\)", "", raw)
    text = re.sub(r"(^|\s)'[^']*'", " ", text)
    if "," not in text:
        words = text.replace("*", "").split()
        # A Russian name missing its comma ("Petelin Dmitriy Aleksandrovich") shows itself by
        # its ShortName in initials ("Petelin D.A."); East Asian names stay surname first.
        if len(words) == 3 and re.fullmatch(rf"{re.escape(words[0])} (?:[A-Z]\.)+", short.strip()):
            return f"{words[1]} {words[0]}"
        return " ".join(words)
    surname, rest = text.split(",", 1)
    given = rest.split(",")[0].split()
    starred = [w[1:] for w in given if w.startswith("*")]
    used = starred[0] if starred else given[0].replace("*", "") if given else ""
    return f"{used} {surname.strip()}".strip()


def surname_key(raw: str) -> str:
    """Surname for matching: before the comma, or the first word of a comma-less name.

    cosmos-book writes accents as HTML entities (TAMAYO M&eacute;NDEZ), hence the unescape.
    """
    text = re.sub(r"\s*\([^)]*\)", "", html.unescape(raw)).replace("*", "")
    surname = text.split(",")[0] if "," in text else text.split()[0]
    return re.sub(r"[^a-z]", "", fold(surname).lower())


def fix_sturckow(people: list[Person], rows: list[Row], report: Report) -> None:
    """Restore rides lost where astro.html's Missions column overflows (SOURCE.md: AS-00391 Sturckow).

    A cut-off item like `SS2-G` is replaced by the missions whose tag starts with it and that are
    exactly one person short of McDowell's Crew count, and only when their number equals the
    rides missing from the person's NRI. Otherwise the item is dropped and reported.
    """
    by_tag = {r.tag: r for r in rows}
    listed = Counter(tag for p in people for tag, _ in p.rides)
    for p in people:
        bad = [(t, r) for t, r in p.rides if t not in by_tag]
        if not bad:
            continue
        good = [(t, r) for t, r in p.rides if t in by_tag]
        missing = int(p.f["NRI"]) - len(good)
        for tag, _ in bad:
            short = [
                r.tag
                for r in rows
                if r.tag.startswith(tag) and int(r.f["Crew"]) - listed[r.tag] == 1 and r.tag not in dict(good)
            ]
            if len(bad) == 1 and len(short) == missing:
                good += [(t, None) for t in short]
                report.add(
                    "people: rides restored",
                    f"{p.no} {p.f['Name']}: Missions column is cut off at '{tag}' ({p.src}); "
                    f"NRI {p.f['NRI']} leaves {missing} rides missing, and exactly {missing} missions with "
                    f"tags starting '{tag}' are one short of their Crew count: "
                    f"added {', '.join(short)} (role unknown)",
                )
            else:
                report.add(
                    "people: unresolved rides",
                    f"{p.no} {p.f['Name']}: '{tag}' names no mission; candidates {short} ({p.src})",
                )
        order = {r.tag: i for i, r in enumerate(rows)}
        p.rides = sorted(good, key=lambda tr: order[tr[0]])


def assign_person_ids(people: list[Person], report: Report) -> None:
    for p in people:
        p.display = display_name(p.f["Name"], p.f.get("ShortName", ""))
        p.id = slugify(p.display)
    groups: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        groups[p.id].append(p)
    for slug, group in groups.items():
        if len(group) < 2:
            continue
        for p in group:
            p.id = f"{slug}-{p.f['Born'][:4]}"
        if len({p.id for p in group}) < len(group):
            for p in group:
                p.id = f"{slug}-{p.no.lower()}"
        report.add(
            "people: ids disambiguated",
            f"{slug}: " + ", ".join(f"{p.no} {p.f['Name']} -> {p.id}" for p in group),
        )


# ---------------------------------------------------------------- cosmos-book


@dataclass
class CosmosPerson:
    file: str
    top: dict[str, str]
    lists: dict[str, list[Any]]

    @property
    def name(self) -> str:
        return self.top.get("name", "")

    @property
    def missions(self) -> list[dict[str, str]]:
        return [m for m in self.lists.get("missions", []) if isinstance(m, dict)]

    @property
    def evas(self) -> list[dict[str, str]]:
        return [m for m in self.lists.get("evas", []) if isinstance(m, dict)]


def parse_front_matter(text: str) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The small YAML subset cosmos-book uses: `key: value`, and lists of scalars or flat mappings.

    Separators mix tabs and spaces (SOURCE.md), so every value is stripped.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    top: dict[str, str] = {}
    lists: dict[str, list[Any]] = {}
    current: list[Any] | None = None
    for line in lines[1:]:
        if line.strip() == "---":
            break
        if not line.strip():
            continue
        if not line[0].isspace():
            key, _, value = line.partition(":")
            value = value.strip()
            if value:
                top[key.strip()] = value
                current = None
            else:
                current = lists.setdefault(key.strip(), [])
            continue
        if current is None:
            continue
        item = line.strip()
        if item.startswith("- "):
            item = item[2:].strip()
            m = re.match(r"([A-Za-z_]+):\s*(.*)$", item)
            if m and not item.startswith("http"):
                current.append({m.group(1): m.group(2).strip()})
            else:
                current.append(item)
        else:
            m = re.match(r"([A-Za-z_]+):\s*(.*)$", item)
            if m and current and isinstance(current[-1], dict):
                current[-1][m.group(1)] = m.group(2).strip()
    return top, lists


def read_cosmos(folder: Path) -> list[CosmosPerson]:
    out = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        top, lists = parse_front_matter(path.read_text(encoding="utf-8"))
        out.append(CosmosPerson(path.name, top, lists))
    return out


@dataclass
class CosmosMission:
    name: str
    launch: str | None
    land: str | None
    crew: list[str]  # files of people who launched on it (entry has time_start)
    landed_only: list[str]  # files listing it without time_start: came home on it


def cosmos_missions(people: list[CosmosPerson], folder: Path) -> dict[str, CosmosMission]:
    summary = json.loads((folder / "processed" / "missions.json").read_text(encoding="utf-8"))
    out: dict[str, CosmosMission] = {}
    for p in people:
        for m in p.missions:
            name = m.get("name", "")
            cm = out.get(name)
            if cm is None:
                times = summary.get(name, {})
                cm = CosmosMission(
                    name,
                    cosmos_time(times.get("launch", "")) or None,
                    cosmos_time(times.get("land", "")) or None,
                    [],
                    [],
                )
                out[name] = cm
            (cm.crew if m.get("time_start") else cm.landed_only).append(p.file)
            # Names missing from processed/missions.json: fall back to the person entry.
            if cm.launch is None and m.get("time_start"):
                cm.launch = cosmos_time(m["time_start"])
    return out


def match_cosmos_missions(rows: list[Row], cms: dict[str, CosmosMission], report: Report) -> dict[str, Row]:
    """cosmos mission name -> McDowell row, by normalised name, else by launch time (unique, within 1 h)."""
    keys: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        names = [row.name, row.f["Ship"], *name_variants(row.name)]
        for key in dict.fromkeys(match_key(n) for n in names):
            keys[key].append(row)
    out: dict[str, Row] = {}
    for name in sorted(cms):
        cands = keys.get(match_key(name), [])
        flights = [r for r in cands if r.kind != "abort" or r.name == r.f["Ship"].strip("()")]
        if len(flights) == 1:
            out[name] = flights[0]
    for name in sorted(cms):
        cm = cms[name]
        if name in out or cm.launch is None:
            continue
        at = parse_iso(cm.launch).at
        near = [r for r in rows if r.launch and abs(parse_iso(r.launch).at - at) <= COSMOS_TIME_WINDOW]
        if len(near) == 1:
            out[name] = near[0]
            report.add(
                "missions: matched to cosmos-book by launch time",
                f'cosmos "{name}" ({cm.launch}) = {near[0].f["HSFID"]} {near[0].name} ({near[0].launch})',
            )
        else:
            report.add(
                "missions: cosmos-book flights not matched",
                f'"{name}" launch {cm.launch}: {len(near)} McDowell flights within 1 h',
            )
    for name, row in sorted(out.items(), key=lambda kv: (kv[1].line, kv[0])):
        row.cosmos.append(name)
    return out


# ---------------------------------------------------------------- people join


def name_words(raw: str) -> list[str]:
    text = re.sub(r"\s*\([^)]*\)", "", html.unescape(raw)).replace("*", "")
    return [w for w in (re.sub(r"[^a-z]", "", fold(t).lower()) for t in re.split(r"[\s,]+", text)) if w]


def surname_fit(surname: str, cosmos_name: str) -> int:
    """2 = same surname, 1 = close (transliteration, word order, double-barrelled), 0 = different.

    cosmos-book writes some Chinese names given-name-first after the comma ("DONG, Chen" for
    Chen Dong) and spells Russian names differently (SURAYEV/Suraev), hence the looser levels.
    """
    theirs = surname_key(cosmos_name)
    if surname == theirs:
        return 2
    short, long_ = sorted((surname, theirs), key=len)
    if len(short) >= 4 and short in long_:
        return 1
    if SequenceMatcher(None, surname, theirs).ratio() >= 0.8:
        return 1
    return 1 if surname in name_words(cosmos_name) else 0


def given_fit(person: Person, c: CosmosPerson) -> int:
    """How many of gender and given-name initial agree (0-2): what tells apart two people of one
    surname on one flight with no birth date in cosmos-book (the Hagles of NS-20)."""
    given = [w for w in name_words(person.f["Name"].split(",", 1)[-1]) if w]
    theirs = [w for w in name_words(c.name.split(",", 1)[-1]) if w] if "," in c.name else []
    gender = str(c.top.get("gender", "")).strip()[:1].upper()
    return (bool(gender) and gender == person.f["G"].strip()[:1].upper()) + (
        bool(given and theirs) and given[0][:1] == theirs[0][:1]
    )


def join_people(
    people: list[Person], cosmos: list[CosmosPerson], cmap: dict[str, Row], rows: list[Row]
) -> dict[str, Person]:
    """cosmos file -> McDowell person, one to one.

    A pair needs two of: similar surname, same birth date, a shared flight. Best pairs are taken
    first (more criteria, then exact surname, then agreeing gender and given-name initial, then
    astro.html order).
    """
    by_tag = {r.tag: r for r in rows}
    flights = {p.no: {by_tag[t].id for t, _ in p.rides} for p in people}
    cflights = {c.file: {cmap[m["name"]].id for m in c.missions if m.get("name") in cmap} for c in cosmos}
    by_dob: dict[str, list[CosmosPerson]] = defaultdict(list)
    by_flight: dict[str, list[CosmosPerson]] = defaultdict(list)
    by_surname: dict[str, list[CosmosPerson]] = defaultdict(list)
    for c in cosmos:
        by_dob[c.top.get("dob", "")].append(c)
        by_surname[surname_key(c.name)].append(c)
        for fid in cflights[c.file]:
            by_flight[fid].append(c)
    scored: list[tuple[int, int, int, int, str, Person]] = []
    for order, p in enumerate(people):
        surname, dob = surname_key(p.f["Name"]), mcdowell_date(p.f["Born"])[0]
        cands = {c.file: c for c in by_surname.get(surname, []) + (by_dob.get(dob, []) if dob else [])}
        for fid in sorted(flights[p.no]):
            cands.update((c.file, c) for c in by_flight[fid])
        for file, c in sorted(cands.items()):
            fit = surname_fit(surname, c.name)
            score = (
                (fit > 0)
                + (dob is not None and c.top.get("dob") == dob)
                + bool(cflights[file] & flights[p.no])
            )
            if score >= 2:
                scored.append((-score, -fit, -given_fit(p, c), order, file, p))
    out: dict[str, Person] = {}
    for *_, file, p in sorted(scored, key=lambda s: s[:5]):
        if file in out or p.cosmos is not None:
            continue
        out[file] = p
        p.cosmos = file
    return out


# ---------------------------------------------------------------- GCAT link


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


# ---------------------------------------------------------------- cross-checks


def check_crew_counts(rows: list[Row], report: Report) -> None:
    for row in rows:
        n = len(row.crew)
        if n != int(row.f["Crew"]):
            report.add(
                "missions: crew count differs from McDowell's Crew column",
                f"{row.f['HSFID']} {row.name}: Crew {row.f['Crew']}, astro.html lists {n} - {row.src}",
            )


def check_cosmos_missions(
    rows: list[Row],
    cms: dict[str, CosmosMission],
    cmap: dict[str, Row],
    people_by_no: dict[str, Person],
    joined: dict[str, Person],
    report: Report,
    found: list[reconcile.Disagreement],
) -> int:
    """Collect launch/landing differences over 5 minutes and crew differences. Returns the count."""
    count = 0
    landed = [r for r in rows if r.landing and len(r.landing) >= 16]
    for row in rows:
        if not row.cosmos:
            continue
        label = f"{row.f['HSFID']} {row.name} (cosmos " + " / ".join(f'"{n}"' for n in row.cosmos) + ")"
        for what, mine, theirs in (
            ("launch", row.launch, dict.fromkeys(cms[n].launch for n in row.cosmos)),
            ("landing", row.landing, dict.fromkeys(cms[n].land for n in row.cosmos)),
        ):
            for value in theirs:
                if mine and value and (d := differ(mine, value)):
                    text = f"{label} {what}: McDowell vs cosmos {d}{landing_note(what, value, row, landed)}"
                    found.append(reconcile.Disagreement("mission", what, row.f["HSFID"], text, mine, value))
                    count += 1
        mine_crew = {people_by_no[no].id for no, _ in row.crew}
        files = [f for n in row.cosmos for f in cms[n].crew]
        theirs_crew = {joined[f].id if f in joined else f"unmatched cosmos file {f}" for f in files}
        if mine_crew != theirs_crew:
            only_m = ", ".join(sorted(mine_crew - theirs_crew)) or "-"
            only_c = ", ".join(sorted(theirs_crew - mine_crew)) or "-"
            text = f"{label} launch crew: only in McDowell: {only_m}; only in cosmos: {only_c}"
            found.append(
                reconcile.Disagreement(
                    "mission",
                    "crew",
                    row.f["HSFID"],
                    text,
                    ",".join(sorted(mine_crew - theirs_crew)),
                    ",".join(sorted(theirs_crew - mine_crew)),
                )
            )
            count += 1
    matched = {id(r) for r in cmap.values()}
    late: list[Row] = []
    early: list[Row] = []
    for row in rows:
        if id(row) in matched:
            continue
        (late if (row.launch or "") >= COSMOS_END else early).append(row)
    if late:
        report.add(
            "missions: not in cosmos-book",
            f"expected, cosmos-book ends with 2023 launches: {len(late)} flights from 2024 on "
            f"({late[0].name} ... {late[-1].name})",
        )
    for row in early:
        report.add(
            "missions: not in cosmos-book",
            f"{row.f['HSFID']} {row.name} ({row.kind}, {row.launch}) - {row.src}",
        )
    return count


def landing_note(what: str, value: str, row: Row, landed: list[Row]) -> str:
    """Explain a cosmos landing that is another ship's landing (crews that swapped ships)."""
    if what != "landing" or len(value) < 16:
        return ""
    for other in landed:
        # Only ships that landed well apart from this one: Vostok 3 and 4 came down minutes apart.
        if other is row or not other.landing or not row.landing:
            continue
        far = abs(parse_iso(other.landing).at - parse_iso(row.landing).at) > timedelta(hours=1)
        if far and differ(other.landing, value) is None:
            return f" (= landing of {other.name}: cosmos gives a crew's own return)"
    return ""


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


# ---------------------------------------------------------------- own returns


@dataclass
class Back:
    """A person who came home on another ship than the one they launched on."""

    launch: Row  # the ship they launched on (one of their rides)
    landing: str  # their landing, ISO at the source's precision
    on: Row | None  # the ship they came home on; None when McDowell does not list it
    src: str
    ship: str | None = None  # the return ship's name when McDowell does not list it

    def record(self) -> Record:
        rec: Record = {"mission": self.launch.id, "landing": self.landing}
        if self.on is not None:
            rec["on"] = self.on.id
        elif self.ship:
            rec["ship"] = self.ship
        rec["src"] = self.src
        return rec


def same_time(a: str, b: str) -> bool:
    """Equal at the coarser of the two precisions (a minute time equals its :00 second form)."""
    wa, wb = parse_iso(a), parse_iso(b)
    coarse = min(len(wa.iso.rstrip("Z")), len(wb.iso.rstrip("Z")))
    return wa.at.isoformat()[:coarse] == wb.at.isoformat()[:coarse]


def cosmos_returns(
    p: Person, c: CosmosPerson, cms: dict[str, CosmosMission], cmap: dict[str, Row], report: Report
) -> dict[str, Back]:
    """Launch tag -> return, from a cosmos-book person file.

    Its README: "Some people are launched on one mission and return on another in which case they
    will have a blank end time on the first mission and a blank start time on the next." So an
    entry with a start and no end is a launch whose landing is the next entry's end, provided that
    next entry has no start and is not a ship the person launched on (McDowell's rides).
    A few files instead give the launch entry the person's own end (see `end_elsewhere`).
    """
    section = "people: returns not read from cosmos-book"
    launched = {t for t, _ in p.rides}
    out: dict[str, Back] = {}
    used: set[int] = set()
    ms = c.missions
    src = f"cosmos-book human-spaceflight-data/{c.file}"
    for i, m in enumerate(ms):
        name = m.get("name", "")
        row = cmap.get(name)
        if m.get("time_start") and row is not None and row.tag not in launched:
            back = listed_as_launch(p, c, i, row, cmap, report)
            if back is not None:
                out[back.launch.tag] = back
                used.add(i)
            continue
        if m.get("time_start") and m.get("time_end") and row is not None and row.tag in launched:
            back = end_elsewhere(p, c, m, row, cms, cmap, report)
            if back is not None:
                out[row.tag] = back
            continue
        if not m.get("time_start") or m.get("time_end"):
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is None or nxt.get("time_start"):
            continue  # no landing given (cosmos-book ends with 2023); other sources may have it
        used.add(i + 1)
        on = cmap.get(nxt.get("name", ""))
        landing = cosmos_time(nxt.get("time_end", ""))
        label = f'{c.file} "{name}" up, "{nxt.get("name")}" down ({p.no} {p.f["Name"]})'
        if row is None:
            report.add(section, f"{label}: the launch ship matches no McDowell flight")
            continue
        if on is not None and on.tag in launched:
            report.add(
                section, f"{label}: McDowell lists the return ship {on.tag} as a launch of this person"
            )
            continue
        if landing is None:
            report.add(section, f"{label}: the return entry has no readable time_end {nxt.get('time_end')!r}")
            continue
        if row.launch and parse_iso(landing).at < parse_iso(row.launch).at:
            report.add(section, f"{label}: landing {landing} is before the launch {row.launch}")
            continue
        if on is None:
            report.add(
                "people: returns on a ship McDowell does not list",
                f"{label}: no McDowell crewed flight is that ship, so no return ship is named; "
                f"landing {landing} kept",
            )
        out[row.tag] = Back(row, landing, on, src, None if on else nxt.get("name") or None)
        check_return_landing(label, on, landing, report)
    for i, m in enumerate(ms):
        if i not in used and not m.get("time_start") and m.get("name"):
            report.add(
                section,
                f'{c.file} "{m.get("name")}" has no time_start but follows no open launch '
                f"({p.no} {p.f['Name']})",
            )
    return out


def listed_as_launch(
    p: Person, c: CosmosPerson, i: int, on: Row, cmap: dict[str, Row], report: Report
) -> Back | None:
    """A cosmos-book entry with a time_start for a ship McDowell says the person did not launch on.

    McDowell's rides are the launches, so being aboard that ship (cosmos-book) without launching on
    it (McDowell) means coming home on it. Taken only when the entry directly follows one of the
    person's McDowell rides that landed before this ship (WAKATA_K.md: STS-119 then STS-127;
    ONUFRIYENKO_YI.md: STS-108 then STS-111); the landing is this entry's time_end.
    """
    m = c.missions[i]
    label = f'{c.file} "{m.get("name")}" ({p.no} {p.f["Name"]}: McDowell rides {p.f["Missions"]})'
    prev = cmap.get(c.missions[i - 1].get("name", "")) if i > 0 else None
    landing = cosmos_time(m.get("time_end", ""))
    ok = (
        prev is not None
        and prev.tag in {t for t, _ in p.rides}
        and landing is not None
        and prev.landing is not None
        and parse_iso(prev.landing).at < parse_iso(landing).at
    )
    if not ok or prev is None or landing is None:
        report.add(
            "people: returns not read from cosmos-book",
            f"{label}: has a time_start but is not one of McDowell's rides ({on.tag}); no return written",
        )
        return None
    report.add(
        "people: returns read from a cosmos-book entry McDowell does not list as a launch",
        f"{label}: {on.tag} is not a McDowell ride but cosmos-book has the person aboard "
        f"({m.get('time_start')} to {m.get('time_end')}); read as the return ship of the preceding "
        f"{prev.tag}, landing {landing}",
    )
    check_return_landing(label, on, landing, report)
    return Back(prev, landing, on, f"cosmos-book human-spaceflight-data/{c.file}")


def end_elsewhere(
    p: Person, c: CosmosPerson, m: dict[str, str], row: Row, cms: dict[str, CosmosMission],
    cmap: dict[str, Row], report: Report,
) -> Back | None:  # fmt: skip
    """A launch entry whose time_end is not its own ship's landing but another ship's (cosmos-book).

    Some files (KOCH_CH.md, KELLY_SJ.md) give the launch entry the person's own return instead of
    the README's two-entry form. If that end is far (over 1 h) from cosmos-book's landing of the
    launch ship and equals (within 5 min) cosmos-book's landing of exactly one other flight, that
    flight is the return ship. Both times are cosmos-book's, so its own errors cannot mislead.
    """
    end = cosmos_time(m["time_end"])
    own = cms[m["name"]].land
    if end is None or own is None or len(end) < 16 or len(own) < 16:
        return None
    if abs(parse_iso(end).at - parse_iso(own).at) <= timedelta(hours=1):
        return None
    label = f'{c.file} "{m["name"]}" ends {end}, cosmos landing of that ship {own} ({p.no} {p.f["Name"]})'
    ships = {
        id(cmap[cm.name]): cmap[cm.name]
        for cm in cms.values()
        if cm.land and len(cm.land) >= 16 and cm.name in cmap and differ(cm.land, end) is None
    }
    ships.pop(id(row), None)
    if len(ships) != 1:
        report.add(
            "people: returns not read from cosmos-book",
            f"{label}: {len(ships)} other flights landed then in cosmos-book; no return written",
        )
        return None
    (on,) = ships.values()
    if on.tag in {t for t, _ in p.rides}:
        report.add(
            "people: returns not read from cosmos-book",
            f"{label}: = cosmos landing of {on.name}, but McDowell lists that as a launch of this person",
        )
        return None
    report.add(
        "people: returns read from a launch entry's end time (cosmos-book)",
        f"{label} = cosmos landing of {on.name}: came home on {on.id}",
    )
    check_return_landing(label, on, end, report)
    return Back(row, end, on, f"cosmos-book human-spaceflight-data/{c.file}")


def check_return_landing(label: str, on: Row | None, landing: str, report: Report) -> None:
    if on is not None and on.landing and (d := differ(on.landing, landing)):
        report.add(
            "people: returns disagree with McDowell's landing of the return ship",
            f"{label}: McDowell {on.name} EDate vs cosmos {d} - {on.src}",
        )


def rides_returns(
    path: Path, rows: list[Row], people_by_no: dict[str, Person], report: Report
) -> tuple[dict[tuple[str, str], Back], int]:
    """(astro No, launch tag) -> return, from crew_rides_derived.tsv; also the number of rides read.

    That file is a hand-made derivation from McDowell's missions.html/astro.html (its SOURCE.md):
    `person_return_utc` is launch + career Duration for single-flight people, else the ship's EDate,
    overridden by hand for crews that came home on another ship. The return ship is the flight whose
    EDate equals that time. Empty = still in space at the update: nothing is written.
    """
    section = "people: returns from crew_rides_derived.tsv"
    by_tag = {r.tag: r for r in rows}
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    out: dict[tuple[str, str], Back] = {}
    read = 0
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        rec = dict(zip(header, [v.strip() for v in line.split("\t")], strict=False))
        read += 1
        where = f"{RIDES_FILE}:line {n}"
        row, p = by_tag.get(rec["HSFTAG"]), people_by_no.get(rec["AstroNo"])
        if row is None or p is None or row.tag not in {t for t, _ in p.rides}:
            report.add(section, f"{where}: {rec['AstroNo']} on {rec['HSFTAG']} is not a McDowell ride")
            continue
        back = rec.get("person_return_utc", "")
        if not back:
            if row.landing is not None:
                report.add(section, f"{where}: {p.no} no return although {row.tag} landed {row.landing}")
            continue
        if row.landing and same_time(back, row.landing):
            continue  # came home on the launch ship: the mission's landing applies
        ships = [r for r in rows if r.landing and len(r.landing) >= 16 and same_time(back, r.landing)]
        on = ships[0] if len(ships) == 1 else None
        basis = rec.get("person_return_basis", "")
        label = f"{p.no} {p.f['Name']} {row.tag} up, back {back}"
        if on is None:
            report.add(
                "people: returns on a ship McDowell does not list",
                f"{label}: {len(ships)} McDowell flights landed then, so no return ship is named; "
                f"landing kept ({basis}) - {where}",
            )
        out[(p.no, row.tag)] = Back(
            row, back, on, f"{where} (hand-made derivation from McDowell's lists; {basis})"
        )
    return out, read


def merge_returns(
    people: list[Person],
    cosmos_by_file: dict[str, CosmosPerson],
    cms: dict[str, CosmosMission],
    cmap: dict[str, Row],
    rides: dict[tuple[str, str], Back],
    curated: dict[str, dict[str, Back]],
    report: Report,
) -> tuple[dict[str, dict[str, Back]], Counter[str]]:
    """astro No -> launch tag -> return. The derived 2023-08+ file wins where both have a flight;
    a disagreement between them is reported."""
    out: dict[str, dict[str, Back]] = {}
    counts: Counter[str] = Counter()
    for p in people:
        mine = cosmos_returns(p, cosmos_by_file[p.cosmos], cms, cmap, report) if p.cosmos else {}
        counts["cosmos-book"] += len(mine)
        for (no, tag), back in sorted(rides.items()):
            if no != p.no:
                continue
            old = mine.get(tag)
            if old is not None:
                counts["cosmos-book"] -= 1
                if old.on is not back.on or differ(old.landing, back.landing):
                    report.add(
                        "people: returns disagree between sources",
                        f"{p.no} {p.f['Name']} {tag}: cosmos {old.landing} on "
                        f"{old.on.id if old.on else '-'} vs {back.landing} on {back.on.id if back.on else '-'} "
                        f"({old.src} / {back.src}); the latter is kept",
                    )
            mine[tag] = back
            counts["crew_rides_derived.tsv"] += 1
        for tag, back in curated.get(p.no, {}).items():
            old = mine.get(tag)
            report.add(
                "people: returns from curated/returns.toml",
                f"{p.no} {p.f['Name']} {tag}: {back.landing} ({back.src})"
                + (f"; replaces {old.landing} from {old.src}" if old else ""),
            )
            mine[tag] = back
            counts["curated/returns.toml"] += 1
        for back in mine.values():
            # The return ship's own landing is McDowell's, the primary source; cosmos-book's
            # differing value is already in the report (check_return_landing).
            if back.on is not None and back.on.landing and back.landing != back.on.landing:
                back.src += f"; landing time: McDowell's landing of {back.on.name} ({back.on.src})"
                back.landing = back.on.landing
        if mine:
            out[p.no] = mine
    return out, counts


def load_curated_returns(sources_rows: dict[str, Row], people: list[Person]) -> dict[str, dict[str, Back]]:
    """curated/returns.toml: returns on ships McDowell does not list as crewed, each with a source."""
    path = Path(__file__).resolve().parents[2] / "curated" / "returns.toml"
    with path.open("rb") as fh:
        entries = tomllib.load(fh).get("return", [])
    known = {p.no for p in people}
    out: dict[str, dict[str, Back]] = {}
    for e in entries:
        where = f"curated/returns.toml: {e.get('astro_no')}"
        row = sources_rows.get(e.get("launch_tag", ""))
        if row is None or e.get("astro_no") not in known or not e.get("source", "").startswith("http"):
            raise ValueError(f"{where}: needs a known astro_no, launch_tag and an http source")
        landing = e["landing"]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z", landing):
            raise ValueError(f"{where}: field 'landing': not an ISO UTC time")
        back = Back(
            launch=row,
            landing=landing,
            on=None,
            src=f"curated/returns.toml: {e['ship']}: {e['source']}"
            + (f" (note: {e['note']})" if e.get("note") else ""),
            ship=e["ship"].split(" (")[0],
        )
        out.setdefault(e["astro_no"], {})[row.tag] = back
    return out


def parse_duration(raw: str) -> timedelta:
    """McDowell `D:HH:MM:SS` (a trailing `*` = still in space) -> timedelta."""
    d, hh, mm, ss = (int(x) for x in raw.rstrip("*").split(":"))
    return timedelta(days=d, hours=hh, minutes=mm, seconds=ss)


def check_durations(
    people: list[Person], by_tag: dict[str, Row], returns: dict[str, dict[str, Back]], updated: str,
    report: Report,
) -> int:  # fmt: skip
    """Sum of (own return - launch) over each person's non-abort flights vs astro.html Duration.

    A flight still up at the update runs to the `# Updated` time (McDowell's `*` totals do the
    same). Returns the number of people within DURATION_TOLERANCE.
    """
    section = "people: time in space differs from McDowell's Duration"
    now = parse_iso(updated).at
    agree = 0
    for p in people:
        total = timedelta()
        for tag, _ in p.rides:
            row = by_tag[tag]
            if row.kind == "abort" or row.launch is None:
                continue
            back = returns.get(p.no, {}).get(tag)
            end = back.landing if back else row.landing
            end_at = parse_iso(end).at if end else now
            total += end_at - parse_iso(row.launch).at
        mcd = parse_duration(p.f["Duration"])
        if abs(total - mcd) <= DURATION_TOLERANCE:
            agree += 1
            continue
        sign = "+" if total > mcd else "-"
        backs = ", ".join(f"{b.launch.tag} back {b.landing}" for b in returns.get(p.no, {}).values())
        report.add(
            section,
            f"{p.no} {p.f['Name']}: computed {format_duration(total, 'clock')} vs Duration {p.f['Duration']} "
            f"({sign}{format_delta(abs(total - mcd))}); rides {p.f['Missions'] or '-'}"
            + (f"; returns {backs}" if backs else "")
            + f" - {p.src}",
        )
    return agree


# ---------------------------------------------------------------- records


def mission_record(row: Row, la: Record | None, people_by_no: dict[str, Person]) -> Record:
    launch, launch_unc = mcdowell_date(row.f["LDate"])
    landing, landing_unc = mcdowell_date(row.f["EDate"])
    in_flight = row.f["EDate"] == "-"
    outcome = "abort" if row.kind == "abort" else "launch failure" if row.failed_orbital else "success"
    rec: Record = {
        "id": row.id,
        "name": row.name,
        "aliases": row.aliases or None,
        "hsf_id": row.f["HSFID"],
        "hsf_tag": row.tag,
        "designator": row.f["Desig"],
        "kind": row.kind,
        "outcome": outcome,
        "launch": launch,
        "launch_uncertain": launch_unc or None,
        "landing": landing,
        "landing_uncertain": landing_unc or None,
        "in_flight": in_flight or None,
        "callsign": none_if_dash(row.f["Callsign"]),
        "station": none_if_dash(row.f["Station"]),
        "program": none_if_dash(row.f["Progra"]),
        "family": families.family_name(row.f["Project"], row.name),
        "orbit_id": none_if_dash(row.f["OrbID"]),
        "launch_tag": la["tag"] if la else None,
        "vehicle": la.get("vehicle") if la else None,
        "site": la.get("site") if la else None,
        "pad": none_if_dash(la.get("pad") or "-") if la else None,
        "crew": [
            {"person": people_by_no[no].id, "role": role} if role else {"person": people_by_no[no].id}
            for no, role in row.crew
        ]
        or None,
        "cosmos": row.cosmos[0] if row.cosmos else None,
        "src": row.src,
    }
    return {k: v for k, v in rec.items() if v is not None}


def none_if_dash(value: str) -> str | None:
    return None if value in ("", "-") else value


def person_record(
    p: Person, countries: dict[str, str], flights: list[str], returns: list[Record], evas: list[Record],
    report: Report,
) -> Record:  # fmt: skip
    born, born_unc = mcdowell_date(p.f["Born"])
    died, died_unc = mcdowell_date(p.f["Died"])
    citizen = p.f["Citizen"]
    citizen_unc = citizen.endswith("?")
    code = citizen.rstrip("?")
    country = countries.get(code)
    if country is None:
        report.add("people: citizen code not in GCAT orgs.tsv", f"{p.no} {p.f['Name']}: {code} - {p.src}")
    if born is None:
        report.add("people: no birth date", f"{p.no} {p.f['Name']}: Born {p.f['Born']!r} - {p.src}")
    native = p.f["UName"].translate(INVISIBLE).strip()
    rec: Record = {
        "id": p.id,
        "name": p.display,
        "sort_name": p.f["Name"].replace("*", ""),
        "native_name": native if native and native != p.f["Name"] else None,
        "aliases": p.aliases or None,
        "astro_no": p.no,
        "born": born,
        "born_uncertain": (born_unc and born is not None) or None,
        "died": died,
        "died_uncertain": (died_unc and died is not None) or None,
        "citizen": code,
        "citizen_uncertain": citizen_unc or None,
        "country": country,
        "gender": p.f["G"],
        "flights": flights,
        "returns": returns or None,
        "evas": evas or None,
        "cosmos": p.cosmos,
        "src": p.src,
    }
    return {k: v for k, v in rec.items() if v is not None}


def eva_records(c: CosmosPerson, report: Report) -> list[Record]:
    src = f"cosmos-book human-spaceflight-data/{c.file}"
    out = []
    for eva in c.evas:
        rec: Record = {}
        for key, out_key in (("time_start", "start"), ("time_end", "end")):
            raw = eva.get(key)
            if not raw:
                continue
            iso = cosmos_time(raw)
            if iso is None:
                iso = non_iso_time(raw)
                report.add(
                    "people: cosmos-book values converted",
                    f"{c.file} EVA {key} {raw!r} is not ISO 8601; read as {iso or 'unreadable (dropped)'} "
                    "(taken as UTC like the file's other times)",
                )
            if iso:
                rec[out_key] = iso
        dur = eva.get("duration")
        if dur:
            m = re.fullmatch(r"(\d+)h(\d+)m", dur.strip())
            if m:
                rec["duration_min"] = int(m.group(1)) * 60 + int(m.group(2))
            else:
                report.add(
                    "people: cosmos-book values converted", f"{c.file} EVA duration {dur!r} unreadable"
                )
        if "start" not in rec:
            report.add("people: cosmos-book EVAs dropped", f"{c.file}: EVA without a start time {eva}")
            continue
        rec["src"] = src
        out.append(rec)
    return out


def non_iso_time(raw: str) -> str | None:
    """'February 3, 2006 9:55' (TOKAREV_VI.md) -> '2006-02-03T09:55Z'; '2023-12-21T' -> '2023-12-21'."""
    if re.fullmatch(r"\d{4}-\d\d-\d\dT", raw.strip()):
        return raw.strip()[:-1]
    for fmt in ("%B %d, %Y %H:%M", "%B %d, %Y"):
        try:
            at = datetime.strptime(raw.strip(), fmt)
        except ValueError:
            continue
        return at.strftime("%Y-%m-%dT%H:%MZ" if "%H" in fmt else "%Y-%m-%d")
    return None


# ---------------------------------------------------------------- build


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


def report_people_join(
    people: list[Person], cosmos: list[CosmosPerson], joined: dict[str, Person], by_tag: dict[str, Row],
    report: Report,
) -> None:  # fmt: skip
    late = []
    for p in people:
        if p.cosmos:
            continue
        first = by_tag[p.rides[0][0]].launch or "" if p.rides else ""
        if first >= COSMOS_END:
            late.append(p)
        else:
            report.add(
                "people: in McDowell but not cosmos-book",
                f"{p.no} {p.f['Name']} (born {p.f['Born']}, first ride {first}) - {p.src}",
            )
    if late:
        report.add(
            "people: in McDowell but not cosmos-book",
            f"expected, first flew after cosmos-book's 2023 end: {len(late)} people",
        )
    unflown = 0
    for c in cosmos:
        if c.file in joined:
            continue
        if not c.missions:
            unflown += 1
            continue
        names = ", ".join(m.get("name", "?") for m in c.missions)
        report.add(
            "people: in cosmos-book but not McDowell",
            f"{c.file} {c.name} (dob {c.top.get('dob', '-')}; {names})",
        )
    report.add(
        "people: in cosmos-book but not McDowell",
        f"expected, {unflown} cosmos-book files list no missions (candidates who have not flown)",
    )


def check_dob(
    people: list[Person], cosmos: list[CosmosPerson], report: Report, found: list[reconcile.Disagreement]
) -> int:
    by_file = {c.file: c for c in cosmos}
    count = 0
    for p in people:
        if not p.cosmos:
            continue
        mine = mcdowell_date(p.f["Born"])[0]
        theirs = by_file[p.cosmos].top.get("dob")
        if mine and theirs and len(mine) == 10 and len(theirs) == 10 and mine != theirs:
            text = f"{p.no} {p.f['Name']} born: McDowell {mine} vs cosmos {theirs} ({p.cosmos})"
            found.append(reconcile.Disagreement("person", "born", p.no, text, mine, theirs))
            count += 1
    return count


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
