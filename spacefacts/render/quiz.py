"""The quiz on screen: questions, answers read line by line, feedback, and the summary; or JSON.

Rich is imported inside the functions, like the rest of the render package. Output goes to stdout
through one Console, which drops styling by itself when stdout is not a terminal, so a piped quiz
prints plain text. Lines are printed with soft wrapping: a terminal wraps them, a pipe keeps them whole.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacefacts.quiz import DIFFICULTY_RULE, OPTIONS, Question, Score, parse_answer
from spacefacts.render import console, emit_json, text

if TYPE_CHECKING:
    from rich.console import Console

    from spacefacts.quiz import AnswerStore
    from spacefacts.quiz.stats import QuizStats

__all__ = ["emit_json", "play", "quiz_json", "stats", "stats_json"]

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def question_json(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "kind": question.kind,
        "category": question.category,
        "difficulty": question.difficulty,
        "difficulty_points": question.points,
        "difficulty_reasons": list(question.reasons),
        "prompt": question.prompt,
        "options": list(question.options),
        "answer_index": question.answer_index,
        "answer": question.answer,
        "explanation": question.explanation,
        "lookup": question.lookup,
        "source": question.source,
    }


def quiz_json(
    questions: list[Question], seed: int | str, category: str | None, difficulty: str | None
) -> dict[str, Any]:
    return {
        "seed": seed,
        "category": category,
        "difficulty": difficulty,
        "difficulty_rule": DIFFICULTY_RULE,
        "count": len(questions),
        "questions": [question_json(q) for q in questions],
    }


def difficulty_line(question: Question) -> str:
    """`Difficulty: easy, 4 points (best-known flight Apollo 11: 4 points).`"""
    points = f"{question.points} point{'' if question.points == 1 else 's'}"
    why = f" ({'; '.join(question.reasons)})" if question.reasons else " (no first, record or curated event)"
    return f"Difficulty: {question.difficulty}, {points}{why}."


def _ask(out: Console, question: Question, number: int, total: int) -> None:

    out.print()
    out.print(
        f"[bold]Question {number} of {total}[/bold] [dim]({question.category}, {question.difficulty})[/dim]",
        soft_wrap=True,
    )
    out.print(f"[bold]{text(question.prompt)}[/bold]", soft_wrap=True)
    for index, option in enumerate(question.options):
        out.print(f"  {index + 1}) {text(option)}", soft_wrap=True)


def _read_choice(out: Console, count: int) -> int:
    """The chosen option's index; asks again on anything else. EOFError and Ctrl-C pass through."""
    prompt = f"Answer (1-{count} or a-{LETTERS[count - 1]}): "
    while True:
        if sys.stdin is None or sys.stdin.closed:
            raise EOFError  # stdin closed (`<&-`): no answers will come
        answer = out.input(prompt)
        if not sys.stdin.isatty():
            # Piped answers are not echoed by a terminal; show them so the transcript reads right.
            out.print(text(answer), highlight=False, soft_wrap=True)
        choice = parse_answer(answer, count)
        if choice is not None:
            return choice
        out.print(
            f"Please answer with a number from 1 to {count} or a letter from a to {LETTERS[count - 1]}."
        )


def _feedback(out: Console, question: Question, correct: bool, score: Score) -> None:

    answer = f"{question.answer_index + 1}) {text(question.answer)}"
    if correct:
        out.print(f"[bold green]Right![/bold green] {answer}", soft_wrap=True)
    else:
        out.print(f"[bold red]Wrong.[/bold red] The answer is {answer}", soft_wrap=True)
    out.print(text(question.explanation), soft_wrap=True)
    out.print(f"Look up: {text(question.lookup)}", soft_wrap=True)
    out.print(f"[dim]{text(difficulty_line(question))}[/dim]", soft_wrap=True)
    out.print(f"[dim]Source: {text(question.source)}[/dim]", soft_wrap=True)
    out.print(f"Score {score.right} of {score.asked}, streak {score.streak}", soft_wrap=True)


