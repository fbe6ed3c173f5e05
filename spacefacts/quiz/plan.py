"""Choosing a quiz: the seed (`--seed`, `--daily`, or random), the filters, the order of the
questions (balanced across kinds; with the answer store, missed and new ones first), and playing
(reading an answer, keeping the score). Pure: `random.Random(seed)` only.
"""

from __future__ import annotations

import random
import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacefacts.dataset import Dataset
from spacefacts.errors import NotFound, UsageError
from spacefacts.quiz import kinds
from spacefacts.quiz.kept import bank_and_specs
from spacefacts.quiz.kinds import KIND_CATEGORY, Spec
from spacefacts.quiz.questions import CATEGORIES, DEFAULT_QUESTIONS, DIFFICULTIES, OPTIONS, Question

if TYPE_CHECKING:
    from spacefacts.quiz.answers import Answered


@dataclass(frozen=True)
class Plan:
    """How a quiz picks its questions: the seed, whether it was given, the replay command."""

    seed: int | str
    pinned: bool  # a seed or a date was given: the answer store must not change which questions come
    replay: str | None  # the command that asks the same questions again


def plan(
    seed: int | None,
    daily: bool,
    day: str | None,
    count: int,
    category: str | None,
    difficulty: str | None,
    today: date | None = None,
) -> Plan:
    """The seed for a quiz: `--seed`, the date for `--daily` (local date unless `--date`), or random."""
    if count < 1:
        raise UsageError("--questions must be at least 1")
    check_filters(category, difficulty)
    if seed is not None and (daily or day):
        raise UsageError("give either --seed or --daily, not both")
    extra = "".join(
        f" {flag} {shlex.quote(value)}"
        for flag, value in (("--category", category), ("--difficulty", difficulty))
        if value
    ) + (f" --questions {count}" if count != DEFAULT_QUESTIONS else "")
    if daily or day:
        when = parse_day(day) if day else (today or date.today())
        return Plan(f"daily-{when.isoformat()}", True, f"spacefacts quiz --daily --date {when}{extra}")
    if seed is not None:
        return Plan(seed, True, f"spacefacts quiz --seed {seed}{extra}")
    # The OS's randomness, as secrets.randbelow draws it, without importing secrets (hashlib, OpenSSL).
    return Plan(random.SystemRandom().randrange(1_000_000), False, None)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date wants YYYY-MM-DD, got '{text}'") from None


def _matches(spec: Spec, category: str | None, difficulty: str | None) -> bool:
    if category and category not in (spec.category, spec.kind):
        return False
    return not difficulty or spec.difficulty == difficulty


def check_filters(category: str | None, difficulty: str | None) -> None:
    if category and category not in CATEGORIES and category not in KIND_CATEGORY:
        raise UsageError(
            f"no category '{category}'; try one of {', '.join(CATEGORIES)} (or a kind: {', '.join(KIND_CATEGORY)})"
        )
    if difficulty and difficulty not in DIFFICULTIES:
        raise UsageError(f"no difficulty '{difficulty}'; try one of {', '.join(DIFFICULTIES)}")


def _balanced(rng: random.Random, specs: list[Spec]) -> Iterator[Spec]:
    """Shuffle in rounds of one question of each kind (in random order), so a quiz is varied
    whatever the pool sizes (there are ten times more people than launch years). Lazily, round
    by round: a quiz of ten questions stops after a round or two (the rounds left would draw some
    4,000 numbers from `rng`; what `rng` gave before is the same either way)."""
    by_kind: dict[str, list[Spec]] = {}
    for spec in specs:
        by_kind.setdefault(spec.kind, []).append(spec)
    for group in by_kind.values():
        rng.shuffle(group)
    while by_kind:
        kinds = sorted(by_kind)
        rng.shuffle(kinds)
        for kind in kinds:
            yield by_kind[kind].pop()
            if not by_kind[kind]:
                del by_kind[kind]


def _by_memory(rng: random.Random, specs: list[Spec], seen: dict[str, Answered], count: int) -> list[Spec]:
    """Missed questions come back (up to half the quiz), then new ones, then the longest-ago right ones."""
    answered = [(s, seen.get(s.id)) for s in specs]  # each id made once, not once a list
    missed = list(_balanced(rng, [s for s, a in answered if a is not None and not a.last_correct]))
    fresh = list(_balanced(rng, [s for s, a in answered if a is None]))
    right = [(s, a) for s, a in answered if a is not None and a.last_correct]
    known = [s for s, _ in sorted(right, key=lambda sa: sa[1].last_answered)]
    review = max(1, count // 2)
    return missed[:review] + fresh + missed[review:] + known


def build_quiz(
    ds: Dataset,
    count: int,
    seed: int | str,
    category: str | None = None,
    difficulty: str | None = None,
    seen: dict[str, Answered] | None = None,
) -> list[Question]:
    """`count` questions for `seed`; with `seen` (the answer store), new and missed questions first."""
    if count < 1:
        raise UsageError("--questions must be at least 1")
    check_filters(category, difficulty)
    b, every = bank_and_specs(ds)
    specs = [s for s in every if _matches(s, category, difficulty)]
    if not specs:
        raise NotFound(
            f"no questions match category '{category or 'any'}' and difficulty '{difficulty or 'any'}'"
        )
    rng = random.Random(f"spacefacts-quiz:{seed}")
    order: Iterable[Spec] = _by_memory(rng, specs, seen, count) if seen is not None else _balanced(rng, specs)
    questions: list[Question] = []
    for spec in order:
        # Each question's options depend only on the seed and its id, not on what came before.
        question = kinds.generate(b, spec, random.Random(f"spacefacts-quiz:{seed}:{spec.id}"))
        if question is not None:
            questions.append(question)
        if len(questions) == count:
            break
    if seen is not None:
        rng.shuffle(questions)  # missed ones are picked first but need not be asked first
    return questions


# Playing -----------------------------------------------------------------------------------------


def parse_answer(text: str, count: int = OPTIONS) -> int | None:
    """`2`, `b`, `B)` or ` b. ` -> 1; anything else -> None."""
    token = text.strip().rstrip(").").strip().lower()
    if token.isdigit() and 1 <= int(token) <= count:
        return int(token) - 1
    if len(token) == 1 and "a" <= token < chr(ord("a") + count):
        return ord(token) - ord("a")
    return None


@dataclass
class Score:
    """A game's running score: asked, right, streaks."""

    total: int
    asked: int = 0
    right: int = 0
    streak: int = 0
    best_streak: int = 0
    missed: list[Question] = field(default_factory=list)

    def add(self, question: Question, correct: bool) -> None:
        self.asked += 1
        if correct:
            self.right += 1
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
        else:
            self.streak = 0
            self.missed.append(question)
