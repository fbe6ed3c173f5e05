"""Trivia: `spacefacts quiz` (spacefacts/quiz/, render/quiz.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from spacefacts import session
from spacefacts.commands.app import JsonOption, app, complete_quiz_category
from spacefacts.errors import Exit, ExitCode, one_line
from spacefacts.frontend import echo, lazy_module

if TYPE_CHECKING:
    import typer

    from spacefacts.quiz import AnswerStore
else:
    typer = lazy_module("typer")  # imported when Typer reads the annotations below, not before


@app.command()
def quiz(
    questions: Annotated[
        int, typer.Option("--questions", "-n", metavar="N", help="How many questions.", min=1)
    ] = 10,
    seed: Annotated[
        int | None,
        typer.Option(help="Same seed, same questions, whatever the history holds.", show_default=False),
    ] = None,
    daily: Annotated[
        bool, typer.Option("--daily", help="The day's quiz: the same for everyone on that date.")
    ] = False,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The date for --daily, YYYY-MM-DD (default today).",
            show_default=False,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            help="crew, missions, launches, history or true-false; or one kind (who-flew, year, ...).",
            autocompletion=complete_quiz_category,
            show_default=False,
        ),
    ] = None,
    difficulty: Annotated[
        str | None, typer.Option(help="easy, medium or hard (rule above).", show_default=False)
    ] = None,
    no_history: Annotated[
        bool, typer.Option("--no-history", help="Neither read nor save the history of answers.")
    ] = False,
    reset: Annotated[bool, typer.Option("--reset", help="Forget every remembered answer, and exit.")] = False,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats", help="Past scores: games, score per game and category by month, most missed questions."
        ),
    ] = False,
    json: JsonOption = False,
) -> None:
    """Trivia generated from the dataset: four options, one right, and the record to look up.

    Answer by number or letter. Answers are kept in the user data folder: a new quiz asks new
    questions first and brings back missed ones (--seed and --daily always ask the same ones).
    Difficulty is how well known the subject is, measured in points for the curated events,
    firsts, lasts and records that name it; each answer shows the points, and --json and
    docs/quiz.md state the whole rule.

    Example: spacefacts quiz --questions 5 --difficulty easy
    """
    from spacefacts import quiz as trivia
    from spacefacts.render import quiz as render

    def warn(message: str) -> None:
        echo(f"spacefacts: {one_line(message)}", err=True)

    def answers() -> AnswerStore:  # the answer store's module is imported only by the runs that use it
        return trivia.AnswerStore(trivia.answers_path(), warn)

    if reset:
        echo("quiz history cleared" if answers().reset() else "no quiz history to clear", err=True)
        return
    if stats:
        _quiz_stats(answers(), json)
        return
    plan = trivia.plan(seed, daily, day, questions, category, difficulty)
    store = None if no_history or json else answers()
    seen = store.load() if store is not None and not plan.pinned else None
    asked = trivia.build_quiz(session.dataset(), questions, plan.seed, category, difficulty, seen)
    if json:
        render.emit_json(render.quiz_json(asked, plan.seed, category, difficulty))
        return
    if not render.play(asked, store, warn, plan.replay):
        raise Exit(ExitCode.INTERRUPTED)


def _quiz_stats(store: AnswerStore, json: bool) -> None:
    from spacefacts.quiz import stats as quiz_stats
    from spacefacts.render import quiz as render

    answers, log, unreadable = store.answers_and_log()
    result = quiz_stats.compute(log, answers, unreadable)
    if any(m.prompt is None for m in result.most_missed):
        result = quiz_stats.with_prompts(result, session.dataset())
    if json:
        render.emit_json(render.stats_json(result))
    elif not result.total.asked and not result.most_missed:
        echo("no quiz answers yet: play with 'spacefacts quiz'", err=True)
    else:
        render.stats(result)
