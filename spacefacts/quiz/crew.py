"""Question kinds about crews: who flew on a mission, which mission a person flew on, and a
flier's country. Each generator returns `Made` (spacefacts.quiz.questions) or None.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from spacefacts import nations
from spacefacts.quiz.fair import draw, same_country
from spacefacts.quiz.questions import OPTIONS, Made, and_list, mission_lookup, mission_source

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

KINDS = {"who-flew": "crew", "mission-of": "crew", "country": "crew"}


def who_flew(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    crew = [s.person for s in m.crew if s.person in bank.pools.people]
    nameable = [p for p in crew if p in bank.nameable]
    right = rng.choice(nameable)
    picked = draw(rng, bank.people_near(m, right, bank.aboard[m.id]), right, OPTIONS - 1)
    if picked is None:
        return None
    names = [bank.name(p) for p in picked]
    explanation = f"{m.name} launched {m.launch.display()} with {and_list([bank.name(p) for p in crew])}."
    prompt = f"Who was in the crew of {m.name} ({m.launch.year})?"
    return prompt, bank.name(right), names, explanation, mission_lookup(m.id), mission_source(m)


def mission_of(bank: Bank, subject: str, rng: random.Random) -> Made:
    name, _, _, src = bank.pools.people[subject]
    ridden = bank.rides_of(subject)
    flown = [m for m in bank.missions if m.id in ridden]
    right = rng.choice(flown)
    askable = {m.id for m in bank.missions}
    tiers = [
        [i for i in tier if i in askable and i not in ridden] for tier in bank.pools.missions_near(right)
    ]
    picked = draw(rng, tiers, right.id, OPTIONS - 1)
    if picked is None:
        return None
    rides = sorted(ridden, key=lambda i: bank.ds.mission_by_id[i].launch.iso)
    listed = and_list(
        [f"{bank.ds.mission_by_id[i].name} ({bank.ds.mission_by_id[i].launch.year})" for i in rides]
    )
    explanation = f"{name} flew on {listed}; the other missions did not carry them."
    names = [bank.ds.mission_by_id[i].name for i in picked]
    source = f"McDowell astronaut list ({src})"
    return (
        f"Which of these missions did {name} fly on?",
        right.name,
        names,
        explanation,
        mission_lookup(right.id),
        source,
    )


def country(bank: Bank, subject: str, rng: random.Random) -> Made:
    name, citizen, home, src = bank.pools.people[subject]
    picked = draw(rng, bank.pools.guest_countries(subject), home, OPTIONS - 1, same_country)
    if picked is None:
        return None
    explanation = f"McDowell's astronaut list gives {name}'s citizenship as {home}."
    # nations.flew_for(ds, person, m), from the citizen code alone (no person record to decode).
    then = {
        nations.at(bank.ds, citizen, m.launch.iso).name for m in bank.ds.missions_of_person.get(subject, [])
    }
    if then - {home}:
        explanation += f" Flew for: {', '.join(sorted(then))} ({nations.RULE})."
    return (
        f"Which country is {name} listed under?",
        home,
        picked,
        explanation,
        f"spacefacts person {subject}",
        f"McDowell astronaut list ({src})",
    )
