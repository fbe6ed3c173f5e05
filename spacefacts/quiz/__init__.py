"""Trivia generated from the dataset: fair, reproducible questions, and a memory of answers.

Every question is computed from sourced records, so each answer can be checked with the
`lookup` command it names. Generation is pure: `random.Random(seed)` only, never the global
generator, so the same seed gives the same quiz. The answer store is the one piece of I/O:
a JSON file in the user's data folder, written atomically under a lock.

The package, one purpose a module:
- questions: what a question and a spec are, and the helpers every kind shares;
- kinds: the registry of question kinds (crew, missions, dates, statements, expeditions,
  uncrewed: one small module of generators each);
- bank: the dataset indexed for the generators, each index built when first asked for;
- kept: the bank's indexes and every spec that can be asked, kept in the derived-data cache;
- difficulty: renown points and the difficulty they give; fair: distractor pools and answer families;
- plan: choosing a quiz (seed, filters, order) and playing it (answers, score);
- answers: the answer store; stats: the answer log and past scores.

No Rich and no Typer here; `spacefacts.render.quiz` draws and plays.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from spacefacts.quiz.bank import Bank, bank
from spacefacts.quiz.kinds import DIFFICULTY_RULE, KIND_CATEGORY, Spec, generate, specs
from spacefacts.quiz.plan import Plan, Score, build_quiz, check_filters, parse_answer, parse_day, plan
from spacefacts.quiz.questions import CATEGORIES, DEFAULT_QUESTIONS, DIFFICULTIES, OPTIONS, Question

if TYPE_CHECKING:
    from spacefacts.quiz.answers import (
        ANSWERS_FILE,
        Answered,
        AnswerStore,
        CorruptAnswers,
        UnusableAnswers,
        answers_path,
        append_regular,
        read_regular,
    )

# The answer store's names, imported when first asked for: a --json quiz never reads the store.
_FROM_ANSWERS = frozenset(
    {
        "ANSWERS_FILE",
        "Answered",
        "AnswerStore",
        "CorruptAnswers",
        "UnusableAnswers",
        "answers_path",
        "append_regular",
        "read_regular",
    }
)


def __getattr__(name: str) -> Any:
    if name in _FROM_ANSWERS:
        return getattr(importlib.import_module("spacefacts.quiz.answers"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ANSWERS_FILE",
    "CATEGORIES",
    "DEFAULT_QUESTIONS",
    "DIFFICULTIES",
    "DIFFICULTY_RULE",
    "KIND_CATEGORY",
    "OPTIONS",
    "AnswerStore",
    "Answered",
    "Bank",
    "CorruptAnswers",
    "Plan",
    "Question",
    "Score",
    "Spec",
    "UnusableAnswers",
    "answers_path",
    "append_regular",
    "bank",
    "build_quiz",
    "check_filters",
    "generate",
    "parse_answer",
    "parse_day",
    "plan",
    "read_regular",
    "specs",
]
