"""Stations and expeditions: every record checked against the flights, the station page, the
lines on other cards, the quiz kinds, and the installed console script."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spacefacts import failures, queries, stations
from spacefacts.cli import app
from spacefacts.model import Time
from spacefacts.quiz import expeditions as station_quiz
from spacefacts.search import search
from tests.golden_files import check_golden
from tests.shared_data import builtin_dataset

ROOT = Path(__file__).resolve().parents[1]
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
DS = builtin_dataset()
SD = stations.load(DS)
RAW = tomllib.loads((ROOT / "data" / "expeditions.toml").read_text(encoding="utf-8"))
# Cited landings the build's checks use where the flight data's date is contradicted (none at present).
LANDED = {c["flight"]: Time(c["landing"]) for c in RAW.get("landing", [])}
SCRIPT = Path(sys.executable).with_name("spacefacts")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def _not_after(a: Time, b: Time) -> bool:
    """a <= b by day if either is a date only, else to the minute (as the build's rule says)."""
    if a.precision == "day" or b.precision == "day":
        return a.iso[:10] <= b.iso[:10]
    return a.iso[:16] <= b.iso[:16]


# ---- every expedition against the flights -------------------------------------------------------


@pytest.mark.parametrize("expedition", SD.expeditions, ids=lambda e: e.id)
def test_every_member_is_aboard_for_the_whole_span(expedition: stations.Expedition) -> None:
    station = SD.station(expedition.station)
    for member in expedition.members:
        person = DS.person_by_id[member.person]
        up = DS.mission_by_id[member.up]
        assert up.id in person.flights, f"{person.name} did not launch on {up.name}"
        assert station.id in SD.station_ids_of(up), f"{up.name} did not fly to {station.name}"
        start, end = expedition.span_of(member)
        assert _not_after(up.launch, start), f"{person.name} served before {up.name} launched"
        home = queries.flight_end(person, up)
        back_on = person.return_from(up.id)
        if home is not None and (back_on is None or back_on.on in (None, up.id)) and up.id in LANDED:
            home = LANDED[up.id]
        if home is not None:
            assert end is not None and _not_after(end, home), f"{person.name} was home by {home.iso}"
        if member.down is not None:
            back = person.return_from(up.id)
            assert member.down == (back.on if back and back.on else up.id)


@pytest.mark.parametrize("expedition", SD.expeditions, ids=lambda e: e.id)
def test_boundaries_fall_on_a_crew_arrival_or_departure(expedition: stations.Expedition) -> None:
    station = SD.station(expedition.station)
    visits = stations.visits(DS, station)
    ships = {m.up for m in expedition.members} | {m.down for m in expedition.members if m.down}
    for label, boundary, event in (
        ("start", expedition.start, expedition.start_event),
        ("end", expedition.end, expedition.end_event),
    ):
        if boundary is None:
            continue
        day = boundary.start.date()
        arrivals = [m for m in visits if 0 <= (day - m.launch.start.date()).days <= 3]
        homes = [LANDED.get(m.id, m.landing) for m in visits if m.landing] + [
            back.landing
            for m in visits
            for seat in m.crew
            if (back := DS.person_by_id[seat.person].return_from(m.id)) is not None
        ]
        departures = [t for t in homes if 0 <= (t.start.date() - day).days <= 3]
        # A crew moving between two stations: the cited docking or undocking of its own ship, in flight.
        moved = (
            event is not None
            and event.removeprefix("un").startswith("docking of ")
            and any(DS.mission_by_id[s].name in event for s in ships)
        )
        assert arrivals or departures or moved, f"{expedition.id} {label} {boundary.iso}"


def test_every_record_cites_a_public_source() -> None:
    for e in SD.expeditions:
        assert e.sources and all(s.startswith(("http://", "https://")) for s in e.sources), e.id
    for s in SD.stations:
        assert (s.reentry is None) == (s.reentry_source is None), s.id


def test_a_cited_landing_differs_from_the_flight_data_and_cites_its_source() -> None:
    for c in RAW.get("landing", []):
        mission = DS.mission_by_id[c["flight"]]
        assert mission.landing is not None and mission.landing.iso[:10] != c["landing"][:10]
        assert "https://" in c["reason"]


def test_expedition_ids_are_unique_and_commanders_are_members() -> None:
    ids = [e.id for e in SD.expeditions]
    assert len(ids) == len(set(ids))
    for e in SD.expeditions:
        assert len({m.person for m in e.members}) == len(e.members), e.id
        if len(e.commanders) > 1:
            assert e.note and "command" in e.note.lower(), f"{e.id}: several commanders need a note"


def test_visits_count_every_flight_that_reached_orbit_whatever_its_end() -> None:
    """Soyuz 11 docked at Salyut 1 and was lost at landing: a visit. Soyuz 18a (launch failure) and
    Soyuz T-10-1 (pad abort) never reached orbit: not visits."""
    ids = {s.id: {m.id for m in stations.visits(DS, s)} for s in SD.stations}
    assert ids["salyut-1"] == {"soyuz-10", "soyuz-11"}
    assert "soyuz-18" in ids["salyut-4"] and "soyuz-18a" not in ids["salyut-4"]
    assert "soyuz-t-10" in ids["salyut-7"] and "soyuz-t-10-1" not in ids["salyut-7"]


def test_soviet_principal_expeditions_have_no_numbering_gaps() -> None:
    numbers: dict[str, set[int]] = {}
    for e in SD.expeditions:
        if e.number is not None:
            numbers.setdefault(e.station, set()).add(e.number)
    assert numbers["mir"] == set(range(1, 29))
    assert numbers["salyut-6"] == set(range(1, 7))
    assert numbers["salyut-7"] == set(range(1, 6))
    crews: dict[str, list[str]] = {e.station: [] for e in SD.expeditions}
    for e in SD.expeditions:
        crews[e.station].append(e.name)
    assert crews["salyut-1"] == ["Soyuz 11 crew"] and crews["salyut-3"] == ["Soyuz 14 crew"]
    assert crews["salyut-4"] == ["Soyuz 17 crew", "Soyuz 18 crew"]
    assert crews["salyut-5"] == ["Soyuz 21 crew", "Soyuz 24 crew"]


def test_every_cited_disagreement_is_in_the_build_report() -> None:
    curated = tomllib.loads((ROOT / "curated" / "expeditions.toml").read_text(encoding="utf-8"))
    report = (ROOT / "docs" / "data-report.md").read_text(encoding="utf-8")
    lines = [(e["id"], line) for e in curated["expedition"] for line in e.get("disagreements", [])]
    assert len(lines) >= 6  # Salyut 1, 4, 6 and 7 records name theirs
    for key, line in lines:
        assert f"- {key}: {line}" in report, key


def test_station_launch_is_the_gcat_launch_of_its_first_module() -> None:
    for s in SD.stations:
        launch = DS.launch_by_tag[s.launch_tag]
        assert launch.date.iso == s.launch.iso


# ---- the build refuses a record that does not fit the flights ------------------------------------


def test_build_stops_on_a_member_who_was_not_aboard(tmp_path: Path) -> None:
    from spacefacts.build import expeditions
    from spacefacts.build.report import Report

    for name in ("stations.toml",):
        (tmp_path / name).write_text((ROOT / "curated" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "expeditions.toml").write_text(
        """
[[expedition]]
id = "iss-expedition-58"
name = "Expedition 58"
station = "iss"
number = 58
start = "2018-12-20T01:40Z"
end = "2019-09-01T00:00Z"
sources = ["https://example.org/"]
members = [{ astro_no = "AS-00482", name = "Oleg Kononenko", role = "commander", up = "Soyuz MS-11" }]
""",
        encoding="utf-8",
    )
    launch_doc = {
        "launch": [
            {"tag": s.launch_tag, "date": s.launch.iso, "payload": p, "src": s.launch_src}
            for s in SD.stations
            for p in [DS.launch_by_tag[s.launch_tag].payload]
        ]
    }
    mission_doc = tomllib.loads((ROOT / "data" / "missions.toml").read_text(encoding="utf-8"))
    people_doc = tomllib.loads((ROOT / "data" / "people.toml").read_text(encoding="utf-8"))
    with pytest.raises(expeditions.ExpeditionError, match="was home 2019-06-25"):
        expeditions.build(tmp_path, launch_doc, mission_doc, people_doc, Report())


# ---- the cards ---------------------------------------------------------------------------------


def test_soyuz_ms_11_crew_served_in_expeditions_58_and_59() -> None:
    served = stations.crew_expeditions(DS, DS.mission_by_id["soyuz-ms-11"])
    assert [s.expedition.number for s in served.label] == [58, 59]
    assert [s.expedition.number for s in served.brief] == [57]
    assert served.brief[0].days < stations.LABEL_DAYS


def test_ms_11_was_the_first_crewed_launch_after_the_ms_10_failure() -> None:
    fact = failures.after_failure(DS, DS.mission_by_id["soyuz-ms-11"])
    assert fact is not None
    assert fact.failed.id == "soyuz-ms-10"
    assert fact.days == (date(2018, 12, 3) - date(2018, 10, 11)).days == 53
    assert fact.scope == "crewed launch"


def test_after_failure_only_follows_a_failed_previous_launch() -> None:
    ordered = sorted(DS.missions, key=lambda m: m.launch.iso)
    for m in ordered:
        fact = failures.after_failure(DS, m)
        if fact is None:
            continue
        earlier = [x for x in ordered if x.launch.iso < m.launch.iso]
        family = [x for x in earlier if x.family == m.family]
        assert fact.failed in (earlier[-1], family[-1])
        assert failures.failed(fact.failed)
        assert m.kind == "orbital"


def test_in_space_on_2018_12_04_shows_expedition_57() -> None:
    moment = datetime(2018, 12, 4, 12, tzinfo=UTC)
    for astro_no in ("AS-00545", "AS-00564", "AS-00563"):  # Gerst, Auñón-Chancellor, Prokopyev
        pid = next(p.id for p in DS.people if p.astro_no == astro_no)
        e = stations.expedition_at(DS, pid, moment)
        assert e is not None and e.name == "Expedition 57"


def test_person_expeditions_count_commands() -> None:
    kononenko = next(p.id for p in DS.people if p.astro_no == "AS-00482")
    served = [s for s in stations.person_expeditions(DS, kononenko) if s.expedition.number in (57, 58, 59)]
    assert [s.expedition.number for s in served] == [57, 58, 59]
    assert [s.member.role for s in served] == ["flight engineer", "commander", "commander"]


# ---- the station page ----------------------------------------------------------------------------


def test_station_names_resolve() -> None:
    for query, wanted in (
        ("iss", "iss"),
        ("ISS", "iss"),
        ("Mir", "mir"),
        ("salyut 7", "salyut-7"),
        ("Tiangong-1", "tiangong-1"),
        ("tiangong", "tiangong"),
        ("skylab", "skylab"),
    ):
        assert stations.resolve_station(DS, query).id == wanted


def test_iss_card_lists_its_expeditions_and_who_was_aboard_at_the_end() -> None:
    card = stations.station_card(DS, stations.resolve_station(DS, "iss"))
    assert [e.id for e in card.expeditions] == sorted(
        (e["id"] for e in RAW["expedition"] if e["station"] == "iss"), key=lambda i: int(i.rsplit("-", 1)[1])
    )
    end = datetime.fromisoformat(card.data_end).replace(hour=12, tzinfo=UTC)
    expected = {
        (seat.person, m.id)
        for m in DS.missions
        if m.station == "ISS" and m.kind == "orbital" and m.launch.start <= end
        for seat in m.crew
        if (home := queries.flight_end(DS.person_by_id[seat.person], m)) is None or home.start >= end
    }
    assert {(s.person.id, s.mission.id) for s in card.aboard_at_end} == expected
    assert expected, "someone was aboard the ISS at the crew data's end"
    assert card.visits[0].launch.iso <= card.visits[-1].launch.iso


def test_people_aboard_per_day_matches_a_count_by_hand() -> None:
    station = stations.resolve_station(DS, "skylab")
    card = stations.station_card(DS, station)
    flights = stations.visits(DS, station)
    for start, end, count in card.per_day:
        for day in (start, end):
            noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
            by_hand = sum(
                1
                for m in flights
                for _ in m.crew
                if m.launch.start <= noon and m.landing is not None and m.landing.start > noon
            )
            assert by_hand == count, day


def test_runs_cover_every_day_once() -> None:
    card = stations.station_card(DS, stations.resolve_station(DS, "mir"))
    days = [d for start, end, _ in card.per_day for d in (start, end)]
    assert days == sorted(days)
    for (_, end, _), (start, _, _) in zip(card.per_day, card.per_day[1:], strict=False):
        assert start - end == timedelta(days=1)


# ---- search, today, quiz --------------------------------------------------------------------------


@pytest.mark.acceptance
def test_search_finds_an_expedition() -> None:
    hits = search(DS, "Expedition 58")
    assert hits[0].kind == "expedition" and hits[0].id == "iss-expedition-58"


def test_today_marks_iss_expedition_1_and_mir_eo_1() -> None:
    from spacefacts import today

    for day, key in (("11-02", "expedition-iss-expedition-1"), ("03-15", "expedition-mir-eo-1")):
        result = today.on_this_day(DS, date(2030, int(day[:2]), int(day[3:])), day, limit=None)
        assert key in {row.key for row in result.rows}


def test_quiz_commander_answers_are_the_commanders_in_the_data_file() -> None:
    from spacefacts import quiz

    bank = quiz.bank(DS)
    commanders = {
        e["id"]: bosses[0]
        for e in RAW["expedition"]
        if len(bosses := [m["person"] for m in e["members"] if m.get("role") == "commander"]) == 1
    }
    asked = 0
    for kind, subject, _ in station_quiz.specs(bank):
        question = quiz.generate(bank, quiz.Spec(kind, subject, "easy"), random.Random(subject))
        if question is None:
            continue
        options = question.options
        assert len(set(options)) == len(options) == quiz.OPTIONS
        if kind == "expedition-commander":
            asked += 1
            assert question.answer == DS.person_by_id[commanders[subject]].name
        else:
            station = next(e["station"] for e in RAW["expedition"] if e["id"] == subject)
            assert question.answer == SD.station(station).name
    assert asked >= 5


# ---- the installed console script -----------------------------------------------------------------


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ENV, "COLUMNS": "200"}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False)


