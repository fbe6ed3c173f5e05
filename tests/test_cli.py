"""The command line through Typer's CliRunner: exit codes, tables and parsed --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spacefacts.cli import app
from tests.conftest import SMALL_DATA

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def test_mission_card_shows_the_facts_of_the_source_article() -> None:
    code, out, err = run("mission", "soyuz-ms-11")
    assert code == 0, err
    for fact in (
        "2018-12-03 11:31:52 UTC",
        "Soyuz-FG",
        "Baikonur Cosmodrome",
        "Oleg Kononenko",
        "Anne McClain",
        "David Saint-Jacques",
        "2019-06-25",
        "100th orbital launch of 2018",
    ):
        assert fact in out


def test_mission_json_parses_and_carries_the_ordinal() -> None:
    code, out, _ = run("mission", "soyuz-ms-11", "--json")
    assert code == 0
    card = json.loads(out)
    assert card["launch"]["utc"] == "2018-12-03T11:31:52Z"
    assert card["landing"]["utc"].startswith("2019-06-25")
    assert card["vehicle"] == "Soyuz-FG"
    assert card["site_name"] == "Baikonur Cosmodrome"
    assert {c["id"] for c in card["crew"]} == {"oleg-kononenko", "anne-mcclain", "david-saint-jacques"}
    assert (card["year_ordinal"]["number"], card["year_ordinal"]["total"]) == (100, 114)
    assert card["sources"]


@pytest.mark.parametrize("query", ["Soyuz MS 11", "SOYUZ MS-11", "2018-098", "MS11"])
def test_mission_resolves_names_aliases_and_designators(query: str) -> None:
    code, out, _ = run("mission", query, "--json")
    assert code == 0
    assert json.loads(out)["id"] == "soyuz-ms-11"


def test_shenzhou_5_resolves() -> None:
    code, out, _ = run("mission", "shenzhou-5", "--json")
    assert code == 0
    assert json.loads(out)["launch"]["utc"].startswith("2003-10-15")


def test_unknown_mission_is_one_line_with_suggestions() -> None:
    code, out, err = run("mission", "soyuz ms-99")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "no mission matches 'soyuz ms-99'" in err
    assert "did you mean" in err


def test_empty_mission_name_is_not_found() -> None:
    code, _, err = run("mission", "")
    assert code == 1
    assert "no mission matches" in err


def test_launches_2018() -> None:
    code, out, _ = run("launches", "2018", "--json")
    assert code == 0
    year = json.loads(out)
    assert year["orbital_launch_attempts"] == 114
    assert year["successes"] + year["failures"] == 114
    assert "2018-F01" in [launch["tag"] for launch in year["failed"]]
    code, table, _ = run("launches", "2018")
    assert code == 0
    assert "114" in table
    assert "Soyuz MS-10" in table


def test_launches_2025_counts_the_whole_year_from_both_logs() -> None:
    code, out, _ = run("launches", "2025", "--json")
    assert code == 0
    year = json.loads(out)
    assert year["orbital_launch_attempts"] == 330
    assert year["complete_year"] is True


def test_launches_outside_the_data_says_the_range() -> None:
    code, _, err = run("launches", "1900")
    assert code == 1
    assert "covers 1957 to 2026" in err


def test_launches_bad_year_is_a_usage_error() -> None:
    code, _, _ = run("launches", "abc")
    assert code == 2


def test_data_info_reports_coverage_and_licenses() -> None:
    code, out, _ = run("data", "info", "--json")
    assert code == 0
    info = json.loads(out)
    files = {f["file"]: f for f in info["files"]}
    assert "through 2026-09-28" in files["launches.toml"]["covers"]
    assert files["launches.toml"]["license"] == "CC-BY"
    assert files["missions.toml"]["records"] > 400


def test_data_validate_passes_on_shipped_data() -> None:
    code, _, err = run("data", "validate")
    assert code == 0, err


def _broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the small dataset (tests/fixtures/small-data) with one change: validate's logic,
    not the real data, is what these tests check (test_data_validate_passes_on_shipped_data is)."""
    copy = tmp_path / "data"
    shutil.copytree(SMALL_DATA, copy)
    text = (copy / file).read_text()
    assert old in text
    (copy / file).write_text(text.replace(old, new, 1))
    return copy


def test_validate_finds_a_dangling_crew_id(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "missions.toml", '{ person = "anne-mcclain"', '{ person = "nobody-at-all"')
    code, out, _ = run("data", "validate", str(copy))
    assert code == 1
    assert "missions.toml: record soyuz-ms-11: field 'crew': no person 'nobody-at-all'" in out


def test_validate_finds_a_landing_before_launch(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "missions.toml", 'landing = "2019-06-25', 'landing = "2017-06-25')
    code, out, _ = run("data", "validate", str(copy))
    assert code == 1
    assert "missions.toml: record soyuz-ms-11: field 'landing'" in out


def test_validate_reports_bad_toml_with_file_and_line(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "people.toml", "[[person]]", "[[person]")
    code, out, _ = run("data", "validate", str(copy))
    assert code == 1
    assert "people.toml:" in out and "invalid TOML" in out


def test_missing_data_folder_is_one_line() -> None:
    code, _, err = run("data", "validate", "/no/such/folder")
    assert code == 1
    assert err.strip() == "spacefacts: no data folder at /no/such/folder"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("spacefacts ")
