"""The registry of question kinds: each kind's category and its generator.

A kind is a small module with `KINDS` (kind -> category) and one generator per kind,
`(bank, subject, rng) -> Made`; `specs` lists every question that can be asked, and `generate`
draws one. To add a kind, write its module and register it here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from spacefacts.quiz import crew, dates, expeditions, missions, statements, uncrewed
from spacefacts.quiz.bank import Bank
from spacefacts.quiz.difficulty import EASY, FAME_RULE, NOTHING, Renown, level
from spacefacts.quiz.questions import OPTIONS, Made, Question, shuffled_options

Generator = Callable[[Bank, str, random.Random], Made]

KIND_CATEGORY = {
    **crew.KINDS,
    **missions.KINDS,
    **dates.KINDS,
    **statements.KINDS,
    **expeditions.KINDS,
    **uncrewed.KINDS,
}

GENERATORS: dict[str, Generator] = {
    "who-flew": crew.who_flew,
    "mission-of": crew.mission_of,
    "country": crew.country,
    "year": missions.year,
    "vehicle": missions.vehicle,
    "site": missions.site,
    "launch-count": missions.launch_count,
    "first": dates.first,
    "on-date": dates.on_date,
    "true-statement": statements.true_statement,
    "false-statement": statements.false_statement,
    "expedition-commander": expeditions.commander,
    "expedition-station": expeditions.station_of,
    "first-probe": uncrewed.first_probe,
    "carried-by": uncrewed.carried_by,
}
assert GENERATORS.keys() == KIND_CATEGORY.keys()

DIFFICULTY_RULE = FAME_RULE + " " + expeditions.DIFFICULTY_RULE  # measured: spacefacts/quiz/difficulty.py


class Spec(NamedTuple):
    """A question that can be asked, before its options are drawn. A named tuple, not a frozen
    dataclass: a quiz reads some 5,000 of them from the cache, at a third of the cost."""

    kind: str
    subject: str
    difficulty: str
    renown: Renown = NOTHING

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.subject}"

    @property
    def category(self) -> str:
        return KIND_CATEGORY[self.kind]


@lru_cache(maxsize=4)
def specs(b: Bank) -> list[Spec]:
    """Every question that can be asked of the bank, in a fixed order."""
    found: list[Spec] = []
    askable = {m.id for m in b.missions}
    for m in b.missions:
        renown = b.fame.mission(m.id)
        kinds = ["year", "true-statement", "false-statement"]
        if any(seat.person in b.nameable for seat in m.crew):
            kinds.append("who-flew")
        # Rockets and sites are asked about GCAT-listed launches only: the options come from GCAT.
        if m.vehicle and m.launch_tag:
            kinds.append("vehicle")
        if b.site_name(m) and m.launch_tag:
            kinds.append("site")
        found.extend(Spec(kind, m.id, level(renown.points), renown) for kind in kinds)
    for p in b.people:
        if p.id not in b.first_year:
            continue
        renown = b.fame.person(p.id)
        if b.rides.get(p.id, set()) & askable:
            found.append(Spec("mission-of", p.id, level(renown.points), renown))
        if p.country and b.pools.is_guest(p.id):
            found.append(Spec("country", p.id, level(renown.points), renown))
    counts = missions.year_counts(b)
    complete = sorted(counts)
    busiest = max(complete, key=lambda y: counts[y][0])
    for year in complete:
        renown = NOTHING
        if year == complete[0]:
            renown += Renown(EASY, ("the first year of spaceflight",))
        if year == busiest:
            renown += Renown(EASY, ("the busiest year for launches",))
        found.append(Spec("launch-count", str(year), level(renown.points), renown))
    for h in b.happenings:
        recalled = level(h.renown.points, recall=True)
        if len(b.later(h)) >= OPTIONS - 1:
            found.append(Spec("first", h.key, recalled, h.renown))
        if len(b.around(h)) >= OPTIONS - 1:
            found.append(Spec("on-date", h.key, recalled, h.renown))
    found.extend(Spec(*spec) for spec in expeditions.specs(b))
    found.extend(Spec(*made) for made in uncrewed.specs(b))
    return found


def generate(b: Bank, spec: Spec, rng: random.Random) -> Question | None:
    """The question for a spec with options drawn by `rng`, or None if too few fair distractors."""
    made = GENERATORS[spec.kind](b, spec.subject, rng)
    if made is None:
        return None
    prompt, answer, distractors, explanation, lookup, source = made
    options, index = shuffled_options(rng, answer, distractors)
    return Question(
        spec.id,
        spec.kind,
        spec.category,
        spec.difficulty,
        prompt,
        options,
        index,
        explanation,
        lookup,
        source,
        spec.renown.points,
        spec.renown.reasons,
    )
