"""Lookups: golden tables at a fixed width, parsed --json for each command, and properties."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spacefacts import queries
from spacefacts.cli import app
from spacefacts.dataset import Dataset
from tests.golden_files import GOLDEN, check_golden
from tests.shared_data import builtin_dataset

ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
runner = CliRunner()
DS = builtin_dataset()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


GOLDEN_CASES = {
    "mission-soyuz-ms-11": ["mission", "soyuz-ms-11"],
    "mission-apollo-11": ["mission", "apollo 11"],
    "crew-soyuz-ms-11": ["crew", "soyuz-ms-11"],
    "person-oleg-kononenko": ["person", "Oleg Kononenko"],
    "launches-2018": ["launches", "2018"],
    "launches-2018-russia": ["launches", "2018", "--list", "--country", "Russia"],
    "stats": ["stats"],
    "search-apollo-13": ["search", "apollo 13"],
    "mission-hubble": ["mission", "hubble"],
    "mission-voyager-2": ["mission", "Voyager 2"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_tables(name: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, then review the diff."""
    code, out, err = run(*GOLDEN_CASES[name])
    assert code == 0, err
    check_golden(name, out)


def test_golden_files_have_no_colour_codes() -> None:
    for path in GOLDEN.glob("*.txt"):
        assert "\x1b[" not in path.read_text()


def test_three_spellings_give_the_same_card() -> None:
    cards = [json.loads(run("mission", q, "--json")[1]) for q in ("soyuz-ms-11", "soyuz ms 11", "2018-098")]
    assert cards[0] == cards[1] == cards[2]
    crew = json.loads(run("crew", "soyuz-ms-11", "--json")[1])
    assert crew["crew"] == cards[0]["crew"]


def test_mission_card_has_the_article_facts() -> None:
    card = json.loads(run("mission", "soyuz-ms-11", "--json")[1])
    docking = [e for e in card["events"] if "dock" in e["title"].lower()]
    assert docking and docking[0]["date"]["utc"].startswith("2018-12-03T17:")
    countries = {c["name"]: c["country"] for c in card["crew"]}
    assert countries == {
        "Oleg Kononenko": "Russia",
        "Anne McClain": "United States",
        "David Saint-Jacques": "Canada",
    }
    assert [c["flight_number"] for c in card["crew"]] == [4, 1, 1]
    assert card["family_ordinal"]["rule"]
    assert {e["person"] for e in card["evas"]} == {"oleg-kononenko", "anne-mcclain", "david-saint-jacques"}


def test_person_kononenko_lists_all_flights_and_total_time() -> None:
    p = json.loads(run("person", "Oleg Kononenko", "--json")[1])
    assert [f["mission"] for f in p["flights"]] == [
        "soyuz-tma-12",
        "soyuz-tma-03m",
        "soyuz-tma-17m",
        "soyuz-ms-11",
        "soyuz-ms-24",
    ]
    assert p["flights"][-1]["returned_on"] == "soyuz-ms-25"
    assert p["time_in_space_seconds"] == sum(f["duration_seconds"] for f in p["flights"])
    # McDowell's astro.html gives his career total as 1110:15:00:11; ours is computed per flight.
    assert abs(p["time_in_space_seconds"] - (1110 * 86400 + 15 * 3600 + 11)) < 3600


@pytest.mark.parametrize("query", ["saint-jacques", "Saint Jacques", "david-saint-jacques", "SAINT-JACQUES"])
def test_person_resolves_without_accents_or_hyphens(query: str) -> None:
    code, out, _ = run("person", query, "--json")
    assert code == 0
    assert json.loads(out)["id"] == "david-saint-jacques"


def test_ambiguous_person_lists_them() -> None:
    code, out, err = run("person", "Gregory Johnson")
    assert code == 1 and out == ""
    assert "matches several people" in err and "gregory-johnson-1962" in err


def test_launches_list_numbers_ms_11_as_100_of_114() -> None:
    listing = json.loads(run("launches", "2018", "--list", "--json")[1])
    assert listing["orbital_launch_attempts"] == 114
    ms11 = next(x for x in listing["launches"] if x["tag"] == "2018-098")
    assert ms11["number"] == 100 and ms11["crewed"] is True


def test_launch_filters_compose() -> None:
    crewed = json.loads(run("launches", "2018", "--crewed", "--json")[1])["launches"]
    assert {x["payload"] for x in crewed} >= {"Soyuz MS-11", "Soyuz MS-10"}
    failed = json.loads(run("launches", "2018", "--outcome", "failure", "--json")[1])["launches"]
    assert {x["tag"] for x in failed} == {"2018-F01", "2018-F02"}
    r7 = json.loads(run("launches", "2018", "--vehicle", "R-7", "--country", "RU", "--json")[1])["launches"]
    assert r7 and all(x["vehicle_family"] == "R-7" and x["state"] == "RU" for x in r7)


def test_bad_outcome_filter_is_a_usage_error() -> None:
    code, _, err = run("launches", "2018", "--outcome", "meh")
    assert code == 2 and "--outcome must be one of" in err


