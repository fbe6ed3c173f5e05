"""Past scores: a log of every answer, game by game, and the figures `spacefacts quiz --stats` shows.

The answer store (quiz-history.json, `quiz.AnswerStore`) keeps one entry per question: how often it was
answered right and wrong. A score per game needs more: the log, `quiz-games.jsonl` beside it, gets
one line per answer (game id, time, question id, category, right or wrong), appended under the
same lock. Games played before the log existed are not known; their answers still count in the
questions most often missed, which come from the answer store.

No Rich, no Typer: `spacefacts.render.quiz` draws the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacefacts.dataset import Dataset
    from spacefacts.quiz.answers import Answered, Logged

MOST_MISSED = 10
RECENT_GAMES = 20


@dataclass
class Tally:
    """Questions asked and answered right."""

    asked: int = 0
    right: int = 0

    def add(self, correct: bool) -> None:
        self.asked += 1
        self.right += correct

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.asked) if self.asked else 0


@dataclass(frozen=True)
class Game:
    """One game's tallies, overall and by category."""

    id: str
    started: str
    tally: Tally
    by_category: dict[str, Tally]


@dataclass(frozen=True)
class Missed:
    """A question the player often gets wrong, as the data asks it today."""

    question: str  # the question id, `<kind>:<subject>`
    prompt: str | None  # the question as asked today, if the data still asks it
    answer: str | None
    wrong: int
    right: int
    last_answered: str


@dataclass(frozen=True)
class QuizStats:
    """The player's record: games, totals by category and month, most missed."""

    games: list[Game]  # oldest first
    total: Tally
    by_category: dict[str, Tally]
    by_month: dict[str, dict[str, Tally]]  # YYYY-MM -> category -> tally, months in order
    most_missed: list[Missed]
    questions_answered: int  # distinct questions in the answer store
    unreadable_lines: int
    rule: str = field(
        default=(
            "games and scores from the answer log (quiz-games.jsonl, one line per answer given since "
            "the log was started; --no-history and --json quizzes are not logged); most often missed "
            "from the answer store (quiz-history.json): most wrong answers first, then most recently "
            "answered"
        )
    )


def compute(log: list[Logged], answers: dict[str, Answered], unreadable: int) -> QuizStats:
    games: dict[str, Game] = {}
    total = Tally()
    by_category: dict[str, Tally] = {}
    by_month: dict[str, dict[str, Tally]] = {}
    asked_as: dict[str, tuple[str | None, str | None]] = {}
    for row in log:
        asked_as[row.question] = (row.prompt, row.answer)
        game = games.setdefault(row.game, Game(row.game, row.at, Tally(), {}))
        game.tally.add(row.correct)
        game.by_category.setdefault(row.category, Tally()).add(row.correct)
        total.add(row.correct)
        by_category.setdefault(row.category, Tally()).add(row.correct)
        by_month.setdefault(row.at[:7], {}).setdefault(row.category, Tally()).add(row.correct)
    missed = sorted(
        (q for q, a in answers.items() if a.wrong),
        key=lambda q: (-answers[q].wrong, _desc(answers[q].last_answered), q),
    )[:MOST_MISSED]
    return QuizStats(
        games=sorted(games.values(), key=lambda g: (g.started, g.id)),
        total=total,
        by_category=dict(sorted(by_category.items())),
        by_month=dict(sorted(by_month.items())),
        most_missed=[
            Missed(
                q,
                *asked_as.get(q, (None, None)),
                answers[q].wrong,
                answers[q].right,
                answers[q].last_answered,
            )
            for q in missed
        ],
        questions_answered=len(answers),
        unreadable_lines=unreadable,
    )


def _desc(text: str) -> str:
    """A key that sorts ISO timestamps newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def with_prompts(result: QuizStats, ds: Dataset) -> QuizStats:
    """Today's wording for the most missed questions the log does not word (answered before the log)."""
    import random

    from spacefacts.quiz.kept import bank_and_specs
    from spacefacts.quiz.kinds import generate

    b, every = bank_and_specs(ds)
    wanted = {m.question for m in result.most_missed if m.prompt is None}
    found: dict[str, tuple[str, str]] = {}
    for spec in every:
        if spec.id in wanted:
            question = generate(b, spec, random.Random(f"spacefacts-quiz:stats:{spec.id}"))
            if question is not None:
                found[spec.id] = (question.prompt, question.answer)
    missed = [
        replace(m, prompt=found[m.question][0], answer=found[m.question][1]) if m.question in found else m
        for m in result.most_missed
    ]
    return replace(result, most_missed=missed)


def stats_json(result: QuizStats) -> dict[str, Any]:
    def tally(t: Tally) -> dict[str, int]:
        return {"asked": t.asked, "right": t.right, "percent": t.percent}

    return {
        "games_played": len(result.games),
        "answers": tally(result.total),
        "by_category": {c: tally(t) for c, t in result.by_category.items()},
        "by_month": {m: {c: tally(t) for c, t in cats.items()} for m, cats in result.by_month.items()},
        "games": [
            {
                "id": g.id,
                "started": g.started,
                **tally(g.tally),
                "by_category": {c: tally(t) for c, t in sorted(g.by_category.items())},
            }
            for g in result.games
        ],
        "most_missed": [
            {
                "id": m.question,
                "prompt": m.prompt,
                "answer": m.answer,
                "wrong": m.wrong,
                "right": m.right,
                "last_answered": m.last_answered,
            }
            for m in result.most_missed
        ],
        "questions_answered": result.questions_answered,
        "unreadable_log_lines": result.unreadable_lines,
        "rule": result.rule,
    }
