"""Loading: the model built from the TOML files, and clean errors for broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spacefacts import dataset
from spacefacts.dataset import _valid_iso
from spacefacts.errors import DataError

ROOT = Path(__file__).resolve().parents[1]


def test_the_whole_dataset_loads(ds: dataset.Dataset) -> None:
    assert len(ds.launches) > 7000
    assert len(ds.missions) == 425
    assert len(ds.people) == 786
    assert ds.mission_by_id["soyuz-ms-11"].launch.iso == "2018-12-03T11:31:52Z"
    assert ds.launch_by_tag["2018-098"].site == "GIK-5"


def test_launches_by_year_is_in_launch_order(ds: dataset.Dataset) -> None:
    for launches in ds.launches_by_year.values():
        starts = [launch.date.start for launch in launches]
        assert starts == sorted(starts)


def test_folding_ignores_case_accents_and_hyphens() -> None:
    assert dataset.fold("Saint-Jacques") == dataset.fold("saint jacques") == "saint jacques"
    assert dataset.fold("Jérôme") == "jerome"


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def test_wrong_type_names_file_record_and_field(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    text = (copy / "missions.toml").read_text()
    (copy / "missions.toml").write_text(text.replace('name = "Soyuz MS-11"', "name = 11", 1))
    with pytest.raises(
        DataError, match=r"missions.toml: record soyuz-ms-11: field 'name': expected str, got int"
    ):
        dataset.load(copy).missions  # noqa: B018


def test_bad_launch_date_names_the_launch(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    text = (copy / "launches.toml").read_text()
    (copy / "launches.toml").write_text(
        text.replace('["2018-098", "2018-12-03', '["2018-098", "2018-02-30', 1)
    )
    with pytest.raises(DataError, match=r"launches.toml: record 2018-098: field 'date'"):
        dataset.load(copy).launches  # noqa: B018


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="file not found"):
        dataset.load(tmp_path).missions  # noqa: B018


@given(st.datetimes())
def test_valid_iso_accepts_every_real_instant(moment) -> None:  # type: ignore[no-untyped-def]
    text = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if moment.year >= 1000:
        assert _valid_iso(text)
        assert _valid_iso(text[:10])


@given(st.text(max_size=25))
def test_valid_iso_never_crashes_and_agrees_with_datetime(text: str) -> None:
    from datetime import datetime

    if _valid_iso(text) and len(text) >= 10:
        datetime.fromisoformat(text[:10])  # must not raise


def test_month_day_index_holds_each_dated_record_on_its_day(ds: dataset.Dataset) -> None:
    day = ds.by_month_day["12-03"]
    assert ds.mission_by_id["soyuz-ms-11"] in day
    assert ds.launch_by_tag["2018-098"] in day
    assert all(
        (r.date if hasattr(r, "date") else r.launch).iso[5:10] == "12-03"  # type: ignore[union-attr]
        for r in day
    )
    total = sum(len(v) for v in ds.by_month_day.values())
    dated = [r for r in (*ds.events, *ds.launches) if len(r.date.iso) >= 10]
    dated += [m for m in ds.missions if len(m.launch.iso) >= 10]
    assert total == len(dated)
