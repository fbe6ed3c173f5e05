"""The answer store: answers kept across sessions in the user's data folder, one entry per question
(how often right and wrong, when last answered), written atomically under a lock, and the answer log
beside it (quiz-games.jsonl, one line per answer; spacefacts.quiz.stats reads scores from it). The one
piece of I/O in the quiz. The file keeps its first name, quiz-history.json, so existing stores stay readable.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacefacts.errors import SpacefactsError

if TYPE_CHECKING:
    from spacefacts.quiz.questions import Question

ANSWERS_FILE = "quiz-history.json"
LOG_FILE = "quiz-games.jsonl"
ANSWERS_VERSION = 1


def answers_path() -> Path:
    """`quiz-history.json` in the user's data folder ($SPACEFACTS_HOME, else platformdirs)."""
    from spacefacts.userdata import data_dir

    return data_dir() / ANSWERS_FILE


@dataclass(frozen=True)
class Answered:
    """How one question has gone for this player: right, wrong, and when."""

    right: int
    wrong: int
    last_answered: str  # ISO 8601 UTC with microseconds, so it sorts in time order
    last_correct: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "right": self.right,
            "wrong": self.wrong,
            "last_answered": self.last_answered,
            "last_correct": self.last_correct,
        }


class CorruptAnswers(ValueError):
    pass


# An answer store is a few hundred bytes per question; anything far bigger is not one.
MAX_ANSWERS_BYTES = 16 * 1024 * 1024
# A count beyond this is not a count of answers (1e400 reads as infinity, a 5000-digit number is refused).
MAX_COUNT = 10**9


class UnusableAnswers(OSError):
    """The answer store's path is not a regular file (a folder, a pipe, a device) or is far too big."""


def _checked_fd(fd: int, path: Path) -> int:
    """`fd` if it is a regular file of sane size; else closed, and UnusableAnswers raised."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ANSWERS_BYTES:
        os.close(fd)
        what = "not a regular file" if not stat.S_ISREG(info.st_mode) else "over 16 MB"
        raise UnusableAnswers(f"{path} is {what}")
    return fd


def read_regular(path: Path) -> bytes | None:
    """The bytes of a quiz file (answer store or answer log), None if there is none. Never blocks on a
    pipe, never reads a device or a folder, never more than MAX_ANSWERS_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UnusableAnswers(f"{path} is not a regular file") from None
    with os.fdopen(_checked_fd(fd, path), "rb") as fh:
        return fh.read(MAX_ANSWERS_BYTES + 1)


