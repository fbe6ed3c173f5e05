"""The quiz on screen: questions, answers read line by line, feedback, and the summary; or JSON.

Rich is imported inside the functions, like the rest of the render package. Output goes to stdout
through one Console, which drops styling by itself when stdout is not a terminal, so a piped quiz
prints plain text. Lines are printed with soft wrapping: a terminal wraps them, a pipe keeps them whole.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacefacts.quiz import DIFFICULTY_RULE, OPTIONS, History, Question, Score, parse_answer
from spacefacts.render import console, emit_json

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["emit_json", "play", "quiz_json"]

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
    from rich.markup import escape

    out.print()
    out.print(
        f"[bold]Question {number} of {total}[/bold] [dim]({question.category}, {question.difficulty})[/dim]",
        soft_wrap=True,
    )
    out.print(f"[bold]{escape(question.prompt)}[/bold]", soft_wrap=True)
    for index, option in enumerate(question.options):
        out.print(f"  {index + 1}) {escape(option)}", soft_wrap=True)


def _read_choice(out: Console, count: int) -> int:
    """The chosen option's index; asks again on anything else. EOFError and Ctrl-C pass through."""
    prompt = f"Answer (1-{count} or a-{LETTERS[count - 1]}): "
    while True:
        text = out.input(prompt)
        if not sys.stdin.isatty():
            # Piped answers are not echoed by a terminal; show them so the transcript reads right.
            out.print(text, markup=False, highlight=False, soft_wrap=True)
        choice = parse_answer(text, count)
        if choice is not None:
            return choice
        out.print(
            f"Please answer with a number from 1 to {count} or a letter from a to {LETTERS[count - 1]}."
        )


def _feedback(out: Console, question: Question, correct: bool, score: Score) -> None:
    from rich.markup import escape

    answer = f"{question.answer_index + 1}) {escape(question.answer)}"
    if correct:
        out.print(f"[bold green]Right![/bold green] {answer}", soft_wrap=True)
    else:
        out.print(f"[bold red]Wrong.[/bold red] The answer is {answer}", soft_wrap=True)
    out.print(escape(question.explanation), soft_wrap=True)
    out.print(f"Look up: {escape(question.lookup)}", soft_wrap=True)
    out.print(f"[dim]{escape(difficulty_line(question))}[/dim]", soft_wrap=True)
    out.print(f"[dim]Source: {escape(question.source)}[/dim]", soft_wrap=True)
    out.print(f"Score {score.right} of {score.asked}, streak {score.streak}", soft_wrap=True)


def summary(out: Console, score: Score, replay: str | None) -> None:
    from rich.markup import escape

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
                f"  {escape(question.prompt)} Answer: {escape(question.answer)} ({escape(question.lookup)})",
                soft_wrap=True,
            )
    if replay:
        out.print(f"[dim]Play this quiz again: {escape(replay)}[/dim]", soft_wrap=True)


def play(
    questions: list[Question], history: History | None, warn: Callable[[str], None], replay: str | None
) -> bool:
    """Ask every question, line by line; the summary at the end. False if stopped by Ctrl-C.

    End of input ends the quiz early but normally (a script that ran out of answers); each answer
    is written to the history as soon as it is given, so stopping loses nothing.
    """
    out = console()
    score = Score(total=len(questions))
    interrupted = False
    try:
        for number, question in enumerate(questions, start=1):
            _ask(out, question, number, len(questions))
            correct = _read_choice(out, len(question.options) or OPTIONS) == question.answer_index
            score.add(question, correct)
            if history is not None:
                try:
                    history.record(question.id, correct)
                except OSError as exc:
                    warn(f"cannot save quiz history ({exc}); answers from now on are not remembered")
                    history = None
            _feedback(out, question, correct, score)
    except EOFError:
        out.print()
    except KeyboardInterrupt:
        out.print()
        interrupted = True
    summary(out, score, replay)
    return not interrupted
