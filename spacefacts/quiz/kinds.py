"""The registry of question kinds: each kind's category and its generator.

A kind is a small module with `KINDS` (kind -> category) and one generator per kind,
`(bank, subject, rng) -> Made`; the bank lists its specs. To add a kind, write its module and
register it here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacefacts.quiz import crew, dates, expeditions, missions, statements, uncrewed
from spacefacts.quiz.difficulty import FAME_RULE
from spacefacts.quiz.questions import Made

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

Generator = Callable[["Bank", str, random.Random], Made]

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
