"""Past scores: every answered game is logged, and `quiz --stats` adds it up (library, CLI, script)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from spacefacts import quiz
from spacefacts.cli import app
from spacefacts.dataset import Dataset
from spacefacts.quiz import answers as quiz_answers

runner = CliRunner()


def _play(ds: Dataset, seed: int, right: list[bool]) -> None:
    asked = quiz.build_quiz(ds, len(right), seed)
    picks = [q.answer_index if ok else (q.answer_index + 1) % 4 for q, ok in zip(asked, right, strict=True)]
    answers = "".join(f"{p + 1}\n" for p in picks)
    result = runner.invoke(app, ["quiz", "--seed", str(seed), "-n", str(len(right))], input=answers)
    assert result.exit_code == 0, result.stderr


def _stats() -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["quiz", "--stats", "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_no_history_gives_zeros_and_a_hint() -> None:
    assert _stats()["games_played"] == 0
    result = runner.invoke(app, ["quiz", "--stats"])
    assert result.exit_code == 0 and "no quiz answers yet" in result.stderr and not result.stdout


def test_games_scores_categories_and_most_missed(ds: Dataset) -> None:
    _play(ds, 3, [True, False, True])
    _play(ds, 3, [False, False, True])  # the same questions again: the missed ones count twice
    doc = _stats()
    assert doc["games_played"] == 2
    assert [(g["right"], g["asked"]) for g in doc["games"]] == [(2, 3), (1, 3)]
    assert doc["answers"] == {"asked": 6, "right": 3, "percent": 50}
    assert sum(t["asked"] for t in doc["by_category"].values()) == 6
    assert sum(t["asked"] for month in doc["by_month"].values() for t in month.values()) == 6
    second = quiz.build_quiz(ds, 3, 3)[1]
    top = doc["most_missed"][0]
    assert (top["id"], top["wrong"], top["right"]) == (second.id, 2, 0)
    assert top["prompt"] == second.prompt and top["answer"] == second.answer
    assert runner.invoke(app, ["quiz", "--reset"]).exit_code == 0
    assert _stats()["games_played"] == 0


def test_an_old_history_without_a_log_and_a_damaged_log_line() -> None:
    history = quiz.AnswerStore(quiz.answers_path(), print)
    history.record("year:apollo-11", False)  # no game: as before the log existed
    log = quiz_answers.log_path(quiz.answers_path())
    log.write_text(
        '{"game": "g", "at": "2026-01-01T00:00:00", "question": "q", "category": "crew", "correct": true}\nnot json\n'
    )
    doc = _stats()
    assert doc["games_played"] == 1 and doc["unreadable_log_lines"] == 1
    assert [m["id"] for m in doc["most_missed"]] == ["year:apollo-11"]


def test_installed_script_shows_past_scores(ds: Dataset) -> None:
    _play(ds, 5, [True, True, False, True])
    script = Path(sys.executable).with_name("spacefacts")
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    out = subprocess.run(
        [script, "quiz", "--stats"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "Quiz history: 1 games, 4 answers, 3 right (75%)" in out
    missed = quiz.build_quiz(ds, 4, 5)[2]
    words = " ".join(out.replace("│", " ").split())  # the table may wrap a cell across lines
    assert "Most often missed" in out and f"Answer: {missed.answer.split()[0]}" in words
    assert max(len(line) for line in out.splitlines()) <= 80
