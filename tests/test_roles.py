"""Crew roles in words (McDowell's tags read through curated/roles.toml) and crew order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts import queries, roles

SCRIPT = Path(sys.executable).with_name("spacefacts")


@pytest.mark.parametrize(
    ("mission", "expected"),
    [
        ("vostok-1", [("Yuri Gagarin", "LK", "Pilot")]),
        (
            "apollo-11",
            [
                ("Neil Armstrong", "CDR", "Commander"),
                ("Michael Collins", "CMP", "Command Module Pilot"),
                ("Buzz Aldrin", "LMP", "Lunar Module Pilot"),
            ],
        ),
        ("sts-51-l", [("Dick Scobee", "CDR", "Commander"), ("Michael Smith", "PLT", "Pilot")]),
        (
            "soyuz-ms-11",
            [
                ("Oleg Kononenko", "KDR", "Commander"),
                ("David Saint-Jacques", "BI1", "Flight Engineer 1"),
                ("Anne McClain", "BI2", "Flight Engineer 2"),
            ],
        ),
        (
            "dragon-crew-9",
            [("Nick Hague", "CDR", "Commander"), ("Aleksandr Gorbunov", "MS1", "Mission Specialist 1")],
        ),
    ],
)
def test_roles_in_words_in_crew_order(ds, mission: str, expected: list[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    card = queries.mission_card(ds, ds.mission_by_id[mission])
    got = [(r.person.name, r.role, r.role_name) for r in card.crew]
    assert got[: len(expected)] == expected


def test_every_crew_lists_its_commander_first(ds) -> None:  # type: ignore[no-untyped-def]
    commanders = {"Commander"}
    for mission in ds.missions:
        names = [roles.words(ds, seat.role) for seat in mission.crew]
        if commanders & set(names):
            assert names[0] in commanders, (mission.id, names)


def test_unread_tags_are_said_so_not_guessed(ds) -> None:  # type: ignore[no-untyped-def]
    assert roles.words(ds, "CS") == "Crew member"
    assert roles.words(ds, "") == "-"
    assert roles.words(ds, "MS3") == "Mission Specialist 3"


def test_installed_script_shows_role_words_and_keeps_codes_in_json() -> None:
    wide = {**os.environ, "COLUMNS": "160"}
    table = subprocess.run(
        [str(SCRIPT), "crew", "apollo-11"], capture_output=True, text=True, check=True, env=wide
    )
    assert "Lunar Module Pilot" in table.stdout and "LMP" not in table.stdout
    card = subprocess.run(
        [str(SCRIPT), "mission", "Soyuz MS-11", "--json"], capture_output=True, text=True, check=True
    )
    crew = json.loads(card.stdout)["crew"]
    assert (crew[0]["role"], crew[0]["role_name"]) == ("KDR", "Commander")
    assert crew[1]["role_name"] == "Flight Engineer 1"
