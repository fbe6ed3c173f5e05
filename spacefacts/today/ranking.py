"""Ranking the rows of `spacefacts today`: the tiers (RULE), merging rows that tell the same story,
and the calendar of every day's rows in rank order, built once per dataset and cached.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from spacefacts.dataset import Dataset
from spacefacts.today.crewed import (
    births_and_deaths,
    crewed_landings,
    crewed_launches,
    evas,
    national_people_firsts,
)
from spacefacts.today.launches import deep_space_launches, event_rows, launch_firsts, off_earth_launches
from spacefacts.today.rows import Anniversary

RULE = (
    "Ranked by tier, then by year (oldest first), then by time of day. Tier 1: fatal accidents, crewed "
    "launch failures, and national firsts (a launching state's first orbital launch attempt and first "
    "success, by GCAT's LVState taken as its orgs.tsv UCode, so Russia continues the USSR; a country's "
    "first person, first woman and first EVA in space, by "
    "the state the person was a citizen of at the time (Soviet citizens before 1991-12-26 for the Soviet "
    "Union), flights above 80 km). Tier 2: crewed launches and landings, planetary "
    "arrivals, flybys, landings and samples, crewed aborts, a space station's launch and (cited) re-entry, "
    "the start of each station's first expedition with a record, and other hand-added events. Tier 3: "
    "dockings, a person's first EVA, EVA duration records, the first orbital launch of each "
    "launch-vehicle family (GCAT lv.tsv LV_Family) and from each launch site (GCAT site UCode: a renamed site is one site), launches from the Moon, perihelion passes. Tier 4: "
    "other EVAs. Other uncrewed orbital launches are counted, not listed."
)
# `launch` holds every launch row, crewed or not; `first` every row that is a first by the rules.
CATEGORY_RULE = (
    "a row belongs to its own category, to 'launch' if it is a launch, and to 'first' if it is a first"
)
OTHER_LAUNCHES_RULE = "GCAT orbital launch attempts (failures included) that carried no crew and are no first of the rules above"

# A data event on the same UTC day as a derived row about the same mission or person tells the
# same story in better words (the Challenger accident, not "STS-51-L launches"), so it replaces it.
COVERS = {"launch": {"crewed"}, "accident": {"crewed", "landing"}, "eva": {"eva"}, "landing": {"landing"}}


@dataclass
class _Calendar:
    rows: Mapping[str, list[Anniversary]]
    other_launches: dict[str, list[int]]  # day -> years of the ordinary launches on that day


_CACHE: weakref.WeakKeyDictionary[Dataset, _Calendar] = weakref.WeakKeyDictionary()


def merge_covered(rows: list[Anniversary], events: list[Anniversary]) -> list[Anniversary]:
    """Drop derived rows that a data event of the same day and subject replaces; keep their notes."""
    merged_events = []
    covered: set[str] = set()
    for event in events:
        kinds = COVERS.get(event.category, set())
        absorbed = [
            row
            for row in rows
            if row.category in kinds
            and row.when.iso[:10] == event.when.iso[:10]
            and (
                (event.mission and row.mission == event.mission)
                or (event.person and event.person in row.people)
            )
        ]
        for row in absorbed:
            covered.add(row.key)
        notes = tuple(n for row in absorbed for n in row.notes)
        tier = min([event.tier, *(row.tier for row in absorbed if row.notes)])
        sources = tuple(dict.fromkeys([*event.sources, *(s for row in absorbed for s in row.sources)]))
        merged_events.append(replace(event, notes=event.notes + notes, tier=tier, sources=sources))
    return [row for row in rows if row.key not in covered] + merged_events


def merge_launch_firsts(rows: list[Anniversary], firsts: list[Anniversary]) -> list[Anniversary]:
    """A first that is also a listed launch (STS-1, a curated launch) becomes a note of that row."""
    by_tag = {row.launch_tag: i for i, row in enumerate(rows) if row.launch_tag}
    merged = list(rows)
    for first in firsts:
        i = by_tag.get(first.launch_tag or "")
        if i is None:
            merged.append(first)
            continue
        row = merged[i]
        sources = tuple(dict.fromkeys([*row.sources, *first.sources]))
        merged[i] = replace(
            row, notes=row.notes + first.notes, tier=min(row.tier, first.tier), sources=sources
        )
    return merged


def _build(ds: Dataset) -> _Calendar:
    from spacefacts.today import landmarks
    from spacefacts.today.stations import station_rows

    person_notes, first_eva = national_people_firsts(ds)
    derived = [
        *crewed_launches(ds, person_notes),
        *crewed_landings(ds),
        *evas(ds, first_eva),
        *off_earth_launches(ds),
        *births_and_deaths(ds),
        *landmarks.rows(ds),
    ]
    rows = merge_covered(derived, event_rows(ds))
    # A deep-space launch that a hand-added event already tells (a curated launch) is not repeated.
    told = {row.launch_tag for row in rows if row.launch_tag}
    rows += [row for row in deep_space_launches(ds) if row.launch_tag not in told]
    rows += [row for row in station_rows(ds) if not row.launch_tag or row.launch_tag not in told]
    rows = merge_launch_firsts(rows, launch_firsts(ds))
    rows = landmarks.first_arrivals(landmarks.dedupe(landmarks.supersede(rows)))
    by_day: dict[str, list[Anniversary]] = {}
    for row in rows:
        by_day.setdefault(row.month_day, []).append(row)
    for listed_day in by_day.values():
        listed_day.sort(key=Anniversary.sort_key)
    listed = {row.launch_tag for row in rows if row.launch_tag}
    listed.update(m.launch_tag for m in ds.missions if m.launch_tag)
    other: dict[str, list[int]] = {}
    for launch in ds.launches:
        if launch.earth and launch.tag not in listed and (day := launch.date.month_day):
            other.setdefault(day, []).append(launch.date.year)
    return _Calendar(by_day, other)


def _encode(book: _Calendar) -> object:
    """Each day's rows as rows of their fields (spacefacts.cache.Codec)."""
    from spacefacts.cache import codec

    rows = {day: codec(Anniversary).encode_all(listed) for day, listed in book.rows.items()}
    return (rows, book.other_launches)


def _decode(payload: object) -> _Calendar:
    from spacefacts.cache import codec

    rows: dict[str, list[tuple[Any, ...]]]
    other: dict[str, list[int]]
    rows, other = payload  # type: ignore[misc]
    from spacefacts.stored import LazyMap

    # Each day's rows become records when that day is asked for: a run shows one day (or a week).
    decode_day = codec(Anniversary).decode_all
    return _Calendar(LazyMap(rows, lambda listed: list(decode_day(listed))), dict(other))


def calendar_of(ds: Dataset) -> _Calendar:
    """The calendar of every day's rows; kept in the dataset cache, as building it takes a while."""
    from spacefacts import cache

    return cache.derived(ds, "today", lambda: _build(ds), _encode, _decode, kept=_CACHE)
