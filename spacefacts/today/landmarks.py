"""Uncrewed history for `today`: row builders, categories and the rule that no happening is told twice.

Pure queries over the dataset and data/payloads.toml. Not every satellite is listed (RULE):
the launches and visits of the famous payloads (curated/payload_names.toml: first satellites,
probes, great observatories, station modules), each nation's first satellite in orbit, and the
first spacecraft to reach each planet. Everything else stays a count of other launches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacefacts import payloads
from spacefacts.dataset import Dataset
from spacefacts.model import Time
from spacefacts.nations import state_label
from spacefacts.text import fold
from spacefacts.today.rows import STATE_NAMES_SOURCE, Anniversary, launch_row, make_row

RULE = (
    "Uncrewed history listed: the launch and every dated visit (flyby, orbit, landing, rover, impact, "
    "sample, re-entry) of the payloads named in curated/payload_names.toml (famous probes, great "
    "observatories, space stations and their modules), each nation's first satellite in orbit (tier 2, "
    "tier 1 for the first of all: "
    "the first payload of a GCAT SatState whose launch reached orbit; the USSR's and Russia's are one "
    "line of succession by GCAT orgs.tsv's UCode, so Russia has no 'first' in 1992; international "
    "organisations (codes I-...) are not nations), "
    "and the first spacecraft to reach each planet and Pluto (tier 1, over every dated arrival in "
    "events.toml and on the payload cards). Other satellites are counted, not listed."
)
PLANETS = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto")
VISIT_VERBS = {**payloads.VISIT_VERBS, "re-entry": "re-enters the atmosphere and ends its mission"}
LAUNCH_KINDS = frozenset(
    {"crewed launch", "deep-space launch", "first launch", "launch from another world", "landmark launch"}
)


def stable_state(ds: Dataset, code: str) -> str:
    """The state a code stands for across a change of name: GCAT orgs.tsv's UCode (RU -> SU)."""
    states = ds.launch_meta.get("states", {})
    return str(states[code][1]) if code in states else code


def categories(row: Anniversary) -> set[str]:
    """Every category a row belongs to: its own, `launch` for every launch, `first` for every first.

    A first is a row of category first, or one whose notes name a first by the rules ('the first ...').
    """
    found = {row.category}
    if row.kind in LAUNCH_KINDS or row.category == "launch":
        found.add("launch")
    if row.category == "first" or any(
        note.startswith("the first") or ", the first" in note for note in row.notes
    ):
        found.add("first")
    return found


def rows(ds: Dataset) -> list[Anniversary]:
    """Landmark launches and visits of famous payloads, national first satellites."""
    from spacefacts import payloads

    data = payloads.payloads_of(ds)
    by_jcat = {r.jcat: r for r in data.rows}
    out: list[Anniversary] = []
    for famous in data.famous:
        payload = by_jcat.get(famous.jcat)
        if payload is None:
            continue
        launch = ds.launch_by_tag.get(payload.launch)
        if launch is not None and len(launch.date.iso) >= 10:
            notes = tuple(f"carrying {a}" for a in famous.animals)
            result = "" if launch.outcome == "success" else f" ({launch.outcome})"
            out.append(
                launch_row(
                    launch,
                    kind="landmark launch",
                    key=f"payload-launch-{famous.id}",
                    tier=2,
                    title=f"{launch.vehicle} launches {famous.name}{result}",
                    sources=(famous.source, *famous.sources),
                    notes=notes,
                    mission=famous.id,
                )
            )
        for visit in famous.visits:
            if len(visit.date.iso) < 10:
                continue
            verb = VISIT_VERBS.get(visit.kind, visit.kind)
            first = visit.note.startswith("the first")
            title = f"{famous.name} {verb}" + (
                "" if visit.kind in ("perihelion", "re-entry") else f" {visit.body}"
            )
            out.append(
                make_row(
                    key=f"payload-visit-{famous.id}-{visit.date.iso[:10]}-{fold(visit.body).replace(' ', '-')}-"
                    f"{visit.kind.replace(' ', '-')}",
                    when=visit.date,
                    category="planetary",
                    kind=f"{visit.kind} (uncrewed)",
                    tier=1 if first else 2,
                    title=title + (f" ({visit.note})" if visit.note and not first else ""),
                    sources=tuple(visit.source.split("; ")),
                    notes=(visit.note,) if first else (),
                    mission=famous.id,
                )
            )
    out += _first_satellites(ds, data)
    return out


def _first_satellites(ds: Dataset, data: object) -> list[Anniversary]:
    from spacefacts.payloads import Payloads, display_name

    assert isinstance(data, Payloads)
    seen: set[str] = set()
    out = []
    ordered = sorted(
        (r for r in data.rows if r.state and not stable_state(ds, r.state.rstrip("?")).startswith("I-")),
        key=lambda r: ds.launch_by_tag[r.launch].date.iso if r.launch in ds.launch_by_tag else "9999",
    )
    for r in ordered:
        launch = ds.launch_by_tag.get(r.launch)
        if launch is None or not launch.success or not launch.earth:
            continue
        state = stable_state(ds, r.state.rstrip("?"))
        if state in seen:
            continue
        seen.add(state)
        if len(launch.date.iso) < 10:
            continue
        country = state_label(ds, r.state.rstrip("?"))
        world = len(seen) == 1
        note = "the first artificial satellite" if world else f"the first satellite of {country}"
        famous = next((f for f in data.famous if f.jcat == r.jcat), None)
        out.append(
            make_row(
                key=f"first-satellite-{state}",
                when=launch.date,
                kind="first satellite",
                tier=1 if world else 2,
                mission=famous.id if famous else r.piece,
                title=f"{launch.vehicle} launches {display_name(ds, r)}",
                sources=(f"GCAT {r.src}", f"GCAT {launch.src}", STATE_NAMES_SOURCE),
                notes=(note,),
                launch_tag=launch.tag,
            )
        )
    return out


