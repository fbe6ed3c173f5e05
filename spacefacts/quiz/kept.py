"""The question bank's costly indexes and every askable question, kept beside the dataset cache.

Building them takes a pass over every launch and person and the renown of every record (the
records command's work): about four times what a quiz of ten questions then costs. So they are
kept as the dataset's other derived data are (spacefacts.cache.derived): in the user's cache
folder, under the dataset cache's key, which covers the data files and every module of the
installed package, so data or code that changed never meet an old entry. Nothing kept depends on
today's date: renown counts records as held at the end of the data, not today.

What is kept is exactly what the code computes, as plain data (Bank.kept_state, Pools.kept_state,
the specs as rows); anything not kept is computed when first asked for. A quiz drawn from the
kept bank is the quiz drawn from a fresh one (tests/test_quiz_kept.py).
"""

from __future__ import annotations

import weakref
from typing import Any

from spacefacts.dataset import Dataset
from spacefacts.quiz.bank import Bank
from spacefacts.quiz.difficulty import Renown
from spacefacts.quiz.kinds import Spec, specs

NAME = "quiz"  # the entry's name in the cache folder: quiz.cache

Kept = tuple[Bank, list[Spec]]
_KEPT: weakref.WeakKeyDictionary[Dataset, Kept] = weakref.WeakKeyDictionary()


def bank_and_specs(ds: Dataset) -> Kept:
    """The bank and every question that can be asked of it, in specs' order: from the cache when
    it holds them for this data and code, else built (and kept for next time)."""
    from spacefacts import cache

    return cache.derived(
        ds, NAME, lambda: _build(ds), _encode, lambda payload: _decode(ds, payload), kept=_KEPT
    )


def _build(ds: Dataset) -> Kept:
    b = Bank(ds)
    return b, specs(b)


def _encode(found: Kept) -> dict[str, Any]:
    """The bank's kept indexes; the specs as rows (kind, subject, difficulty, renown), each
    renown once in a table of (points, reasons) (a mission's kinds share its renown)."""
    b, asked = found
    renowns: dict[Renown, int] = {}
    rows = [(s.kind, s.subject, s.difficulty, renowns.setdefault(s.renown, len(renowns))) for s in asked]
    return {
        "bank": b.kept_state(),
        "renowns": [(r.points, r.reasons) for r in renowns],
        "specs": rows,
    }


def _decode(ds: Dataset, payload: Any) -> Kept:
    renowns = [Renown(points, tuple(reasons)) for points, reasons in payload["renowns"]]
    asked = [
        Spec(kind, subject, difficulty, renowns[renown])
        for kind, subject, difficulty, renown in payload["specs"]
    ]
    return Bank(ds, payload["bank"]), asked
