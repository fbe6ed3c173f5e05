"""McDowell's astro.html: one person per AS/AF row, their rides, display name and id."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacefacts.build.hsf.common import ASTRO_FILE, fixed_width_rows
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report
from spacefacts.text import ascii_fold as fold
from spacefacts.text import slug as slugify

ASTRO_COLS = {
    "No": 0, "Name": 9, "Rank": 50, "Born": 69, "Died": 82, "Citizen": 95, "Native": 104, "S": 113,
    "NFL": 115, "NRI": 120, "Duration": 125, "G": 142, "M": 144, "ETH": 146, "FLAG": 152, "ShortName": 158,
    "Missions": 189, "UName": 279,
}  # fmt: skip


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
    for n, f in fixed_width_rows(lines, r"A[SFA]-\d{5} ", ASTRO_COLS):
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