def append_regular(path: Path, text: str) -> None:
    """Append to a quiz file, refusing (never blocking on) a pipe, a device or a folder there."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except IsADirectoryError:
        raise UnusableAnswers(f"{path} is not a regular file") from None
    with os.fdopen(_checked_fd(fd, path), "a", encoding="utf-8") as fh:
        fh.write(text)


def _parse_answers(text: str) -> dict[str, Answered]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptAnswers(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except (ValueError, RecursionError):  # a number too long to convert, nesting too deep
        raise CorruptAnswers("not a quiz history") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("questions"), dict):
        raise CorruptAnswers("no 'questions' table")
    found = {}
    for qid, entry in doc["questions"].items():
        try:
            right, wrong = entry["right"], entry["wrong"]
            if not all(type(n) is int and 0 <= n <= MAX_COUNT for n in (right, wrong)):
                raise ValueError("not a count")
            found[qid] = Answered(right, wrong, str(entry["last_answered"]), bool(entry["last_correct"]))
        except (TypeError, KeyError, ValueError):
            raise CorruptAnswers(f"bad entry for '{qid[:40]}'") from None
    return found


class AnswerStore:
    """Answers kept across sessions, safe for two quizzes writing at once.

    Every write takes an exclusive lock on a side file, re-reads the store, adds this one answer
    and replaces the file atomically (a temporary file in the same folder, then os.replace), so a
    concurrent writer's answers are merged, never overwritten, and a crash never leaves half a file.
    """

    def __init__(self, path: Path, warn: Callable[[str], None]):
        self.path = path
        self.warn = warn
        self.usable = True  # False once the store could not be read or written: no more tries

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)  # a pipe there must not hang us
        with os.fdopen(os.open(lock_path, flags, 0o600), "a") as lock:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            yield  # the lock goes with the file's close

    def _read_text(self) -> str | None:
        """The file's text, None if there is none; never blocks on a pipe or reads a device."""
        data = read_regular(self.path)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return ""

    def _read(self) -> dict[str, Answered]:
        text = self._read_text()
        if text is None:
            return {}
        try:
            return _parse_answers(text)
        except CorruptAnswers as exc:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            os.replace(self.path, aside)
            self.warn(
                f"quiz history {self.path} is unreadable ({exc}); moved to {aside.name}, starting afresh"
            )
            return {}

    def _unusable(self, exc: OSError) -> None:
        self.usable = False
        reason = str(exc) if isinstance(exc, UnusableAnswers) else (exc.strerror or str(exc))
        self.warn(f"quiz history {self.path} cannot be used ({reason}); this quiz is not remembered")

    def load(self) -> dict[str, Answered]:
        """The answers so far; empty, with one warning, when the store cannot be used."""
        try:
            with self._locked():
                return self._read()
        except OSError as exc:
            self._unusable(exc)
            return {}

    def record(
        self, question_id: str, correct: bool, game: str | None = None, asked: Question | None = None
    ) -> None:
        """Count one answer; with `game`, also log it for past scores (spacefacts/quiz/stats.py).
        After one warning, nothing more when the store cannot be used."""
        if not self.usable:
            return
        try:
            self._record(question_id, correct, game, asked)
        except OSError as exc:
            self._unusable(exc)

    def _record(
        self, question_id: str, correct: bool, game: str | None = None, asked: Question | None = None
    ) -> None:
        with self._locked():
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            answers = self._read()
            before = answers.get(question_id, Answered(0, 0, now, correct))
            answers[question_id] = Answered(
                before.right + correct, before.wrong + (not correct), max(now, before.last_answered), correct
            )
            self._write(answers)
            if game is not None and asked is not None:
                append_regular(log_path(self.path), log_line(game, now, asked, correct) + "\n")

    def answers_and_log(self) -> tuple[dict[str, Answered], list[Logged], int]:
        """The answer store, the answer log, and how many log lines could not be read."""
        try:
            with self._locked():
                return (self._read(), *read_log(log_path(self.path)))
        except OSError as exc:
            reason = str(exc) if isinstance(exc, UnusableAnswers) else (exc.strerror or str(exc))
            raise SpacefactsError(f"cannot read the quiz history: {reason}") from None

    def _write(self, answers: dict[str, Answered]) -> None:
        from spacefacts.userdata import atomic_write_text

        doc = {"version": ANSWERS_VERSION, "questions": {k: v.to_json() for k, v in sorted(answers.items())}}
        atomic_write_text(self.path, json.dumps(doc, indent=1) + "\n")

    def reset(self) -> bool:
        """Forget every answer; True if there was anything to forget."""
        try:
            with self._locked():
                existed = self.path.exists() or log_path(self.path).exists()
                self.path.unlink(missing_ok=True)
                log_path(self.path).unlink(missing_ok=True)
                return existed
        except OSError as exc:
            raise SpacefactsError(
                f"cannot clear the quiz history {self.path}: {exc.strerror or exc}"
            ) from None


def log_path(answers_path: Path) -> Path:
    return answers_path.with_name(LOG_FILE)


def log_line(game: str, at: str, question: Question, correct: bool) -> str:
    row = {
        "game": game,
        "at": at,
        "question": question.id,
        "category": question.category,
        "correct": correct,
        "prompt": question.prompt,
        "answer": question.answer,
    }
    return json.dumps(row, ensure_ascii=False)


@dataclass(frozen=True)
class Logged:
    game: str
    at: str  # ISO 8601 UTC
    question: str
    category: str
    correct: bool
    prompt: str | None  # as asked (the same question may be worded with another right option later)
    answer: str | None


def read_log(path: Path) -> tuple[list[Logged], int]:
    """The logged answers in file order, and how many lines could not be read (skipped)."""
    data = read_regular(path)
    if data is None:
        return [], 0
    text = data.decode("utf-8", errors="replace")
    found: list[Logged] = []
    bad = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            found.append(
                Logged(
                    str(row["game"]),
                    str(row["at"]),
                    str(row["question"]),
                    str(row["category"]),
                    bool(row["correct"]),
                    _text(row.get("prompt")),
                    _text(row.get("answer")),
                )
            )
        except (ValueError, TypeError, KeyError):
            bad += 1
    return found, bad


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
