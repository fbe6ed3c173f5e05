"""Search by words: whole words or word starts, ranked, and ids never cut at 80 columns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts.dataset import Dataset
from spacefacts.search import search


def _titles(ds: Dataset, text: str, limit: int = 200) -> list[str]:
    return [h.title for h in search(ds, text, limit)]


def test_a_word_matches_words_and_word_starts_never_the_inside_of_a_word(ds: Dataset) -> None:
    mir = _titles(ds, "Mir")
    assert {"Mir", "Mir EO-1 (Mir)"} <= set(mir) and not any("Vladimir" in t for t in mir)
    from spacefacts import payloads, stations

    entries = [*ds.search_index, *stations.search_entries(ds), *payloads.search_entries(ds)]
    names = {key: folded for _, key, _, _, _, folded in entries}
    for hit in search(ds, "Mir", 200):  # a word of one of its names starts with "mir"
        assert any(w.startswith("mir") for name in names[hit.id] for w in name.split()), hit
    unity = _titles(ds, "Unity")
    assert any(t.startswith("VMS Unity") for t in unity) and not any("Opportunity" in t for t in unity)
    assert any(t.startswith("Georgi Dobrovol") for t in _titles(ds, "dobrovolskiy"))  # a source spelling
    assert "Soyuz MS-11" in _titles(ds, "ms11")


@pytest.mark.parametrize(
    "text,first",
    [("apollo 13", "Apollo 13"), ("soyuz ms-11", "Soyuz MS-11"), ("kononenko", "Oleg Kononenko")],
)
def test_the_whole_name_ranks_first(ds: Dataset, text: str, first: str) -> None:
    hits = search(ds, text)
    assert hits[0].title == first
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_installed_script_never_cuts_an_id_at_80_columns(ds: Dataset) -> None:
    script = Path(sys.executable).with_name("spacefacts")
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    out = subprocess.run(
        [script, "search", "mir"], capture_output=True, text=True, env=env, check=True
    ).stdout
    for hit in search(ds, "mir"):
        assert f" {hit.id} " in out, hit.id
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= 80
