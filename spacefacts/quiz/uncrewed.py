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


def first_at(found: list[Arrival]) -> dict[str, Arrival]:
    """The first arrival at each body, of arrivals in date order."""
    firsts: dict[str, Arrival] = {}
    for a in found:
        firsts.setdefault(a.body, a)
    return firsts


def launch_label(launch: Launch, crewed: dict[str, str]) -> str:
    """`Titan IIIE, 1977-08-20`, or `STS-31 (Space Shuttle), 1990-04-24` for a crewed flight
    (`crewed`: launch tag -> the name of the first crewed mission listed with it)."""
    name = crewed.get(launch.tag)
    what = f"{name} ({launch.vehicle})" if name else launch.vehicle
    return f"{what}, {launch.date.iso[:10]}"


def _carried(ds: Dataset) -> dict[str, tuple[str, str, list[str], str, str, str]]:
    """Famous payload id -> what its carried-by question asks (prompt, answer, the launches to draw
    distractors from, explanation, lookup, source), for each famous payload with a GCAT launch."""
    from spacefacts import payloads

    crewed: dict[str, str] = {}
    for m in ds.missions:
        if m.launch_tag and m.crew:
            crewed.setdefault(m.launch_tag, m.name)
    data = payloads.payloads_of(ds)
    found = {}
    for famous in data.famous:
        row = data.by_jcat(famous.jcat)
        if row is None or row.launch not in ds.launch_by_tag:
            continue
        launch = ds.launch_by_tag[row.launch]
        answer = launch_label(launch, crewed)
        family = launch.family or launch.vehicle
        near = [
            x
            for year in range(launch.date.year - 2, launch.date.year + 3)
            for x in ds.launches_by_year.get(year, [])
            if x.tag != launch.tag and (x.family or x.vehicle) == family
        ]
        pool = sorted({launch_label(x, crewed) for x in near} - {answer})
        if len(pool) < 3:
            pool = sorted(
                {
                    launch_label(x, crewed)
                    for x in ds.launches_by_year.get(launch.date.year, [])
                    if x.tag != launch.tag
                }
                - {answer}
            )
        found[famous.id] = (
            f"Which launch carried {famous.name}?",
            answer,
            pool,
            f"{famous.name} (GCAT {row.name}, {row.piece}) rode {answer} from GCAT launch {launch.tag}.",
            f"spacefacts mission {famous.id}",
            f"GCAT {launch.src}",
        )
    return found


def _index(bank: Bank) -> dict[str, Any]:
    """The arrivals (as rows) and the carried-by questions: built once per bank from the payloads
    and events, and kept with it (spacefacts.quiz.kept), so a question does not load the payloads."""
    return bank.index(
        "uncrewed",
        lambda: {
            "arrivals": [(a.craft, a.body, a.day, a.source, a.lookup) for a in arrivals(bank.ds)],
            "carried": _carried(bank.ds),
        },
    )


def _arrivals(bank: Bank) -> list[Arrival]:
    return [Arrival(*row) for row in _index(bank)["arrivals"]]


def specs(bank: Bank) -> list[tuple[str, str, str]]:
    """(kind, subject, difficulty) for every askable question."""
    out = [("first-probe", body, "medium") for body in sorted(first_at(_arrivals(bank)))]
    out += [("carried-by", famous, "medium") for famous in _index(bank)["carried"]]
    return out


def first_probe(bank: Bank, subject: str, rng: random.Random) -> Any:
    found = _arrivals(bank)
    firsts = first_at(found)
    first = firsts[subject]
    later = sorted({a.craft for a in found if a.body == subject and a.craft != first.craft})
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


def carried_by(bank: Bank, subject: str, rng: random.Random) -> Any:
    prompt, answer, pool, explanation, lookup, source = _index(bank)["carried"][subject]
    if len(pool) < 3:
        return None
    return prompt, answer, rng.sample(pool, 3), explanation, lookup, source
