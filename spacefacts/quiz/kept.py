"""The question bank's costly indexes and every askable question, kept beside the dataset cache.

Building them takes a pass over every launch and person and the renown of every record (the
records command's work): about four times what a quiz of ten questions then costs. So they are
kept as the dataset's other derived data are (spacefacts.cache.derived): in the user's cache
folder, under the dataset cache's key, which covers the data files and every module of the
installed package, so data or code that changed never meet an old entry. Nothing kept depends on
today's date: renown counts records as held at the end of the data, not today.

What is kept is exactly what the code computes, as plain data: the specs as columns, and
Bank.kept_state (the bank's indexes, the pools', each kind's Bank.index), each index a marshal
blob of its own that is decoded when a question first asks for it; anything not kept is computed
when first asked for. A quiz drawn from the kept bank is the quiz drawn from a fresh one
(tests/test_quiz_kept.py).
"""

from __future__ import annotations

import marshal
from functools import lru_cache
from typing import Any

from spacefacts.dataset import Dataset
from spacefacts.quiz.bank import Bank, bank
from spacefacts.quiz.difficulty import Renown
from spacefacts.quiz.kinds import Spec, specs
from spacefacts.stored import LazyMap

NAME = "quiz"  # the entry's name in the cache folder: quiz.cache

Kept = tuple[Bank, list[Spec]]


@lru_cache(maxsize=4)  # as spacefacts.quiz.bank: a bank refers to its dataset, so no weak keys
def bank_and_specs(ds: Dataset) -> Kept:
    """The bank and every question that can be asked of it, in specs' order: from the cache when
    it holds them for this data and code, else built (and kept for next time)."""
    from spacefacts import cache

    return cache.derived(ds, NAME, lambda: _build(ds), _encode, lambda payload: _decode(ds, payload))


def _build(ds: Dataset) -> Kept:
    b = bank(ds)  # the one spacefacts.quiz.bank(ds) gives too, so both build it once
    return b, specs(b)


def _encode(found: Kept) -> dict[str, Any]:
    """Each index as a marshal blob of its own, decoded only when a question asks for it; the
    specs as columns (kinds, subjects, difficulties, renowns: made into specs by one map), each
    renown once in a table of (points, reasons) (a mission's kinds share its renown)."""
    b, asked = found
    state = b.kept_state()
    renowns: dict[Renown, int] = {}
    which = [renowns.setdefault(s.renown, len(renowns)) for s in asked]
    columns = ([s.kind for s in asked], [s.subject for s in asked], [s.difficulty for s in asked], which)
    return {
        "bank": {name: marshal.dumps(state[name]) for name in Bank.KEPT},
        "pools": {name: marshal.dumps(value) for name, value in state["pools"].items()},
        "kinds": {name: marshal.dumps(value) for name, value in state["kinds"].items()},
        "specs": marshal.dumps(([(r.points, r.reasons) for r in renowns], columns)),
    }


def _decode(ds: Dataset, payload: Any) -> Kept:
    table, (kinds, subjects, difficulties, which) = marshal.loads(payload["specs"])
    renowns = [Renown(points, tuple(reasons)) for points, reasons in table]
    asked = list(map(Spec, kinds, subjects, difficulties, map(renowns.__getitem__, which)))
    state = LazyMap({**payload["bank"], "pools": payload["pools"], "kinds": payload["kinds"]}, _lazy)
    return Bank(ds, state), asked


def _lazy(kept: Any) -> Any:
    """A blob decoded, or a mapping of blobs (pools, kinds) whose blobs are decoded when asked for."""
    return marshal.loads(kept) if isinstance(kept, bytes) else LazyMap(kept, marshal.loads)
