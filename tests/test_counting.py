"""docs/counting.md quotes computed numbers; this keeps them equal to what the data gives."""

from __future__ import annotations

import re
from pathlib import Path

from spacefacts import history, queries
from tests.shared_data import builtin_dataset

DOC = (Path(__file__).resolve().parents[1] / "docs" / "counting.md").read_text()
DS = builtin_dataset()


def table_numbers(heading: str) -> list[int]:
    section = DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+) \| (\d+) \|$", section, flags=re.M)
    return [int(n) for first, n in rows if first != "rule"]


def test_year_rules_in_the_doc_match_the_data() -> None:
    counts = [r.count for r in queries.year_under_rules(DS, 2018)]
    assert table_numbers("## Orbital launches in a year") == counts
    assert counts[0] == 114


def test_soyuz_rules_in_the_doc_match_the_data() -> None:
    counts = [r.count for r in queries.family_under_rules(DS, DS.mission_by_id["soyuz-ms-11"])]
    assert table_numbers("## Which flight of a spacecraft") == counts
    assert 140 not in counts  # the doc says no computable rule gives the article's 140


def test_year_rules_add_up() -> None:
    rules = {r.key: r.count for r in queries.year_under_rules(DS, 1969)}
    launches = DS.launches_by_year[1969]
    assert rules["attempts_from_earth"] == len(launches)
    assert rules["including_other_worlds"] == rules["attempts_from_earth"] + 2  # Eagle and Intrepid ascents
    assert rules["successes"] == sum(1 for x in launches if x.code[1] == "S")


def test_everyone_agrees_with_mcdowells_career_totals_claim() -> None:
    assert "all 786 people agree" in DOC
    assert len(DS.people) == 786


def test_in_space_on_2018_12_04_is_the_six_aboard_the_iss() -> None:
    result = history.in_space(DS, history.parse_moment("2018-12-04"))
    assert len(result.aloft) == 6
    assert {a.station for a in result.aloft} == {"ISS"}
    assert {"oleg-kononenko", "anne-mcclain", "david-saint-jacques"} <= {a.person.id for a in result.aloft}
