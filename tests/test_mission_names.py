"""Missions by the names people type, and spacecraft families by the names people know."""

from __future__ import annotations

import pytest

from spacefacts import queries


@pytest.mark.parametrize(
    ("query", "mission_id"),
    [
        ("apollo11", "apollo-11"),
        ("Apollo-11", "apollo-11"),
        ("MS-10", "soyuz-ms-10"),
        ("Soyuz MS 10", "soyuz-ms-10"),
        ("Gemini 6", "gemini-vi-a"),
        ("Demo-2", "crew-dragon-demo-2"),
        ("dragon-dm-2", "crew-dragon-demo-2"),  # the old id still finds it
        ("Crew-9", "dragon-crew-9"),
        ("STS-51L", "sts-51-l"),
        ("Shenzhou V", "shenzhou-5"),
        ("Inspiration4", "inspiration4"),
        ("Polaris Dawn", "polaris-dawn"),
        ("Unity 22", "vms-unity-22"),
        ("SpaceShipOne flight 17P", "spaceshipone-flight-17p"),
        ("Gemini 7", "gemini-vii"),
        ("Soyuz 18", "soyuz-18"),
    ],
)
def test_missions_by_the_names_people_type(ds, query: str, mission_id: str) -> None:  # type: ignore[no-untyped-def]
    assert queries.resolve_mission(ds, query).id == mission_id


def test_families_people_know(ds) -> None:  # type: ignore[no-untyped-def]
    voskhod = queries.mission_card(ds, ds.mission_by_id["voskhod-2"])
    assert voskhod.family_ordinal is not None
    assert (voskhod.family_ordinal.number, voskhod.family_ordinal.total) == (2, 2)
    assert voskhod.family_ordinal.scope == "crewed Voskhod flight"
    families = {m.family for m in ds.missions}
    assert {"Shenzhou", "New Shepard", "Space Shuttle", "Vostok", "Voskhod"} <= families
    assert not {"SZ", "NS", "STS", "SS1", "VG"} & families
