"""The quiz in a real terminal (a pseudo-terminal through pexpect): typed answers, Ctrl-C."""

from __future__ import annotations

import os
import signal
import sys

import pexpect
import pytest

from spacefacts import quiz
from spacefacts.dataset import Dataset

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")

TIMEOUT = 30


def _spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "spacefacts", "quiz", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, 250),
        # Ctrl-C's default action, whatever this test run inherited: a run started in the
        # background of a non-interactive shell has SIGINT ignored, and so would the child.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_three_questions_one_wrong_shows_score_and_explanation(ds: Dataset) -> None:
    asked = quiz.build_quiz(ds, 3, 7)
    child = _spawn("--questions", "3", "--seed", "7", "--no-history")
    for number, question in enumerate(asked, start=1):
        child.expect_exact(f"Question {number} of 3")
        child.expect_exact(question.prompt)
        child.expect_exact("Answer (1-4 or a-d): ")
        if number == 2:
            child.sendline("abcd"[(question.answer_index + 1) % 4])  # wrong, and by letter
            child.expect_exact("Wrong.")
            child.expect_exact(question.answer)
            child.expect_exact(question.explanation)
            child.expect_exact(question.lookup)
        else:
            child.sendline(str(question.answer_index + 1))
            child.expect_exact("Right!")
    child.expect_exact("Final score: 2 of 3 right (67%)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_shows_the_summary_and_exits_130(ds: Dataset) -> None:
    first = quiz.build_quiz(ds, 1, 9)[0]
    child = _spawn("--seed", "9", "--no-history")
    child.expect_exact("Answer (1-4 or a-d): ")
    child.sendline("9")  # not an option: asked again
    child.expect_exact("Please answer with a number from 1 to 4")
    child.sendline(str(first.answer_index + 1))
    child.expect_exact("Right!")
    child.expect_exact("Question 2 of 10")
    child.expect_exact("Answer (1-4 or a-d): ")
    child.sendintr()
    child.expect_exact("Quiz stopped after 1 of 10 questions.")
    child.expect_exact("Final score: 1 of 1 right (100%)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
