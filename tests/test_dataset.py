"""Loading: the model built from the TOML files, and clean errors for broken files."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from spacefacts import dataset
from spacefacts.dataset import _valid_iso
from spacefacts.errors import DataError
from spacefacts.model import Event, Launch, Mission
from spacefacts.text import fold

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
    assert fold("Saint-Jacques") == fold("saint jacques") == "saint jacques"
    assert fold("Jérôme") == "jerome"


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


# Years outside 1000-2999 are refused on purpose: date arithmetic there could overflow.
@given(st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(2999, 12, 31, 23, 59, 59)))
def test_valid_iso_accepts_every_real_instant(moment: datetime) -> None:
    event(f"year {moment.year // 500 * 500}s")
    text = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert _valid_iso(text)
    assert _valid_iso(text[:10])


_ISO_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d", 17: "%Y-%m-%dT%H:%MZ", 20: "%Y-%m-%dT%H:%M:%SZ"}


def _iso_oracle(text: str) -> bool:
    """An independent check: the fixed-width ISO shapes the data uses, parsed by datetime."""
    from datetime import datetime

    fmt = _ISO_FORMATS.get(len(text))
    if fmt is None or not text.isascii() or not "1000" <= text[:4] <= "2999":
        return False
    try:
        parsed = datetime.strptime(text, fmt)
    except ValueError:
        return False
    # strptime accepts unpadded fields ("2018-1-3"); the data's shape is zero-padded.
    return parsed.strftime(fmt).zfill(len(text)) == text


def _near_iso() -> st.SearchStrategy[str]:
    """Strings shaped like the data's dates: fields in range (so each shape is often valid, and
    days 29-31 test each month's length), fields out of range, other digits, arbitrary text."""
    field = st.integers
    years = field(1000, 2999) | st.sampled_from([0, 999, 3000, 9999])
    in_range = st.tuples(years, field(1, 12), field(1, 31), field(0, 23), field(0, 59), field(0, 59))
    wide = st.tuples(field(0, 9999), field(0, 13), field(0, 32), field(0, 25), field(0, 61), field(0, 61))

    def shape(p: tuple[int, int, int, int, int, int], cut: int) -> str:
        y, mo, d, h, mi, s = p
        full = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"
        return {4: full[:4], 7: full[:7], 10: full[:10], 17: full[:16] + "Z", 20: full}[cut]

    cuts = st.sampled_from([4, 7, 10, 17, 20])
    likely = st.builds(shape, in_range, cuts)
    digits = st.text(alphabet="0123456789-:TZ\u0662\u00b2 ", min_size=4, max_size=20)
    return st.one_of(likely, likely, st.builds(shape, wide, cuts), digits, st.text(max_size=25))


@given(_near_iso())
def test_valid_iso_agrees_with_an_independent_parser(text: str) -> None:
    valid = _iso_oracle(text)
    event(f"valid, {len(text)} characters" if valid else "not valid")
    assert _valid_iso(text) == valid


def test_valid_iso_refuses_other_scripts_digits_and_year_zero() -> None:
    assert not _valid_iso("\u0662\u0660\u0661\u0668-12-03")
    assert not _valid_iso("0000-01-01")
    assert _valid_iso("2024-02-29") and not _valid_iso("2023-02-29")


def test_month_day_index_holds_each_dated_record_on_its_day(ds: dataset.Dataset) -> None:
    day = ds.by_month_day["12-03"]
    assert ds.mission_by_id["soyuz-ms-11"] in day
    assert ds.launch_by_tag["2018-098"] in day
    assert all((r.launch if isinstance(r, Mission) else r.date).iso[5:10] == "12-03" for r in day)
    total = sum(len(v) for v in ds.by_month_day.values())
    dated: list[Event | Launch | Mission] = [e for e in ds.events if len(e.date.iso) >= 10]
    dated += [x for x in ds.launches if len(x.date.iso) >= 10]
    dated += [m for m in ds.missions if len(m.launch.iso) >= 10]
    assert total == len(dated)
