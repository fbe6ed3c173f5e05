"""Stations are named in words in text output; McDowell's codes ("TG") only in --json, beside the name."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from spacefacts import history, queries, stations

SCRIPT = Path(sys.executable).with_name("spacefacts")
ENV = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}


def run(*args: str) -> str:
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=ENV, check=True)
    return done.stdout


def test_name_of_maps_every_code_in_the_flight_data(ds) -> None:  # type: ignore[no-untyped-def]
    codes = {m.station for m in ds.missions if m.station}
    names = {code: stations.name_of(ds, code) for code in codes}
    assert names["TG"] == "Tiangong space station"
    assert names["Salyut-7"] == "Salyut 7"
    # Every code the flights use has a station record naming it (no code falls through as itself).
    known = {code for s in stations.load(ds).stations for code in s.mcdowell}
    assert codes <= known, codes - known
    assert names["Skylab 1"] == "Skylab"
    assert stations.name_of(ds, None) is None


def test_in_space_and_mission_card_carry_the_name(ds) -> None:  # type: ignore[no-untyped-def]
    result = history.in_space(ds, history.parse_moment("2023-01-01"))
    by_code = {a.station: a.station_name for a in result.aloft}
    assert by_code == {"ISS": "International Space Station", "TG": "Tiangong space station"}
    card = queries.mission_card(ds, queries.resolve_mission(ds, "shenzhou-15"))
    assert card.station_name == "Tiangong space station"


def test_installed_script_shows_names_not_codes() -> None:
    table = run("in-space", "--date", "2023-01-01")
    # the table has little room: each station's short name from curated/stations.toml
    assert re.search(r"│ Tiangong +│", table) and re.search(r"│ ISS +│", table), table
    assert not re.search(r"│ TG +│", table), table
    card = run("mission", "shenzhou-15")
    assert re.search(r"^Station +Tiangong space station", card, re.M), card
    data = json.loads(run("in-space", "--date", "2023-01-01", "--json"))
    tg = [p for p in data["people"] if p["station"] == "TG"]
    assert len(tg) == 3 and {p["station_name"] for p in tg} == {"Tiangong space station"}
    mission = json.loads(run("mission", "soyuz-t-15", "--json"))
    assert (mission["station"], mission["station_name"]) == ("Salyut-7", "Salyut 7")
