"""The launch build checked against the raw GCAT logs, recomputed independently here."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from spacefacts.build import gcat, mcdates, tomlw
from spacefacts.build.report import Report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(sources: Path) -> dict[str, Any]:
    return gcat.build(sources / "gcat", ROOT / "curated", Report())


def raw_tags(sources: Path) -> dict[str, tuple[str, str]]:
    """Launch_Tag -> (year, Launch_Code) straight from the TSVs, the newer edition winning."""
    tags: dict[str, tuple[str, str]] = {}
    for name in ("launchlog.tsv", "launchlog-2025-2026.tsv"):
        with (sources / "gcat" / name).open() as fh:
            edition = {}
            for row in csv.reader(fh, delimiter="\t"):
                if row[0].startswith("#"):
                    continue
                edition[row[0].strip()] = (row[1].split()[0], row[18].strip())
            tags.update(edition)
    return tags


def test_one_record_per_launch_tag(built: dict[str, Any], sources: Path) -> None:
    assert sorted(launch["tag"] for launch in built["launch"]) == sorted(raw_tags(sources))


def test_per_year_counts_match_the_raw_logs(built: dict[str, Any], sources: Path) -> None:
    expected: dict[str, int] = defaultdict(int)
    for year, code in raw_tags(sources).values():
        if not code.startswith("X"):
            expected[year] += 1
    got: dict[str, int] = defaultdict(int)
    for launch in built["launch"]:
        if launch.get("earth") is not False:
            got[launch["date"][:4]] += 1
    assert got == expected
    assert got["2018"] == 114
    assert got["2025"] == 330  # 63 before Mar 26 in the older edition + 267 in the newer


def test_soyuz_ms_11_is_the_100th_launch_of_2018(built: dict[str, Any]) -> None:
    year = [x for x in built["launch"] if x["date"].startswith("2018") and x.get("earth") is not False]
    assert [x["tag"] for x in year].index("2018-098") + 1 == 100
    ms11 = next(x for x in year if x["tag"] == "2018-098")
    assert ms11["date"] == "2018-12-03T11:31:52Z"
    assert (ms11["vehicle"], ms11["site"], ms11["pad"]) == ("Soyuz-FG", "GIK-5", "LC1")


def test_ms_10_is_a_2018_failure(built: dict[str, Any]) -> None:
    ms10 = next(x for x in built["launch"] if x["tag"] == "2018-F01")
    assert ms10["outcome"] == "failure"
    assert ms10["date"].startswith("2018-10-11")


def test_moon_ascents_are_kept_but_not_from_earth(built: dict[str, Any]) -> None:
    eagle = next(x for x in built["launch"] if x["tag"] == "1969-U01")
    assert eagle["earth"] is False


def test_baikonur_has_its_common_name_and_gcat_spelling(built: dict[str, Any]) -> None:
    site = next(s for s in built["site"] if s["code"] == "GIK-5")
    assert site["name"] == "Baikonur Cosmodrome"
    assert site["gcat_name"] == "Baykonur"
    assert site["name_source"].startswith("https://")


@pytest.mark.parametrize(
    ("code", "outcome"),
    [("OS", "success"), ("OF", "failure"), ("OS89", "partial"), ("OF40", "partial"), ("DS", "success")],
)
def test_outcome_rule(code: str, outcome: str) -> None:
    assert gcat.outcome(code) == outcome


def test_mcdowell_dates_keep_their_precision() -> None:
    assert mcdates.parse("2018 Dec  3 1131:52") == ("2018-12-03T11:31:52Z", False)
    assert mcdates.parse("1962 Jul 10") == ("1962-07-10", False)
    assert mcdates.parse("2020 Dec 12 1616:50?") == ("2020-12-12T16:16:50Z", True)
    assert mcdates.parse("1966 Sep") == ("1966-09", False)
    with pytest.raises(ValueError):
        mcdates.parse("2018 Foo  3")


def test_toml_writer_round_trips_awkward_strings() -> None:
    import tomli

    doc = {"meta": {"a": 'quote " back \\ tab \t del \x7f'}, "rows": [{"x": 1, "y": True, "z": [{"k": "é"}]}]}
    assert tomli.loads(tomlw.dumps(doc, header="h")) == doc
