"""tests/fixtures/small-data, the small dataset for tests where the real data is not the point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spacefacts import schema, validate
from spacefacts.dataset import Dataset
from tests.conftest import SMALL_DATA
from tests.fixtures.make_small_data import cut


def test_the_small_dataset_loads_and_validates() -> None:
    ds = Dataset(SMALL_DATA).load_all()
    assert (len(ds.missions), len(ds.launches)) == (12, 50)
    assert 12 <= len(ds.people) <= 50 and ds.events
    assert validate.check(ds) == [] and schema.unknown_names(SMALL_DATA) == []
    flown = {seat.person for m in ds.missions for seat in m.crew}
    assert {p.id for p in ds.people} == flown  # the crews of the dozen flights, no one else


def test_commands_read_the_small_dataset_under_the_fixture(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from spacefacts import entry

    with pytest.raises(SystemExit) as done:
        entry.main(["data", "info", "--json"])
    assert done.value.code == 0
    info = json.loads(capsys.readouterr().out)
    assert info["directory"] == str(small_data)
    assert {f["file"]: f["records"] for f in info["files"]}["missions.toml"] == 12


@pytest.mark.acceptance
def test_the_small_dataset_is_cut_from_the_current_data() -> None:
    """After data/ changes: python tests/fixtures/make_small_data.py."""
    for name, text in cut().items():
        assert (SMALL_DATA / name).read_text(encoding="utf-8") == text, name
