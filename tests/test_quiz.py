"""The quiz: every question checked against the dataset by code of its own, determinism, memory,
piped play through CliRunner, and two quizzes writing the history at once."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import textwrap
import tomllib
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spacefacts import quiz
from spacefacts.cli import app
from spacefacts.dataset import Dataset
from tests.quiz_oracle import days_by_text

runner = CliRunner()
SEEDS = range(100)
PER_QUIZ = 10  # 100 seeds x 10 questions = 1,000 questions in the property test


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["quiz", *args], input=input, env={"COLUMNS": "120", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


# An independent oracle: which options are true, computed straight from the records ----------


def _flew(ds: Dataset, person_id: str) -> set[str]:
    """Missions the person was aboard: the ones they launched on and the ones they came home on."""
    person = ds.person_by_id[person_id]
    launched = {m.id for m in ds.missions if any(s.person == person_id for s in m.crew)}
    return launched | {r.on for r in person.returns if r.on}


def _statement_is_true(ds: Dataset, mission_id: str, text: str) -> bool:
    m = ds.mission_by_id[mission_id]
    crew = {ds.person_by_id[s.person].name for s in m.crew}
    site = ds.sites[m.site].name if m.site else None
    if text.startswith(f"{m.name} launched in "):
        return text.removeprefix(f"{m.name} launched in ") == m.launch.iso[:4]
    if text.startswith(f"The launch vehicle of {m.name} was the "):
        return text.removeprefix(f"The launch vehicle of {m.name} was the ") == m.vehicle
    if text.startswith(f"{m.name} launched from "):
        return text.removeprefix(f"{m.name} launched from ") == site
    if text.endswith(f" was in the crew of {m.name}"):
        return text.removesuffix(f" was in the crew of {m.name}") in crew
    if text == f"{m.name} reached orbit":
        return m.kind == "orbital"
    if text == f"{m.name} was a suborbital flight":
        return m.kind == "suborbital"
    raise AssertionError(f"unparsed statement: {text}")


def correct_options(ds: Dataset, days: dict[str, set[date]], q: quiz.Question) -> list[int]:
    kind, subject = q.id.split(":", 1)
    options = q.options
    if kind == "who-flew":
        crew = {ds.person_by_id[s.person].name for s in ds.mission_by_id[subject].crew}
        truth = [o in crew for o in options]
    elif kind == "mission-of":
        flown = {ds.mission_by_id[m].name for m in _flew(ds, subject)}
        truth = [o in flown for o in options]
    elif kind == "country":
        truth = [o == ds.person_by_id[subject].country for o in options]
    elif kind == "year":
        truth = [o == ds.mission_by_id[subject].launch.iso[:4] for o in options]
    elif kind == "vehicle":
        truth = [o == ds.mission_by_id[subject].vehicle for o in options]
    elif kind == "site":
        m = ds.mission_by_id[subject]
        truth = [m.site is not None and o == ds.sites[m.site].name for o in options]
    elif kind == "launch-count":
        # Counted from the raw launch list, not the per-year index the quiz uses.
        count = sum(1 for x in ds.launches if x.earth and x.date.iso[:4] == subject)
        truth = [o == str(count) for o in options]
    elif kind == "first":
        assert all(len(days[o]) == 1 for o in options), "an option names more than one day"
        earliest = min(min(days[o]) for o in options)
        truth = [min(days[o]) == earliest for o in options]
    elif kind == "on-date":
        found = re.search(r"on (\d+) (\w+) (\d{4})", q.prompt)
        assert found, q.prompt
        day = datetime.strptime(" ".join(found.groups()), "%d %B %Y").date()
        truth = [day in days[o] for o in options]
    elif kind == "true-statement":
        truth = [_statement_is_true(ds, subject, o) for o in options]
    elif kind == "false-statement":
        truth = [not _statement_is_true(ds, subject, o) for o in options]
    elif kind in ("expedition-commander", "expedition-station"):
        truth = _expedition_truth(ds, kind, subject, options)
    elif kind in ("first-probe", "carried-by"):
        truth = uncrewed_truth(ds, kind, subject, options)
    else:
        raise AssertionError(f"unknown kind {kind}")
    return [i for i, true in enumerate(truth) if true]


def _expedition_truth(ds: Dataset, kind: str, subject: str, options: tuple[str, ...]) -> list[bool]:
    """Recomputed from data/expeditions.toml itself, not through spacefacts.stations."""
    doc = tomllib.loads((ds.directory / "expeditions.toml").read_text(encoding="utf-8"))
    record = next(e for e in doc["expedition"] if e["id"] == subject)
    if kind == "expedition-commander":
        (boss,) = [m["person"] for m in record["members"] if m.get("role") == "commander"]
        return [o == ds.person_by_id[boss].name for o in options]
    station = next(s for s in doc["station"] if s["id"] == record["station"])
    return [o == station["name"] for o in options]


def uncrewed_truth(ds: Dataset, kind: str, subject: str, options: tuple[str, ...]) -> list[bool]:
    """The uncrewed kinds, recomputed from the raw payloads.toml and events.toml records."""
    from tests.test_payloads import raw_payloads

    doc = raw_payloads()
    if kind == "carried-by":
        famous = next(f for f in doc["famous"] if f["id"] == subject)
        row = next(r for r in doc["payloads"]["rows"] if r[0] == famous["jcat"])
        piece = row[1]
        prefixes = [
            t
            for t in ds.launch_by_tag
            if piece == t or piece.startswith((t + " ", t) if "-" in t else t + " ")
        ]
        tag = row[2] or max(prefixes, key=len)
        launch = ds.launch_by_tag[tag]
        crewed = [m.name for m in ds.missions if m.launch_tag == tag and m.crew]
        label = f"{crewed[0]} ({launch.vehicle})" if crewed else launch.vehicle
        return [o == f"{label}, {launch.date.iso[:10]}" for o in options]
    verbs = r" (?:rover )?(?:flies by|flies past|enters orbit around|lands on|impacts) "
    arrivals = [
        (e.date.iso[:10], re.split(verbs, e.title)[0].split(" (")[0])
        for e in ds.events
        if e.category == "planetary" and e.body == subject and re.search(verbs, e.title)
    ]
    arrivals += [
        (v["date"][:10], f["name"])
        for f in doc["famous"]
        for v in f.get("visit", [])
        if v["body"] == subject and v["kind"] in ("flyby", "orbit", "landing", "rover", "impact")
    ]
    first = min(arrivals)[1]
    return [o == first for o in options]


def _many_questions(ds: Dataset) -> list[quiz.Question]:
    return [q for seed in SEEDS for q in quiz.build_quiz(ds, PER_QUIZ, seed)]


@pytest.mark.acceptance
def test_a_thousand_questions_each_have_exactly_one_right_option(ds: Dataset) -> None:
    questions = _many_questions(ds)
    assert len(questions) >= 1000
    days = days_by_text(ds)
    for q in questions:
        assert len(q.options) == 4, q
        assert len(set(q.options)) == 4, q
        assert correct_options(ds, days, q) == [q.answer_index], q
        assert q.answer == q.options[q.answer_index]
        assert q.kind == q.id.split(":")[0] and quiz.KIND_CATEGORY[q.kind] == q.category
        assert q.difficulty in quiz.DIFFICULTIES
        assert q.lookup.startswith("spacefacts ") and q.source
        assert "\n" not in q.explanation and q.explanation
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == set(quiz.KIND_CATEGORY), kinds
    assert min(kinds.values()) >= 50, kinds


def test_lookups_name_the_record_asked_about(ds: Dataset) -> None:
    for q in quiz.build_quiz(ds, 40, 3):
        kind, subject = q.id.split(":", 1)
        if kind in ("who-flew", "year", "vehicle", "site", "true-statement", "false-statement"):
            assert q.lookup == f"spacefacts mission {subject}"
        elif kind == "country":
            assert q.lookup == f"spacefacts person {subject}"
        elif kind == "launch-count":
            assert q.lookup == f"spacefacts launches {subject}"


def test_distractors_are_of_the_same_era_and_kind(ds: Dataset) -> None:
    apollo_flyers = {s.person for m in ds.missions if m.family == "Apollo" for s in m.crew}
    apollo_names = {ds.person_by_id[p].name for p in apollo_flyers}
    bank = quiz.bank(ds)
    for seed in range(20):
        crew = quiz.generate(bank, quiz.Spec("who-flew", "apollo-13", "easy"), random.Random(seed))
        assert crew is not None
        assert set(crew.options) <= apollo_names, crew.options
        year = quiz.generate(bank, quiz.Spec("year", "apollo-13", "easy"), random.Random(seed))
        assert year is not None and all(abs(int(o) - 1970) <= 6 for o in year.options)
        count = quiz.generate(bank, quiz.Spec("launch-count", "1969", "hard"), random.Random(seed))
        assert count is not None and all(0.5 < int(o) / 125 < 1.5 for o in count.options)


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another(ds: Dataset) -> None:
    first = quiz.build_quiz(ds, 10, 7)
    assert quiz.build_quiz(ds, 10, 7) == first
    assert [q.id for q in quiz.build_quiz(ds, 10, 8)] != [q.id for q in first]
    daily = quiz.plan(None, True, None, 10, None, None, today=date(2026, 3, 1)).seed
    assert quiz.build_quiz(ds, 5, daily) == quiz.build_quiz(ds, 5, "daily-2026-03-01")
    assert quiz.build_quiz(ds, 5, daily) != quiz.build_quiz(ds, 5, "daily-2026-03-02")


def test_filters_hold_and_an_empty_selection_is_not_found(ds: Dataset) -> None:
    for q in quiz.build_quiz(ds, 15, 1, category="crew", difficulty="hard"):
        assert q.category == "crew" and q.difficulty == "hard"
    assert {q.kind for q in quiz.build_quiz(ds, 5, 1, category="launch-count")} == {"launch-count"}
    code, _, err = run(
        "--category", "launch-count", "--difficulty", "easy", "-n", "5", "--json", "--seed", "1"
    )
    assert code == 0
    code, _, err = run("--category", "nonsense")
    assert code == 2 and err.count("\n") == 1 and "no category 'nonsense'" in err


@pytest.mark.parametrize("text,index", [("1", 0), ("4", 3), (" b ", 1), ("C)", 2), ("d.", 3)])
def test_answers_by_number_or_letter(text: str, index: int) -> None:
    assert quiz.parse_answer(text) == index


@pytest.mark.parametrize("text", ["", "0", "5", "e", "ab", "one", "-1"])
def test_other_answers_are_refused(text: str) -> None:
    assert quiz.parse_answer(text) is None


# Memory -------------------------------------------------------------------------------------


def _history(warnings: list[str] | None = None) -> quiz.AnswerStore:
    return quiz.AnswerStore(quiz.answers_path(), (warnings if warnings is not None else []).append)


def test_history_lives_in_spacefacts_home() -> None:
    assert quiz.answers_path() == Path(os.environ["SPACEFACTS_HOME"]) / "quiz-history.json"


def test_answered_questions_wait_until_the_pool_runs_out(ds: Dataset) -> None:
    history = _history()
    pool = {s.id for s in quiz.specs(quiz.bank(ds)) if s.kind == "launch-count" and s.difficulty == "easy"}
    assert len(pool) == 2 and "launch-count:1957" in pool  # 1957 and the busiest year
    first = quiz.build_quiz(ds, 1, 1, "launch-count", "easy", history.load())
    history.record(first[0].id, True)
    second = quiz.build_quiz(ds, 1, 2, "launch-count", "easy", history.load())
    assert {first[0].id, second[0].id} == pool
    history.record(second[0].id, True)
    third = quiz.build_quiz(ds, 1, 3, "launch-count", "easy", history.load())
    assert third[0].id == first[0].id  # the pool ran out: the longest-ago answer comes back


def test_missed_questions_come_back_in_a_later_quiz(ds: Dataset) -> None:
    history = _history()
    missed = quiz.build_quiz(ds, 3, 11, seen=history.load())[1]
    history.record(missed.id, False)
    for seed in range(5):
        assert missed.id in [q.id for q in quiz.build_quiz(ds, 3, 100 + seed, seen=history.load())]
    history.record(missed.id, True)
    assert missed.id not in [q.id for q in quiz.build_quiz(ds, 10, 200, seen=history.load())]
    entry = history.load()[missed.id]
    assert (entry.right, entry.wrong, entry.last_correct) == (1, 1, True)


def test_a_corrupt_history_is_set_aside_with_one_warning() -> None:
    path = quiz.answers_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    warnings: list[str] = []
    history = _history(warnings)
    assert history.load() == {}
    assert len(warnings) == 1 and "unreadable" in warnings[0]
    aside = list(path.parent.glob("quiz-history.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"
    history.record("year:apollo-11", True)
    assert list(history.load()) == ["year:apollo-11"]


# Playing through the CLI --------------------------------------------------------------------


def _answers(ds: Dataset, seed: int, count: int, right: list[bool]) -> str:
    """Lines that answer the quiz for `seed` right or wrong, as asked."""
    lines = []
    for q, ok in zip(quiz.build_quiz(ds, count, seed), right, strict=True):
        lines.append(str(q.answer_index + 1 if ok else (q.answer_index + 1) % 4 + 1))
    return "\n".join(lines) + "\n"


def test_piped_play_scores_explains_and_remembers(ds: Dataset) -> None:
    asked = quiz.build_quiz(ds, 3, 7)
    wrong = "abcd"[(asked[1].answer_index + 1) % 4]  # a letter, and the wrong one
    lines = _answers(ds, 7, 3, [True, True, True]).split("\n")
    code, out, err = run("--seed", "7", "-n", "3", input=f"{lines[0]}\nzz\n{wrong}\n{lines[2]}\n")
    assert code == 0, err
    assert out.count("Please answer with a number") == 1
    assert "Wrong." in out and asked[1].explanation in out and asked[1].lookup in out
    assert "Final score: 2 of 3 right (67%), best streak 1" in out
    assert "Play this quiz again: spacefacts quiz --seed 7 --questions 3" in out
    saved = _history().load()
    assert set(saved) == {q.id for q in asked}
    assert saved[asked[1].id].last_correct is False


def test_end_of_input_stops_with_the_summary_and_exit_0(ds: Dataset) -> None:
    code, out, _ = run("--seed", "7", input=_answers(ds, 7, 2, [True, False]))
    assert code == 0
    assert "Quiz stopped after 2 of 10 questions." in out
    assert "Final score: 1 of 2 right (50%)" in out


def test_ctrl_c_prints_the_summary_and_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    code, out, _ = run("--seed", "7", "--no-history")
    assert code == 130
    assert "Final score: 0 of 0 right" in out


def test_no_history_writes_nothing_and_reset_forgets(ds: Dataset) -> None:
    answers = _answers(ds, 5, 2, [True, True])
    assert run("--seed", "5", "-n", "2", "--no-history", input=answers)[0] == 0
    assert not quiz.answers_path().exists()
    assert run("--seed", "5", "-n", "2", input=answers)[0] == 0
    assert quiz.answers_path().exists()
    code, _, err = run("--reset")
    assert code == 0 and "cleared" in err
    assert not quiz.answers_path().exists()


def test_cli_sets_a_corrupt_history_aside_and_plays_on(ds: Dataset) -> None:
    path = quiz.answers_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"questions": {"year:apollo-11": "oops"}}')
    code, out, err = run("-n", "1", input="1\n")
    assert code == 0
    assert err.count("\n") == 1 and "unreadable" in err
    assert "Final score" in out
    assert len(_history().load()) == 1


def test_json_for_trivia_hosts(ds: Dataset) -> None:
    code, out, _ = run("--json", "--questions", "20", "--seed", "7")
    assert code == 0
    doc: dict[str, Any] = json.loads(out)  # nothing but JSON: no prompts
    assert doc["seed"] == 7 and doc["count"] == 20 and "difficulty_rule" in doc
    keys = {
        "id",
        "kind",
        "category",
        "difficulty",
        "difficulty_points",
        "difficulty_reasons",
        "prompt",
        "options",
        "answer_index",
        "answer",
    }
    keys |= {"explanation", "lookup", "source"}
    for q in doc["questions"]:
        assert set(q) == keys
        assert q["options"][q["answer_index"]] == q["answer"]
    assert [q["id"] for q in doc["questions"]] == [q.id for q in quiz.build_quiz(ds, 20, 7)]
    assert json.loads(run("--json", "--questions", "20", "--seed", "7")[1]) == doc
    assert not quiz.answers_path().exists()


def test_daily_is_the_same_for_everyone_on_a_date() -> None:
    one = json.loads(run("--daily", "--date", "2026-05-01", "--json", "-n", "5")[1])
    two = json.loads(run("--daily", "--date", "2026-05-01", "--json", "-n", "5")[1])
    other = json.loads(run("--daily", "--date", "2026-05-02", "--json", "-n", "5")[1])
    assert one == two and one["seed"] == "daily-2026-05-01"
    assert one["questions"] != other["questions"]


@pytest.mark.parametrize(
    "args,message",
    [
        (("-n", "0"), "--questions"),
        (("--questions", "-3"), "--questions"),
        (("--difficulty", "brutal"), "no difficulty 'brutal'"),
        (("--date", "2026-13-01"), "--date wants YYYY-MM-DD"),
        (("--seed", "1", "--daily"), "either --seed or --daily"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert out == ""


# Two quizzes at once ------------------------------------------------------------------------


def _expected(ds: Dataset, seed: int, count: int) -> Counter[tuple[str, bool]]:
    # Every answer is "1": right exactly when the first option is the answer.
    return Counter((q.id, q.answer_index == 0) for q in quiz.build_quiz(ds, count, seed))


@pytest.mark.acceptance
def test_two_quizzes_writing_history_at_once_lose_nothing(ds: Dataset) -> None:
    command = [sys.executable, "-m", "spacefacts", "quiz", "--questions", "12", "--seed"]
    players = [
        subprocess.Popen([*command, str(seed)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        for seed in (21, 22)
    ]
    for player in players:
        assert player.stdin is not None
        player.stdin.write("1\n" * 12)
        player.stdin.close()
    assert [player.wait(timeout=60) for player in players] == [0, 0]
    expected = _expected(ds, 21, 12) + _expected(ds, 22, 12)
    saved = _history().load()
    assert set(saved) == {qid for qid, _ in expected}
    for qid, entry in saved.items():
        assert entry.right == expected[(qid, True)]
        assert entry.wrong == expected[(qid, False)]


@pytest.mark.acceptance
def test_concurrent_writers_hammering_the_history_lose_nothing(tmp_path: Path) -> None:
    writer = textwrap.dedent(
        """
        import sys
        from spacefacts import quiz
        history = quiz.AnswerStore(quiz.answers_path(), print)
        for i in range(150):
            history.record(f"stress:{sys.argv[1]}:{i}", i % 3 == 0)
            history.record("stress:shared", True)
        """
    )
    writers = [subprocess.Popen([sys.executable, "-c", writer, name]) for name in ("a", "b", "c")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    saved = _history().load()
    assert len(saved) == 3 * 150 + 1
    assert saved["stress:shared"].right == 3 * 150
    assert sum(e.right for k, e in saved.items() if k != "stress:shared") == 3 * 50
