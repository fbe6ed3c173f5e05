"""Every command's text output, golden at 80 and 120 columns: titles in words, durations whole,
lines within the width. Set UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, then
review the diff (tests/golden/80, tests/golden/120)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spacefacts import dataset, quiz
from spacefacts.cli import app
from spacefacts.quiz import answers as quiz_answers
from tests.golden_files import GOLDEN, check_golden

FIXTURES = Path(__file__).parent / "fixtures"
WIDTHS = (80, 120)
runner = CliRunner()

CASES = {
    "mission-apollo-11": ["mission", "apollo-11"],
    "mission-soyuz-ms-11-explain": ["mission", "soyuz-ms-11", "--explain"],
    "crew-soyuz-ms-11": ["crew", "soyuz-ms-11"],
    "person-oleg-kononenko": ["person", "kononenko"],
    "person-peggy-whitson": ["person", "Peggy Whitson"],
    "launches-1969": ["launches", "1969"],
    "launches-2026": ["launches", "2026"],
    "launches-1969-list-crewed": ["launches", "1969", "--list", "--crewed"],
    "launches-2018-list-filters": [
        "launches",
        "2018",
        "--list",
        "--country",
        "Russia",
        "--outcome",
        "failure",
    ],
    "launches-2018-explain": ["launches", "2018", "--explain"],
    "launches-by-year": ["launches", "--by-year"],
    "stats": ["stats"],
    "search-mir": ["search", "mir"],
    "search-unity": ["search", "unity"],
    "in-space-2001-03-15": ["in-space", "--date", "2001-03-15"],
    "records-2000-01-01": ["records", "--as-of", "2000-01-01"],
    "today-04-12": ["today", "--date", "1961-04-12"],
    "quiz-seed-1": ["quiz", "--seed", "1", "-n", "2", "--no-history"],
    "data-info": ["data", "info"],
    "data-validate-misnamed": ["data", "validate", str(FIXTURES / "misnamed")],
    "quiz-stats": ["quiz", "--stats"],
}
EXIT = {"data-validate-misnamed": 1}
# Two games in the answer log and the store, with fixed times, for quiz --stats.
ANSWERS = [
    ("2026-01-05T20:00:00.000001+00:00", "year:apollo-11", "missions", True, "In what year did Apollo 11 launch?", "1969"),
    ("2026-01-05T20:00:00.000001+00:00", "who-flew:soyuz-ms-11", "crew", False, "Who was in the crew of Soyuz MS-11 (2018)?", "Anne McClain"),
    ("2026-02-07T09:30:00.000001+00:00", "who-flew:soyuz-ms-11", "crew", False, "Who was in the crew of Soyuz MS-11 (2018)?", "Anne McClain"),
    ("2026-02-07T09:30:00.000001+00:00", "launch-count:1957", "launches", True, "How many orbital launch attempts from Earth were there in 1957, failures included?", "3"),
]  # fmt: skip


def _history() -> None:
    questions: dict[str, dict[str, object]] = {}
    store = {"version": 1, "questions": questions}
    answered: Counter[tuple[str, bool]] = Counter()
    lines = []
    for at, qid, category, correct, prompt, answer in ANSWERS:
        answered[qid, correct] += 1
        questions[qid] = {
            "right": answered[qid, True],
            "wrong": answered[qid, False],
            "last_answered": at,
            "last_correct": correct,
        }
        row = {"game": at, "at": at, "question": qid, "category": category, "correct": correct}
        lines.append(json.dumps({**row, "prompt": prompt, "answer": answer}))
    quiz.answers_path().parent.mkdir(parents=True, exist_ok=True)
    quiz.answers_path().write_text(json.dumps(store))
    quiz_answers.log_path(quiz.answers_path()).write_text("\n".join(lines) + "\n")


def _run(args: list[str], width: int, code: int = 0) -> str:
    env = {"COLUMNS": str(width), "NO_COLOR": "1", "TERM": "dumb"}
    if args == ["quiz", "--stats"]:
        _history()
    result = runner.invoke(app, args, env=env, input="1\n2\n")
    assert result.exit_code == code, (args, result.stderr)
    # The data folder's path and the docs' depend on where the checkout is.
    out = result.stdout.replace(str(dataset.builtin_data_dir()), "<data>").replace(
        str(FIXTURES), "<fixtures>"
    )
    return out.replace(str(dataset.builtin_doc("counting.md")), "<docs>/counting.md")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, width: int) -> None:
    out = _run(CASES[name], width, EXIT.get(name, 0))
    check_golden(f"{width}/{name}", out)
    # The quiz and validate's problem lines print lines whole on purpose (a terminal wraps them;
    # a problem stays one line for grep); everything else fits.
    if CASES[name][0] != "quiz" and name != "data-validate-misnamed":
        assert max(len(line) for line in out.splitlines()) <= width, "a line wider than the terminal"
    assert not re.search(r"\w=(True|False|None)\b|\bNone\b", out), "a Python value in the text"
    # A duration is never split across lines: "194 d 18 h 2" never ends a cell without its "min".
    assert not re.search(r"\d+ d \d+ h \d+ *│", out), "a duration split across lines"
    assert not re.search(r"\d+ (d|h) *│", out), "a duration split across lines"


def test_every_command_has_a_golden_file() -> None:
    commands = {args[0] if args[0] != "data" else " ".join(args[:2]) for args in CASES.values()}
    assert commands >= {
        "mission", "crew", "person", "launches", "stats", "search", "in-space", "records", "today", "quiz",
        "data info", "data validate",
    }  # fmt: skip
    for width in WIDTHS:
        assert {p.stem for p in (GOLDEN / str(width)).glob("*.txt")} == set(CASES)
