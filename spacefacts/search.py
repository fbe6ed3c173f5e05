"""Search over every name: missions, people, events, launches, stations, expeditions, payloads."""

from __future__ import annotations

from dataclasses import dataclass

from spacefacts.dataset import Dataset
from spacefacts.errors import UsageError
from spacefacts.text import fold


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, its id, title, detail and rank."""

    kind: str  # mission, person, event, launch, station, expedition, payload
    id: str
    title: str
    detail: str
    score: int


def search(ds: Dataset, text: str, limit: int = 20) -> list[Hit]:
    """Missions, people, events, launch payloads, stations and expeditions whose names hold every
    word of `text`, as a word or the start of one ("Mir" finds Mir, Mir-2 and Mir EO-1, not Vladimir).

    Ranking: the whole name; a name that starts with the words; every word whole; every word as
    the start of a word. Within a rank, missions and people before events and launches, then
    oldest first. Punctuation inside names is ignored ("dobrovolskiy" finds Dobrovol'skiy).
    """
    words = fold(text).split()
    if not words:
        raise UsageError("search needs at least one letter or digit")
    phrase = " ".join(words)
    hits: list[Hit] = []
    from spacefacts import payloads
    from spacefacts.stations import search_entries

    # Only the entries whose names hold the first word can rank (Dataset.search_candidates).
    for kind, key, title, detail, bonus, folded in [
        *ds.search_candidates(words[0]),
        *search_entries(ds),
        *payloads.search_candidates(ds, words),
    ]:
        best = max((_word_score(words, phrase, name) for name in folded), default=0)
        if best:
            hits.append(Hit(kind, key, title, detail, best * 10 + bonus))
    hits.sort(key=lambda h: (-h.score, h.detail if h.kind != "person" else "", h.id))
    return hits[:limit]


def _word_score(words: list[str], phrase: str, name: str) -> int:
    """4 the whole name, 3 the name starts with the words, 2 every word whole, 1 every word as the
    start of a word (or of the words after it run together), 0 no match."""
    if name == phrase:
        return 4
    if name.startswith(phrase + " "):
        return 3
    tokens = name.split()
    if all(w in tokens for w in words):
        return 2
    runs = ["".join(tokens[i:]) for i in range(len(tokens))]
    return 1 if all(any(run.startswith(w) for run in runs) for w in words) else 0