def test_by_year_json_matches_per_year_counts() -> None:
    years = json.loads(run("launches", "--by-year", "--json")[1])["years"]
    assert years[0]["year"] == 1957 and years[-1]["year"] == 2026
    by_year = {y["year"]: y for y in years}
    assert by_year[2018]["attempts"] == 114
    assert all(y["successes"] + y["failures"] == y["attempts"] for y in years)


def test_launches_needs_a_year_or_by_year() -> None:
    code, _, err = run("launches")
    assert code == 2 and "give a YEAR" in err


def test_search_ranks_exact_names_first() -> None:
    hits = json.loads(run("search", "apollo 13", "--json")[1])["hits"]
    assert hits[0] == {"kind": "mission", "id": "apollo-13", "title": "Apollo 13", "detail": "1970-04-11"}
    kinds = {h["kind"] for h in json.loads(run("search", "voyager", "--json")[1])["hits"]}
    assert {"event", "launch"} <= kinds


def test_search_with_no_hits_is_exit_1() -> None:
    code, _, err = run("search", "zzzzqqq")
    assert code == 1 and "nothing matches" in err


# ---- properties: the card's numbers equal an independent recomputation -------------------


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([m.id for m in DS.missions]))
def test_mission_card_numbers(mission_id: str) -> None:
    mission = DS.mission_by_id[mission_id]
    card = queries.mission_card(DS, mission)
    if card.launch is not None and card.launch.earth:
        event("year ordinal checked")
        same_year = sorted(
            (x for x in DS.launches if x.earth and x.date.iso[:4] == card.launch.date.iso[:4]),
            key=lambda x: x.date.iso,
        )
        assert card.year_ordinal is not None
        assert card.year_ordinal.total == len(same_year)
        assert same_year[card.year_ordinal.number - 1].tag == card.launch.tag
    if mission.kind != "abort" and mission.family:
        event("family ordinal checked")
        family = [m for m in DS.missions if m.family == mission.family and m.kind != "abort"]
        family.sort(key=lambda m: m.launch.iso)
        assert card.family_ordinal is not None
        assert family[card.family_ordinal.number - 1].id == mission.id
    for row in card.crew:
        flown = [m for m in DS.missions if m.kind != "abort" and row.person.id in {s.person for s in m.crew}]
        if mission.kind != "abort":
            event("crew flight numbers checked")
            assert row.flight_number == 1 + sum(1 for m in flown if m.launch.iso < mission.launch.iso)
    if mission.landing is not None:
        event("duration checked")
        assert card.duration == mission.landing.start - mission.launch.start


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([p.id for p in DS.people]))
def test_person_card_numbers(person_id: str) -> None:
    for checked in check_person_card(person_id):
        event(checked)


# The people on a flight still up: a few among 786, which the sample above almost never draws.
STILL_UP = sorted({s.person for m in DS.missions if m.in_flight and m.landing is None for s in m.crew})


def test_person_card_numbers_of_everyone_still_in_space() -> None:
    assert STILL_UP, "no flight is still up in the data: this test checks nothing"
    for person_id in STILL_UP:
        assert "a flight still up" in check_person_card(person_id), person_id


def check_person_card(person_id: str) -> set[str]:
    """Check the person card's numbers against the records; return which conditional checks ran."""
    checked = set()
    person = DS.person_by_id[person_id]
    card = queries.person_card(DS, person)
    total = timedelta()
    for mission_id in person.flights:
        mission = DS.mission_by_id[mission_id]
        if mission.kind == "abort":
            continue
        back = next((r for r in person.returns if r.mission == mission_id), None)
        end = back.landing if back else mission.landing
        if end is not None:
            total += end.start - mission.launch.start
        elif mission.in_flight:  # a flight still up counts to the crew data's end
            checked.add("a flight still up")
            assert card.counted_to is not None
            total += card.counted_to - mission.launch.start
    assert card.time_in_space == total
    assert len(card.flights) + len(card.aborts) == len(person.flights)
    assert len(card.evas) == len(person.evas)
    if card.age_at_first_flight is not None and person.born is not None:
        checked.add("age at first flight checked")
        first = min(
            DS.mission_by_id[m].launch.start for m in person.flights if DS.mission_by_id[m].kind != "abort"
        )
        years = (first.date() - person.born.start.date()).days / 365.2425
        assert abs(card.age_at_first_flight - years) < 1
    return checked


def test_year_families_are_data_and_render_builds_the_label(ds: Dataset) -> None:
    from spacefacts.render.launches import family_label

    counts = queries.launches_in_year(ds, 2018).by_family()
    r7 = next(c for c in counts if c.family == "R-7")
    assert "Soyuz-FG" in r7.vehicles and r7.launches == sum(
        1 for x in ds.launches_by_year[2018] if x.family == "R-7"
    )
    assert family_label(r7).startswith("R-7 (") and "Soyuz-FG" in family_label(r7)
    assert family_label(queries.FamilyCount("Electron", ("Electron",), 3)) == "Electron"
    many = queries.FamilyCount("F", ("a", "b", "c", "d"), 4)
    assert family_label(many) == "F (a, b, c, ...)"
