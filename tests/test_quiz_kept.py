"""The question bank kept in the derived-data cache (spacefacts.quiz.kept): a quiz drawn from the
kept bank is the quiz drawn from a bank built afresh, and the kept indexes round-trip exactly."""

from __future__ import annotations

import marshal
import random
from pathlib import Path

import pytest

from spacefacts import cache, dataset, quiz
from spacefacts.quiz import kept, kinds
from spacefacts.quiz.bank import Bank
from tests.shared_data import builtin_dataset


@pytest.fixture(scope="module")
def restored(tmp_path_factory: pytest.TempPathFactory) -> kept.Kept:
    """The bank and specs as a later run gets them: decoded from quiz.cache, never rebuilt."""
    folder: Path = tmp_path_factory.mktemp("quiz-cache")
    first = cache.load(dataset.Dataset(use_imported=False), folder)
    kept.bank_and_specs(first)  # builds and writes quiz.cache
    assert (folder / f"{kept.NAME}.cache").is_file()
    later = cache.load(dataset.Dataset(use_imported=False), folder)
    with pytest.MonkeyPatch.context() as mp:

        def no_build(ds: dataset.Dataset) -> kept.Kept:
            raise AssertionError("the kept bank was built again, not read from the cache")

        mp.setattr(kept, "_build", no_build)
        return kept.bank_and_specs(later)


def fresh() -> tuple[Bank, list[kinds.Spec]]:
    b = quiz.bank(builtin_dataset())
    return b, kinds.specs(b)


def test_the_kept_specs_are_every_spec_in_the_same_order(restored: kept.Kept) -> None:
    _, asked = restored
    _, expected = fresh()
    assert len(asked) > 1000
    assert asked == expected


def test_questions_from_the_kept_bank_are_those_of_a_fresh_bank(restored: kept.Kept) -> None:
    kept_bank, asked = restored
    fresh_bank, _ = fresh()
    by_kind: dict[str, list[kinds.Spec]] = {}
    for spec in asked:
        by_kind.setdefault(spec.kind, []).append(spec)
    assert set(by_kind) == set(kinds.KIND_CATEGORY)
    sample = [s for group in by_kind.values() for s in group[:12]] + asked[::40]
    for spec in sample:
        expected = kinds.generate(fresh_bank, spec, random.Random(spec.id))
        assert kinds.generate(kept_bank, spec, random.Random(spec.id)) == expected, spec.id


def test_the_kept_indexes_round_trip_exactly(restored: kept.Kept) -> None:
    kept_bank, _ = restored
    fresh_bank, _ = fresh()
    state = fresh_bank.kept_state()
    assert marshal.loads(marshal.dumps(state)) == state
    assert kept_bank.kept_state() == state
    assert Bank(fresh_bank.ds, state).kept_state() == state
    for name in Bank.KEPT:
        assert getattr(kept_bank, name) == getattr(fresh_bank, name), name
    for name in kept_bank.pools.KEPT:
        assert getattr(kept_bank.pools, name) == getattr(fresh_bank.pools, name), name


def test_build_quiz_reads_the_kept_bank(tmp_path: Path) -> None:
    """Seeded quizzes, filtered or not, from a dataset with a cache folder equal those without one."""
    with_cache = cache.load(dataset.Dataset(use_imported=False), tmp_path)
    plain = builtin_dataset()
    assert plain.cache is None
    for seed, category, difficulty in [
        (1, None, None),
        (2, "history", None),
        (3, None, "easy"),
        (4, "crew", "hard"),
    ]:
        expected = quiz.build_quiz(plain, 10, seed, category, difficulty)
        assert quiz.build_quiz(with_cache, 10, seed, category, difficulty) == expected
    assert (tmp_path / f"{kept.NAME}.cache").is_file()


def test_a_quiz_after_the_data_changed_asks_about_the_new_data(tmp_path: Path) -> None:
    """quiz.cache is kept under the dataset cache's key: edited data never meets the old entry."""
    import shutil

    from tests.conftest import SMALL_DATA

    data, folder = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(SMALL_DATA, data)

    def asked() -> list[str]:
        ds = cache.load(dataset.Dataset(data, use_imported=False), folder)
        b, every = kept.bank_and_specs(ds)
        spec = next(s for s in every if s.id == "year:vostok-1")
        question = kinds.generate(b, spec, random.Random(1))
        assert question is not None
        # The happenings' texts are kept in quiz.cache (the prompt's name comes from the records).
        launched = [h.text for h in b.happenings if h.key == "vostok-1"]
        return [question.prompt, *launched, *(s.subject for s in every if s.kind == "year")]

    before = asked()
    assert before[:2] == ["In what year did Vostok 1 launch?", "Vostok 1 launches"]
    assert asked() == before  # now from quiz.cache
    missions = data / "missions.toml"
    missions.write_text(missions.read_text().replace('name = "Vostok 1"', 'name = "Vostok One"', 1))
    after = asked()
    assert after[:2] == ["In what year did Vostok One launch?", "Vostok One launches"]
    assert after[2:] == before[2:]
