"""Question kinds about dates: which of four happenings came first, and what happened on a day.
Each generator returns `Made` (spacefacts.quiz.questions).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from spacefacts.quiz.questions import OPTIONS, Made

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

KINDS = {"first": "history", "on-date": "history"}


def first(bank: Bank, subject: str, rng: random.Random) -> Made:
    anchor = bank.happening(subject)
    later = rng.sample(bank.later(anchor), OPTIONS - 1)
    later.sort(key=lambda h: h.day)
    then = "; then ".join(f"{h.text} ({h.day})" for h in later)
    explanation = f"First: {anchor.text} ({anchor.day}); then {then}."
    return (
        "Which of these happened first?",
        anchor.text,
        [h.text for h in later],
        explanation,
        anchor.lookup,
        anchor.source,
    )


def on_date(bank: Bank, subject: str, rng: random.Random) -> Made:
    anchor = bank.happening(subject)
    others = rng.sample(bank.around(anchor), OPTIONS - 1)
    listed = "; ".join(f"{h.text} ({h.day})" for h in sorted(others, key=lambda h: h.day))
    explanation = f"On {anchor.day}: {anchor.text}. The others: {listed}."
    prompt = f"What happened on {anchor.day.day} {anchor.day:%B %Y} (UTC)?"
    return prompt, anchor.text, [h.text for h in others], explanation, anchor.lookup, anchor.source
