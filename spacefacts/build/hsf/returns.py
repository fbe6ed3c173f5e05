"""People who came home on another ship: from cosmos-book, crew_rides_derived.tsv and
curated/returns.toml, merged; and each person's time in space checked against McDowell's Duration."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from spacefacts.build.hsf.astro import Person
from spacefacts.build.hsf.common import (
    RIDES_FILE,
    ROOT,
    Record,
    cosmos_time,
    differ,
    format_delta,
    parse_iso,
)
from spacefacts.build.hsf.cosmos import CosmosMission, CosmosPerson
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report
from spacefacts.text import format_duration

# Computed career time in space vs McDowell's Duration: a larger difference is reported (the brief's).
DURATION_TOLERANCE = timedelta(hours=1)


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
        back = two_entry_return(p, c, m, nxt, row, cmap, report)
        if back is not None:
            out[back.launch.tag] = back
    for i, m in enumerate(ms):
        if i not in used and not m.get("time_start") and m.get("name"):
            report.add(
                section,
                f'{c.file} "{m.get("name")}" has no time_start but follows no open launch '
                f"({p.no} {p.f['Name']})",
            )
    return out


def two_entry_return(
    p: Person, c: CosmosPerson, m: dict[str, str], nxt: dict[str, str], row: Row | None,
    cmap: dict[str, Row], report: Report,
) -> Back | None:  # fmt: skip
    """The README's two-entry form: launched on `m` (start, no end), came home on `nxt` (end, no start)."""
    section = "people: returns not read from cosmos-book"
    launched = {t for t, _ in p.rides}
    src = f"cosmos-book human-spaceflight-data/{c.file}"
    name = m.get("name", "")
    on = cmap.get(nxt.get("name", ""))
    landing = cosmos_time(nxt.get("time_end", ""))
    label = f'{c.file} "{name}" up, "{nxt.get("name")}" down ({p.no} {p.f["Name"]})'
    if row is None:
        report.add(section, f"{label}: the launch ship matches no McDowell flight")
        return None
    if on is not None and on.tag in launched:
        report.add(section, f"{label}: McDowell lists the return ship {on.tag} as a launch of this person")
        return None
    if landing is None:
        report.add(section, f"{label}: the return entry has no readable time_end {nxt.get('time_end')!r}")
        return None
    if row.launch and parse_iso(landing).at < parse_iso(row.launch).at:
        report.add(section, f"{label}: landing {landing} is before the launch {row.launch}")
        return None
    if on is None:
        report.add(
            "people: returns on a ship McDowell does not list",
            f"{label}: no McDowell crewed flight is that ship, so no return ship is named; "
            f"landing {landing} kept",
        )
    check_return_landing(label, on, landing, report)
    return Back(row, landing, on, src, None if on else nxt.get("name") or None)


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
    path = ROOT / "curated" / "returns.toml"
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
