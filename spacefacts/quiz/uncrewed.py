"""Quiz kinds about uncrewed spaceflight: which probe first reached a body, which launch carried a payload.

spacefacts.quiz.kinds registers them: each kind is a spec list and a generator that
returns (prompt, answer, distractors, explanation, lookup, source) or None.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacefacts.dataset import Dataset
from spacefacts.model import Launch

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

KINDS = {"first-probe": "history", "carried-by": "launches"}
# Planets and Pluto only: every probe sent to them is in cosmos-book's list, while lunar history
# there is partial (Luna 1 flew past the Moon before Luna 2 struck it, and has no visit in the data).
BODIES = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto")
FIRST_PROBE_RULE = (
    "the earliest dated arrival (flyby, orbit, landing, rover, impact) at the body among the planetary "
    "events of events.toml and the visits on the payload cards"
)


@dataclass(frozen=True)
class Arrival:
    """A probe's first arrival at a body, with its source."""

    craft: str
    body: str
    day: str
    source: str
    lookup: str


def arrivals(ds: Dataset) -> list[Arrival]:
    """Every dated arrival at one of BODIES, from events.toml and the famous payloads' visits."""
    from spacefacts import payloads
    from spacefacts.today import landmarks

    found = []
    for e in ds.events:
        if e.category != "planetary" or not e.body or len(e.date.iso) < 10:
            continue
        body = e.body
        if body in BODIES and landmarks._VERB.search(e.title):
            craft = landmarks._VERB.split(e.title, maxsplit=1)[0].split(" (")[0]
            found.append(Arrival(craft, body, e.date.iso[:10], e.source, ""))
    for f in payloads.payloads_of(ds).famous:
        for v in f.visits:
            if v.body in BODIES and v.kind in ("flyby", "orbit", "landing", "rover", "impact"):
                found.append(
                    Arrival(
                        f.name, v.body, v.date.iso[:10], v.source.split("; ")[0], f"spacefacts mission {f.id}"
                    )
                )
    return sorted(found, key=lambda a: (a.day, a.craft))


def first_at(ds: Dataset) -> dict[str, Arrival]:
    firsts: dict[str, Arrival] = {}
    for a in arrivals(ds):
        firsts.setdefault(a.body, a)
    return firsts


def specs(ds: Dataset) -> list[tuple[str, str, str]]:
    """(kind, subject, difficulty) for every askable question."""
    from spacefacts import payloads

    out = [("first-probe", body, "medium") for body in sorted(first_at(ds))]
    data = payloads.payloads_of(ds)
    for f in data.famous:
        row = data.by_jcat(f.jcat)
        if row is not None and row.launch in ds.launch_by_tag:
            out.append(("carried-by", f.id, "medium"))
    return out


def launch_label(ds: Dataset, launch: Launch) -> str:
    """`Titan IIIE, 1977-08-20`, or `STS-31 (Space Shuttle), 1990-04-24` for a crewed flight."""
    crewed = next((m for m in ds.missions if m.launch_tag == launch.tag and m.crew), None)
    what = f"{crewed.name} ({launch.vehicle})" if crewed else launch.vehicle
    return f"{what}, {launch.date.iso[:10]}"


def _first_probe(ds: Dataset, subject: str, rng: random.Random) -> Any:
    firsts = first_at(ds)
    first = firsts[subject]
    later = sorted({a.craft for a in arrivals(ds) if a.body == subject and a.craft != first.craft})
    others = sorted({a.craft for a in firsts.values() if a.craft != first.craft} - set(later))
    distractors = (rng.sample(later, min(3, len(later))) + rng.sample(others, len(others)))[:3]
    if len(distractors) < 3:
        return None
    return (
        f"Which spacecraft was the first to reach {subject}?",
        first.craft,
        distractors,
        f"{first.craft} reached {subject} on {first.day} (rule: {FIRST_PROBE_RULE}).",
        first.lookup or f"spacefacts today --date {first.day}",
        first.source,
    )


def _carried_by(ds: Dataset, subject: str, rng: random.Random) -> Any:
    from spacefacts import payloads

    data = payloads.payloads_of(ds)
    famous = next(f for f in data.famous if f.id == subject)
    row = data.by_jcat(famous.jcat)
    assert row is not None  # specs() offers only famous payloads with a row
    launch = ds.launch_by_tag[row.launch]
    answer = launch_label(ds, launch)
    family = launch.family or launch.vehicle
    near = [
        x
        for year in range(launch.date.year - 2, launch.date.year + 3)
        for x in ds.launches_by_year.get(year, [])
        if x.tag != launch.tag and (x.family or x.vehicle) == family
    ]
    pool = sorted({launch_label(ds, x) for x in near} - {answer})
    if len(pool) < 3:
        pool = sorted(
            {
                launch_label(ds, x)
                for x in ds.launches_by_year.get(launch.date.year, [])
                if x.tag != launch.tag
            }
            - {answer}
        )
    if len(pool) < 3:
        return None
    return (
        f"Which launch carried {famous.name}?",
        answer,
        rng.sample(pool, 3),
        f"{famous.name} (GCAT {row.name}, {row.piece}) rode {answer} from GCAT launch {launch.tag}.",
        f"spacefacts mission {famous.id}",
        f"GCAT {launch.src}",
    )


def first_probe(bank: Bank, subject: str, rng: random.Random) -> Any:
    return _first_probe(bank.ds, subject, rng)


def carried_by(bank: Bank, subject: str, rng: random.Random) -> Any:
    return _carried_by(bank.ds, subject, rng)
