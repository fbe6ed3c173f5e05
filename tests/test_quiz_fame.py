"""Difficulty is measured renown: famous flights and people are easy, routine ones hard, and
docs/quiz.md is what scripts/quiz_doc.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from spacefacts import quiz
from spacefacts.dataset import Dataset
from spacefacts.quiz.difficulty import level

ROOT = Path(__file__).resolve().parents[1]


def _spec(ds: Dataset, spec_id: str) -> quiz.Spec:
    return next(s for s in quiz.specs(quiz.bank(ds)) if s.id == spec_id)


def test_famous_flights_and_people_are_easy_and_routine_ones_hard(ds: Dataset) -> None:
    for easy in ("year:apollo-11", "who-flew:vostok-1", "site:shenzhou-5", "mission-of:valentina-tereshkova"):
        assert _spec(ds, easy).difficulty == "easy", _spec(ds, easy)
    for hard in ("year:soyuz-ms-07", "who-flew:sts-32", "year:new-shepard-ns-19"):
        assert _spec(ds, hard).difficulty == "hard", _spec(ds, hard)
    # "What happened on 24 February 2011?" (STS-133 launches) was once marked easy.
    assert _spec(ds, "on-date:sts-133").difficulty != "easy"
    bank = quiz.bank(ds)
    for person in ("yuriy-gagarin", "neil-armstrong", "edwin-aldrin", "yang-liwei"):
        assert level(bank.fame.person(person).points) == "easy", person


def test_difficulty_is_the_level_of_the_points_and_says_why(ds: Dataset) -> None:
    measured = {
        "who-flew",
        "mission-of",
        "country",
        "year",
        "vehicle",
        "site",
        "launch-count",
        "first",
        "on-date",
    }
    measured |= {"true-statement", "false-statement"}
    for seed in range(30):
        for q in quiz.build_quiz(ds, 10, seed):
            if q.kind not in measured:
                continue  # a kind added later sets its own difficulty
            recall = q.kind in ("first", "on-date")
            assert q.difficulty == level(q.points, recall=recall), q
            assert bool(q.reasons) == (q.points > 0), q


def test_docs_quiz_md_is_generated(ds: Dataset) -> None:
    spec = importlib.util.spec_from_file_location("quiz_doc", ROOT / "scripts" / "quiz_doc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "docs" / "quiz.md").read_text(encoding="utf-8")
    assert text == module.render(ds), "run python scripts/quiz_doc.py"
    assert quiz.DIFFICULTY_RULE in text
    easy = text.split("sampled easy questions")[1].split("sampled hard questions")[0]
    assert easy.count("\n| ") == 21  # header and 20 questions