def summary(out: Console, score: Score, replay: str | None) -> None:

    out.print()
    if score.asked < score.total:
        out.print(f"Quiz stopped after {score.asked} of {score.total} questions.")
    percent = f" ({round(100 * score.right / score.asked)}%)" if score.asked else ""
    out.print(
        f"[bold]Final score: {score.right} of {score.asked} right{percent}[/bold], best streak {score.best_streak}",
        soft_wrap=True,
    )
    if score.missed:
        out.print("To review:")
        for question in score.missed:
            out.print(
                f"  {text(question.prompt)} Answer: {text(question.answer)} ({text(question.lookup)})",
                soft_wrap=True,
            )
    if replay:
        out.print(f"[dim]Play this quiz again: {text(replay)}[/dim]", soft_wrap=True)
    out.print(
        "[dim]Difficulty is measured: points for the curated events, firsts, lasts and records that name "
        "a question's subject (the rule: docs/quiz.md, or --json). Past scores: spacefacts quiz --stats[/dim]",
        soft_wrap=True,
    )


def play(
    questions: list[Question], store: AnswerStore | None, warn: Callable[[str], None], replay: str | None
) -> bool:
    """Ask every question, line by line; the summary at the end. False if stopped by Ctrl-C.

    End of input ends the quiz early but normally (a script that ran out of answers); each answer
    is written to the answer store as soon as it is given, so stopping loses nothing.
    """
    from datetime import UTC, datetime

    out = console()
    score = Score(total=len(questions))
    game = datetime.now(UTC).isoformat(timespec="microseconds")  # the game's id in the answer log
    interrupted = False
    try:
        for number, question in enumerate(questions, start=1):
            _ask(out, question, number, len(questions))
            correct = _read_choice(out, len(question.options) or OPTIONS) == question.answer_index
            score.add(question, correct)
            if store is not None:
                store.record(question.id, correct, game, question)  # warns once if it cannot
            _feedback(out, question, correct, score)
    except EOFError:
        out.print()
    except KeyboardInterrupt:
        out.print()
        interrupted = True
    summary(out, score, replay)
    return not interrupted


def stats_json(result: QuizStats) -> dict[str, Any]:
    """Past scores as JSON (spacefacts.quiz.stats, imported only for --stats)."""
    from spacefacts.quiz import stats as quiz_stats

    return quiz_stats.stats_json(result)


def stats(result: QuizStats) -> None:
    """Past scores: totals, recent games, each category by month, the questions most often missed."""
    from spacefacts.quiz.stats import RECENT_GAMES
    from spacefacts.render.grid import Grid

    out = console()
    total = result.total
    out.print(
        f"[bold]Quiz history:[/bold] {len(result.games)} games, {total.asked} answers, "
        f"{total.right} right ({total.percent}%)",
        soft_wrap=True,
    )
    if result.unreadable_lines:
        out.print(f"[dim]{result.unreadable_lines} unreadable line(s) of the answer log skipped[/dim]")
    if result.games:
        shown = result.games[-RECENT_GAMES:]
        games = Grid(f"Games (the last {len(shown)})")
        for name in ("Started (UTC)", "Right", "Asked", "%"):
            games.add_column(name, justify="left" if name.startswith("Started") else "right", wrap=False)
        games.add_column("By category")
        for g in shown:
            parts = ", ".join(f"{c} {t.right}/{t.asked}" for c, t in sorted(g.by_category.items()))
            games.add_row(
                _when(g.started), str(g.tally.right), str(g.tally.asked), str(g.tally.percent), parts
            )
        out.print(games, crop=False)
    if result.by_month:
        categories = sorted(result.by_category)
        months = Grid("Right of asked, by category and month")
        months.add_column("Month", wrap=False)
        for c in categories:
            months.add_column(c, justify="right", wrap=False)
        months.add_column("All", justify="right", wrap=False)
        for month, cats in result.by_month.items():
            right = sum(t.right for t in cats.values())
            asked = sum(t.asked for t in cats.values())
            cells = [f"{cats[c].right}/{cats[c].asked}" if c in cats else "-" for c in categories]
            months.add_row(month, *cells, f"{right}/{asked}")
        cells = [f"{result.by_category[c].percent}%" for c in categories]
        months.add_row(*((((cell, "bold"),)) for cell in ("All, %", *cells, f"{total.percent}%")))
        out.print(months, crop=False)
    if result.most_missed:
        missed = Grid("Most often missed")
        missed.add_column("Question")
        missed.add_column("Wrong", justify="right", wrap=False)
        missed.add_column("Right", justify="right", wrap=False)
        missed.add_column("Last", wrap=False)
        for m in result.most_missed:
            line = f"{m.prompt} Answer: {m.answer}" if m.prompt else m.question
            missed.add_row(line, str(m.wrong), str(m.right), m.last_answered[:10])
        out.print(missed, crop=False)


def _when(iso: str) -> str:
    return iso[:16].replace("T", " ")
