"""True-or-false question kinds: which statement about a mission is true, which is false.
Each generator returns `Made` (spacefacts.quiz.questions) or None.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from spacefacts.model import Mission
from spacefacts.quiz.fair import draw, same_site, same_vehicle
from spacefacts.quiz.questions import OPTIONS, Made, and_list, mission_lookup

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

KINDS = {"true-statement": "true-false", "false-statement": "true-false"}

# Facts with one value per mission: a true and a false claim about one of them contradict,
# which would give the answer away.
SINGLE_VALUED = frozenset({"year", "vehicle", "site", "orbit"})


def _statements(
    bank: Bank, m: Mission, rng: random.Random
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """True and false statements about a mission, by the fact they are about."""
    crew = [s.person for s in m.crew if s.person in bank.nameable]
    true: dict[str, list[str]] = {
        "year": [f"{m.name} launched in {m.launch.year}"],
        "orbit": [f"{m.name} reached orbit" if m.kind == "orbital" else f"{m.name} was a suborbital flight"],
    }
    false: dict[str, list[str]] = {
        "year": [f"{m.name} launched in {m.launch.year + d}" for d in (-3, -2, -1, 1, 2, 3)],
        "orbit": [f"{m.name} was a suborbital flight" if m.kind == "orbital" else f"{m.name} reached orbit"],
    }
    if crew:
        true["crew"] = [f"{bank.name(p)} was in the crew of {m.name}" for p in crew]
        tiers = bank.people_near(m, crew[0], bank.aboard[m.id])
        others = draw(rng, tiers, crew[0], OPTIONS - 1) or []
        false["crew"] = [f"{bank.name(p)} was in the crew of {m.name}" for p in others]
    if m.vehicle and m.launch_tag:
        true["vehicle"] = [f"The launch vehicle of {m.name} was the {m.vehicle}"]
        vehicles = draw(rng, bank.pools.vehicles_near(m), m.vehicle, OPTIONS - 1, same_vehicle) or []
        false["vehicle"] = [f"The launch vehicle of {m.name} was the {v}" for v in vehicles]
    name = bank.site_name(m)
    if name and m.launch_tag:
        true["site"] = [f"{m.name} launched from {name}"]
        sites = draw(rng, bank.pools.sites_near(m), name, OPTIONS - 1, same_site) or []
        false["site"] = [f"{m.name} launched from {s}" for s in sites]
    return true, false


def _summary(bank: Bank, m: Mission) -> str:
    crew = [bank.name(s.person) for s in m.crew if s.person in bank.pools.people]
    parts = [f"{m.name}: {m.kind} flight launched {m.launch.display()}"]
    if bank.site_name(m):
        parts.append(f"from {bank.site_name(m)}")
    if m.vehicle:
        parts.append(f"on the {m.vehicle}")
    text = " ".join(parts)
    return text + (f"; crew {and_list(crew)}." if crew else ".")


def _one_of_each(rng: random.Random, pools: dict[str, list[str]], count: int) -> list[str]:
    """`count` distinct statements, about as many different facts as there are."""
    kinds = list(pools)
    rng.shuffle(kinds)
    chosen: list[str] = []
    while len(chosen) < count and any(pools[k] for k in kinds):
        for kind in kinds:
            left = [s for s in pools[kind] if s not in chosen]
            if left and len(chosen) < count:
                chosen.append(rng.choice(left))
            pools[kind] = [s for s in pools[kind] if s not in chosen]
    return chosen


def true_statement(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    true, false = _statements(bank, m, rng)
    kind = rng.choice(sorted(true))
    right = rng.choice(true[kind])
    # Two claims about a one-valued fact (its year) would show one of them is the answer.
    others = {k: v for k, v in false.items() if k != kind or k not in SINGLE_VALUED}
    wrong = _one_of_each(rng, others, OPTIONS - 1)
    if len(wrong) < OPTIONS - 1:
        return None
    return (
        f"Which statement about {m.name} is true?",
        right,
        wrong,
        _summary(bank, m),
        mission_lookup(m.id),
        bank.launch_source(m),
    )


def false_statement(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    true, false = _statements(bank, m, rng)

    def others(kind: str) -> dict[str, list[str]]:
        return {k: list(v) for k, v in true.items() if k != kind or k not in SINGLE_VALUED}

    kinds = [k for k in sorted(false) if false[k] and sum(map(len, others(k).values())) >= OPTIONS - 1]
    if not kinds:
        return None
    kind = rng.choice(kinds)
    wrong = rng.choice(false[kind])
    right = _one_of_each(rng, others(kind), OPTIONS - 1)
    return (
        f"Which statement about {m.name} is false?",
        wrong,
        right,
        _summary(bank, m),
        mission_lookup(m.id),
        bank.launch_source(m),
    )
