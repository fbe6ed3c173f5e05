"""What a quiz question is, and the helpers every kind shares.

No Rich and no Typer here; `spacefacts.render.quiz` draws and plays.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from spacefacts.model import Mission
from spacefacts.quiz.difficulty import Renown

OPTIONS = 4
DEFAULT_QUESTIONS = 10
CATEGORIES = ("crew", "missions", "launches", "history", "true-false")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Question:
    """One multiple-choice question, its answer, explanation and sources."""

    id: str  # `<kind>:<subject id>`, stable across versions so the answer store can refer to it
    kind: str
    category: str
    difficulty: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    explanation: str
    lookup: str
    source: str
    points: int = 0  # renown of the subject, which sets the difficulty (DIFFICULTY_RULE)
    reasons: tuple[str, ...] = ()  # what the points are for

    @property
    def answer(self) -> str:
        return self.options[self.answer_index]


# What a generator makes: prompt, answer, distractors, explanation, lookup, source.
Made = tuple[str, str, list[str], str, str, str] | None


class Happening(NamedTuple):
    """A dated record for the history questions: a curated or planetary event, or a crewed launch.
    A named tuple: a quiz asking a history question reads some 600 of them from the cache."""

    key: str
    day: date
    text: str
    renown: Renown
    lookup: str
    source: str


def mission_lookup(mission_id: str) -> str:
    return f"spacefacts mission {mission_id}"


def mission_source(mission: Mission) -> str:
    return f"McDowell crewed-flight list ({mission.src})"


def shuffled_options(rng: random.Random, answer: str, distractors: list[str]) -> tuple[tuple[str, ...], int]:
    options = [answer, *distractors]
    rng.shuffle(options)
    return tuple(options), options.index(answer)


def spread(rng: random.Random, value: int, step: int, low: int, high: int) -> list[int] | None:
    """Four evenly spaced numbers holding `value` at a random place, so its position gives nothing away."""
    places = [
        p for p in range(OPTIONS) if value - p * step >= low and value + (OPTIONS - 1 - p) * step <= high
    ]
    if not places:
        return None
    start = value - rng.choice(places) * step
    return [start + i * step for i in range(OPTIONS)]


def count_of(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def and_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