# No happening told twice ---------------------------------------------------------------------

_VERB = re.compile(
    r" (?:rover )?(?:flies by|flies past|enters orbit|lands|collects|returns|reaches|impacts|re-enters|: landing)"
)


def subject(title: str) -> str:
    """`Opportunity (MER-B) rover lands on Mars` -> `opportunity`; the craft a planetary row is about."""
    head = _VERB.split(title, maxsplit=1)[0]
    return fold(head.split(" (")[0]).replace(" ", "")


def happening(row: Anniversary) -> tuple[str, ...] | None:
    """What a row tells, for spotting two rows that tell the same thing on one day (None: unique)."""
    day = row.when.iso[:10]
    if row.launch_tag and (row.kind in LAUNCH_KINDS | {"first satellite"} or row.category == "launch"):
        return ("launch", row.launch_tag)
    if (row.category == "planetary" or " re-enters " in row.title) and _VERB.search(row.title):
        return ("visit", day, subject(row.title))  # a station's re-entry is told by its card and by stations
    return None


def dedupe(all_rows: Iterable[Anniversary]) -> list[Anniversary]:
    """Merge rows of one day that tell the same happening: the better-ranked row stays (tier, then
    a hand-written title before a derived one), and takes the other's notes and sources."""
    kept: dict[tuple[str, ...], int] = {}
    out: list[Anniversary] = []

    def hand_written(r: Anniversary) -> bool:
        return r.key.startswith("event-") and any(src.startswith("http") for src in r.sources)

    ordered = sorted(
        all_rows,
        key=lambda r: (r.tier, not hand_written(r), not r.key.startswith("event-"), r.when.iso, r.key),
    )
    for row in ordered:
        key = happening(row)
        if key is None or key not in kept:
            if key is not None:
                kept[key] = len(out)
            out.append(row)
            continue
        i = kept[key]
        first = out[i]
        # A hand-written title tells it best; the ranking keeps the better tier of the two.
        base, other = (row, first) if hand_written(row) and not hand_written(first) else (first, row)
        extra = tuple(n for n in other.notes if n not in base.notes)
        if other.kind == "landmark launch" and other.title.split(" launches ", 1)[-1] not in base.title:
            extra += (f"carrying {other.title.split(' launches ', 1)[1]}",)
        out[i] = replace(
            base,
            tier=min(base.tier, other.tier),
            notes=base.notes + extra,
            sources=tuple(dict.fromkeys([*base.sources, *other.sources])),
            mission=base.mission or other.mission,
        )
    return out


def _body(title: str) -> str:
    parts = _VERB.split(title, maxsplit=1)
    if len(parts) < 2:
        return ""
    rest = re.sub(r"^ (?:on|around|by|past|to|the atmosphere)\b", "", parts[1].split(" (")[0].split(",")[0])
    return fold(rest.split(" on ")[-1].split(" around ")[-1].split(" by ")[-1])


def supersede(all_rows: list[Anniversary]) -> list[Anniversary]:
    """A payload card's visit replaces the events.toml row of the same craft and body within 30 days:
    the card and `today` then give one date, chosen by the merge rule of docs/data.md."""
    from datetime import date

    def day(row: Anniversary) -> int:
        return date.fromisoformat(row.when.iso[:10]).toordinal()

    cards = [r for r in all_rows if r.key.startswith("payload-visit-")]
    index: dict[tuple[str, str], list[Anniversary]] = {}
    for row in cards:
        index.setdefault((subject(row.title), _body(row.title)), []).append(row)
    dropped: set[str] = set()
    extra_sources: dict[str, list[str]] = {}
    for row in all_rows:
        if not row.key.startswith("event-") or row.category != "planetary" or not _VERB.search(row.title):
            continue
        for card in index.get((subject(row.title), _body(row.title)), []):
            if abs(day(card) - day(row)) <= 30 and card.when.iso[:10] != row.when.iso[:10]:
                dropped.add(row.key)
                extra_sources.setdefault(card.key, []).extend(row.sources)
                break
    return [
        replace(r, sources=tuple(dict.fromkeys([*r.sources, *extra_sources.get(r.key, [])])))
        for r in all_rows
        if r.key not in dropped
    ]


def first_arrivals(all_rows: list[Anniversary]) -> list[Anniversary]:
    """Tier-1 rows: the first dated arrival (any visit) at each planet and Pluto among the rows."""
    firsts: dict[str, Anniversary] = {}
    for row in sorted(all_rows, key=lambda r: r.when.iso):
        if row.category != "planetary" or not _VERB.search(row.title):
            continue
        for planet in PLANETS:
            if row.title.endswith(f" {planet}") or f" {planet} (" in row.title:
                firsts.setdefault(planet, row)
    marked = {id(row): planet for planet, row in firsts.items()}
    return [
        replace(row, tier=1, notes=(*row.notes, f"the first spacecraft to reach {marked[id(row)]}"))
        if id(row) in marked
        else row
        for row in all_rows
    ]


def time_of(row: Anniversary) -> Time:
    return row.when