def test_script_mission_soyuz_ms_11_names_expeditions_and_the_ms_10_fact() -> None:
    out = _script("mission", "soyuz-ms-11").stdout
    assert "Expedition 58/59" in out
    assert "Soyuz MS-10" in out and "53 days earlier" in out


def test_script_station_iss_json_and_station_mir() -> None:
    done = _script("station", "iss", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    recorded = sorted(e["number"] for e in RAW["expedition"] if e["station"] == "iss")
    assert [e["number"] for e in data["expeditions"]] == recorded
    assert {1, 57, 58, 59} <= set(recorded)
    assert all(e["crew"] and e["start"]["utc"] for e in data["expeditions"])
    assert data["aboard_at_data_end"] and data["data_end"]
    mir = _script("station", "mir").stdout
    assert "Mir EO-1 " in mir and "1986-03-15" in mir and "Mir EO-28" in mir and "2000-06-15" in mir


def test_script_in_space_shows_expedition_57_and_bad_station_fails() -> None:
    data = json.loads(_script("in-space", "--date", "2018-12-04", "--json").stdout)
    names = {p["name"]: p["expedition"] for p in data["people"]}
    assert names["Alexander Gerst"] == "Expedition 57"
    bad = _script("station", "atlantis")
    assert bad.returncode == 1 and bad.stdout == "" and bad.stderr.count("\n") == 1


# ---- golden -----------------------------------------------------------------------------------------

GOLDEN_CASES = {"station-mir": ["station", "mir"], "station-skylab": ["station", "skylab"]}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_station_pages(name: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite after a deliberate change, then review the diff."""
    code, out, err = run(*GOLDEN_CASES[name])
    assert code == 0, err
    check_golden(name, out)


def test_json_keys_are_documented() -> None:
    documented = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    data = json.loads(run("station", "skylab", "--json")[1])
    for key in data:
        assert f"`{key}`" in documented, key


def test_cached_records_equal_the_parsed_ones() -> None:
    import marshal

    parsed = stations._parse(DS)
    encoded: Any = stations._encode(parsed)  # plain tuples and strings, as the cache stores them
    assert stations._decode(marshal.loads(marshal.dumps(encoded))) == parsed
