"""The state each person flew for, national firsts, and country names in full."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spacefacts import history, nations, queries
from spacefacts.errors import UsageError

SCRIPT = Path(sys.executable).with_name("spacefacts")


@pytest.mark.parametrize(
    ("mission", "person", "country"),
    [
        ("vostok-1", "Yuri Gagarin", "Soviet Union"),  # Soviet era
        ("soyuz-tm-12", "Sergei Krikalev", "Soviet Union"),  # launched 1991-05, before the end
        ("soyuz-ms-11", "Oleg Kononenko", "Russia"),  # after 1991-12-26
        ("soyuz-11", "Georgi Dobrovolsky", "Soviet Union"),  # a Ukrainian citizen today
        ("sts-87", "Leonid Kadenyuk", "Ukraine"),
        ("soyuz-31", "Sigmund Jähn", "East Germany"),
        ("sts-9", "Ulf Merbold", "West Germany"),
        ("sts-42", "Ulf Merbold", "Germany"),  # after 1990-10-03
        ("soyuz-28", "Vladimir Remek", "Czechoslovakia"),
        ("soyuz-tm-29", "Ivan Bella", "Slovakia"),
        ("apollo-11", "Neil Armstrong", "United States"),
    ],
)
def test_country_is_the_state_at_the_flight(ds, mission: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    card = queries.mission_card(ds, ds.mission_by_id[mission])
    row = next(r for r in card.crew if r.person.name == person)
    assert row.nation.name == country


def test_national_firsts_follow_the_rule(ds) -> None:  # type: ignore[no-untyped-def]
    firsts = {c: (p.name, m.name) for c, p, m in history.records(ds, datetime(2026, 7, 1, tzinfo=UTC)).firsts}
    assert firsts["Soviet Union"] == ("Yuri Gagarin", "Vostok 1")
    assert firsts["Ukraine"] == ("Leonid Kadenyuk", "STS-87")
    assert firsts["East Germany"][0] == "Sigmund Jähn"
    then = {c for c, _, _ in history.records(ds, datetime(1990, 1, 1, tzinfo=UTC)).firsts}
    assert "Ukraine" not in then and "Russia" not in then and "Soviet Union" in then


def test_country_names_are_full_and_spelt_right(ds) -> None:  # type: ignore[no-untyped-def]
    names = {c.code: c.name for c in ds.countries.values()}
    for person in ds.people:
        assert person.country == names[person.citizen] != person.citizen
    for code, name in names.items():
        assert name != code and len(name) > 3, code
    assert {"Afghanistan", "Saint Kitts and Nevis", "Portugal", "Cyprus", "United States"} <= set(
        names.values()
    )
    assert not {"Afganistan", "Kitts and Nevis", "USA", "UK", "USSR"} & set(names.values())


@pytest.mark.parametrize(
    ("typed", "code"), [("USSR", "SU"), ("Soviet Union", "SU"), ("Russia", "RU"), ("usa", "US")]
)
def test_launch_country_by_names_people_use(ds, typed: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert nations.resolve_state(ds, typed) == {code}


def test_unknown_country_is_a_usage_error_with_suggestions(ds) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="did you mean: Russia"):
        nations.resolve_state(ds, "Rusia")


def test_installed_script_shows_gagarin_for_the_soviet_union_and_filters_by_ussr() -> None:
    out = subprocess.run([str(SCRIPT), "person", "Yuri Gagarin"], capture_output=True, text=True, check=True)
    assert "Soviet Union" in out.stdout
    listing = subprocess.run(
        [str(SCRIPT), "launches", "1975", "--list", "--country", "USSR", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    launches = json.loads(listing.stdout)["launches"]
    assert launches and {x["state"] for x in launches} == {"SU"}
    bad = subprocess.run(
        [str(SCRIPT), "launches", "1975", "--country", "Narnia"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "no country matches 'Narnia'" in bad.stderr
