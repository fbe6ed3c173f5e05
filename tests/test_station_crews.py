"""The Tiangong station crews and the ISS expedition under way at the crew data's end: every crewed
flight to the Tiangong station has its crew record, the records follow the crews' own returns, and
the people aboard at the data's end are the members of the open expedition. Checked in the library
and through the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from spacefacts import dataset, queries, stations

DS = dataset.load()
SD = stations.load(DS)
SCRIPT = Path(sys.executable).with_name("spacefacts")


def _of(station: str) -> list[stations.Expedition]:
    return [e for e in SD.expeditions if e.station == station]


def test_every_crewed_flight_to_the_tiangong_station_has_its_crew_record() -> None:
    flights = [m for m in DS.missions if m.station == "TG" and m.kind == "orbital"]
    assert len(flights) >= 11  # Shenzhou 12 to 21 and 23 in the crew data
    records = _of("tiangong")
    for flight in flights:
        crew = {seat.person for seat in flight.crew}
        matching = [e for e in records if {m.person for m in e.members} == crew]
        assert len(matching) == 1, flight.name
        record = matching[0]
        assert all(m.up == flight.id for m in record.members)
        assert record.start.iso[:16] == flight.launch.iso[:16]
        assert [m.role for m in record.members].count("commander") == 1, record.id
        assert record.sources and all(s.startswith("http") for s in record.sources)


def test_tiangong_crews_end_on_their_own_returns() -> None:
    by_name = {e.name: e for e in _of("tiangong")}
    sz20 = by_name["Shenzhou 20 crew"]
    assert sz20.end is not None and sz20.end.iso.startswith("2025-11-14")
    assert {m.down for m in sz20.members} == {"shenzhou-21"}  # their own ship was unfit to return
    sz21 = by_name["Shenzhou 21 crew"]
    home = {queries.flight_end(DS.person_by_id[m.person], DS.mission_by_id[m.up]) for m in sz21.members}
    assert sz21.end is not None and {h.iso if h else None for h in home} == {sz21.end.iso}
    assert {m.down for m in sz21.members} == {None}  # Shenzhou 22 flew up uncrewed: not a crewed flight
    assert by_name["Shenzhou 23 crew"].end is None  # aboard at the data's end


def test_everyone_aboard_at_the_data_end_is_in_an_open_expedition() -> None:
    for station_id in ("iss", "tiangong"):
        card = stations.station_card(DS, stations.resolve_station(DS, station_id))
        open_ones = [e for e in card.expeditions if e.end is None]
        assert len(open_ones) == 1, station_id
        members = {m.person for m in open_ones[0].members if m.left is None}
        assert {s.person.id for s in card.aboard_at_end} == members
    iss = next(e for e in _of("iss") if e.end is None)
    assert iss.number == 74 and max(e.number or 0 for e in _of("iss")) == 74


def test_in_space_on_2023_01_01_names_the_shenzhou_15_crew() -> None:
    moment = datetime(2023, 1, 1, 12, tzinfo=UTC)
    fei = next(p.id for p in DS.people if p.astro_no == "AS-00447")  # Fei Junlong
    found = stations.expedition_at(DS, fei, moment)
    assert found is not None and found.name == "Shenzhou 15 crew"


def test_tiangong_1_reentry_is_cited() -> None:
    station = SD.station("tiangong-1")
    assert station.reentry is not None and station.reentry.iso == "2018-04-02"
    assert station.reentry_source and station.reentry_source.startswith("https://")


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False)


def test_script_station_tiangong_json_and_the_shenzhou_15_card() -> None:
    done = _script("station", "tiangong", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    names = [e["name"] for e in data["expeditions"]]
    assert names[0] == "Shenzhou 12 crew" and names[-1] == "Shenzhou 23 crew" and len(names) == 11
    assert {p["name"] for p in data["aboard_at_data_end"]} == {
        DS.person_by_id[m.person].name for m in next(e for e in _of("tiangong") if e.end is None).members
    }
    card = _script("mission", "Shenzhou 15")
    assert card.returncode == 0 and "Shenzhou 15 crew" in card.stdout
