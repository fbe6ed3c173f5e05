"""Every crewed flight told right: journeys up and down, accidents, EVAs, ties, suborbital sites.

A property test over every mission and person, then the cases of issue 12 through the installed
`spacefacts` console script, as a user would type them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from spacefacts import entry, queries

SCRIPT = Path(sys.executable).with_name("spacefacts")


def spacefacts(*args: str) -> Any:
    """A command's --json answer from the console script's entry point, run in this process (the
    installed script itself is run by the two text checks below and by test_exits, test_robustness)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as done:
        entry.main([*args, "--json"])
    assert done.value.code == 0, err.getvalue()
    return json.loads(out.getvalue())


def _warm_home() -> dict[str, str]:
    """The test's own user folder (its cache made warm by the conftest), for a minimal environment."""
    return {"SPACEFACTS_HOME": os.environ["SPACEFACTS_HOME"]}


# ---- properties over all the data -------------------------------------------------------


def test_each_return_lies_between_launch_and_the_next_launch(ds: Any) -> None:
    checked = 0
    for person in ds.people:
        flights = [m for m in ds.missions_of_person.get(person.id, []) if m.kind != "abort"]
        for mission, following in zip(flights, [*flights[1:], None], strict=False):
            end = queries.flight_end(person, mission)
            if end is None:
                continue
            checked += 1
            assert end.start >= mission.launch.start, (person.id, mission.id)
            if following is not None:
                assert end.start <= following.launch.start, (person.id, mission.id, following.id)
    assert checked > 1000


def test_no_eva_lies_outside_its_persons_time_aloft(ds: Any) -> None:
    for person in ds.people:
        windows = [
            (m.launch, queries.flight_end(person, m))
            for m in ds.missions_of_person.get(person.id, [])
            if m.kind != "abort"
        ]
        for eva in person.evas:
            assert any(queries.during(eva.start, start, end) for start, end in windows), (
                person.id,
                eva.start,
            )


def test_a_missions_evas_lie_between_launch_and_its_crews_latest_return(ds: Any) -> None:
    for mission in ds.missions:
        card = queries.mission_card(ds, mission)
        homes = [row.home for row in card.crew if row.home is not None]
        latest = max(homes, key=lambda t: t.start) if homes else None
        for row in card.evas:
            assert queries.during(row.eva.start, mission.launch, latest), (mission.id, row.eva.start)


def test_whoever_came_home_on_a_ship_is_on_its_down_list(ds: Any) -> None:
    for person in ds.people:
        for back in person.returns:
            if back.on:
                card = queries.mission_card(ds, ds.mission_by_id[back.on])
                assert person.id in {row.person.id for row in card.down}, (person.id, back.on)


# ---- the cases of the issue, through the installed command --------------------------------


def test_starliner_crew_came_home_on_crew_9() -> None:
    card = spacefacts("mission", "Starliner CFT")
    assert card["landing"]["utc"].startswith("2024-09-07")  # the ship's, which landed uncrewed
    assert card["down"] == []
    for row in card["up"]:
        assert row["returned_on"] == "dragon-crew-9"
        assert row["return"]["utc"].startswith("2025-03-18")
    crew9 = spacefacts("crew", "crew-9")
    assert {"barry-wilmore", "sunita-williams", "tyler-hague"} <= {row["id"] for row in crew9["down"]}


@pytest.mark.parametrize(
    ("mission", "came_home_on", "person"),
    [
        ("soyuz-tm-5", "soyuz-tm-4", "anatoliy-solovyov"),
        ("soyuz-tm-27", "soyuz-tm-26", "leopold-eyharts"),
        ("soyuz-tma-14", "soyuz-tma-13", "simonyi-karoly"),
        ("sts-81", "sts-84", "jerry-linenger"),
        ("sts-116", "sts-117", "sunita-williams"),
        ("shenzhou-20", "shenzhou-21", "chen-dong"),
    ],
)
def test_crew_rows_show_their_own_return(ds: Any, mission: str, came_home_on: str, person: str) -> None:
    card = queries.mission_card(ds, ds.mission_by_id[mission])
    row = next(r for r in card.up if r.person.id == person)
    assert row.home_on is not None and row.home_on.id == came_home_on
    assert row.time_aloft is not None and row.home is not None
    assert row.home.start > card.mission.launch.start


def test_soyuz_ms_22_crew_came_home_on_a_ship_that_flew_up_uncrewed(ds: Any) -> None:
    card = queries.mission_card(ds, ds.mission_by_id["soyuz-ms-22"])
    assert card.down == []
    assert {row.home_on_name for row in card.up} == {"Soyuz MS-23"}


def test_shenzhou_21_crew_came_home_on_shenzhou_22(ds: Any) -> None:
    card = queries.mission_card(ds, ds.mission_by_id["shenzhou-21"])
    assert {row.home_on_name for row in card.up} == {"Shenzhou 22"}
    assert {row.home.iso[:10] for row in card.up if row.home} == {"2026-05-29"}
    titles = [e["title"] for e in spacefacts("today", "--date", "05-29")["events"]]
    assert any("Zhang Hongzhang land on Shenzhou 22, which flew up uncrewed" in t for t in titles)


@pytest.mark.parametrize(
    ("mission", "words"),
    [
        ("sts-51-l", "destroyed during ascent, crew of 7 killed"),
        ("sts-107", "broke up on re-entry, crew of 7 killed"),
        ("x-15-flight-3-65-97", "pilot Michael Adams killed"),
    ],
)
def test_accidents_are_accidents(mission: str, words: str) -> None:
    card = spacefacts("mission", mission)
    assert card["outcome"] == "fatal accident"
    assert words in card["accident"]
    assert card["landing"] is None and card["flight_end"] is not None
    assert card["down"] == []
    assert any(e["id"].startswith(("challenger", "columbia", "x-15")) for e in card["events"])


def test_spacewalks_and_person_evas_are_counted_apart() -> None:
    card = spacefacts("mission", "sts-61")
    assert (card["spacewalks"], len(card["evas"])) == (5, 10)


@pytest.mark.parametrize(
    ("person", "evas"),
    [
        ("daniel-barry", 4),
        ("jessica-meir", 5),  # 3 in 2019-2020 (cosmos-book lists two twice) and U.S. spacewalks 94 and 95
        ("sunita-williams", 9),
        ("oleg-kononenko", 7),
        ("anne-mcclain", 3),
        ("chen-dong", 6),  # Shenzhou 14 (3) and Shenzhou 20 EVAs 1-3: China's most, per CMSA
        ("zhang-lu", 6),  # Shenzhou 15 (4) and Shenzhou 21 EVAs 1-2
        ("sergey-ryzhikov", 3),  # VKD-47 (2020), VKD-64 and VKD-65
        ("sergei-kud-sverchkov", 2),  # VKD-47 (2020) and the 2026-05-27 EVA
        ("christopher-williams", 2),  # U.S. spacewalks 94 and 95
    ],
)
def test_evas_counted_once_and_through_2026(ds: Any, person: str, evas: int) -> None:
    assert len(ds.person_by_id[person].evas) == evas


def test_meirs_twice_listed_evas_still_count_once(ds: Any) -> None:
    assert sum(1 for e in ds.person_by_id["jessica-meir"].evas if e.start.start.year < 2024) == 3


def test_shenzhou_20_spacewalks_are_four_and_each_cites_a_page(ds: Any) -> None:
    card = queries.mission_card(ds, ds.mission_by_id["shenzhou-20"])
    assert card.spacewalks == 4
    assert all(row.eva.src.startswith("curated/evas.toml: http") for row in card.evas)


def test_polaris_dawn_has_the_first_commercial_spacewalk(ds: Any) -> None:
    card = queries.mission_card(ds, ds.mission_by_id["polaris-dawn"])
    assert {row.person.id for row in card.evas} == {"jared-isaacman", "sarah-gillis"}
    assert card.spacewalks == 1
    assert all(row.eva.src.startswith("curated/evas.toml: http") for row in card.evas)


def test_records_show_ties_and_data_info_the_eva_coverage() -> None:
    records = spacefacts("records", "--as-of", "2026-06-01")
    orbital = next(r for r in records["records"] if r["key"] == "most_orbital_flights")
    assert {h["id"] for h in orbital["holders"]} == {"jerry-ross", "franklin-chang-diaz"}
    assert records["flights_in_progress_counted_to"] == "2026-06-01"
    info = spacefacts("data", "info")
    assert info["evas_through"] == "2026-06-30"
    assert "2023" in info["eva_coverage"] and "curated" in info["eva_coverage"]
    assert "looked for through 2026-07-03" in info["eva_coverage"]
    assert "not included: Russian EVAs after 2026-05-27" in info["eva_coverage"]
    assert "Tiangong EVAs after 2026-03-16" in info["eva_coverage"]


def test_eva_pages_that_disagree_go_to_the_report_and_gaps_must_be_words(tmp_path: Path) -> None:
    from spacefacts.build import evas
    from spacefacts.build.report import Report

    path = tmp_path / "evas.toml"
    path.write_text(
        '[coverage]\nchecked_through = "2026-07-03"\ngaps = ["Martian EVAs"]\n'
        '[[eva]]\npeople = ["AS-1"]\nstart = "2025-01-20T08:55Z"\nsource = "https://a.example"\n'
        'disagrees = "https://b.example says 8.5 h; the list is used"\n'
    )
    report = Report()
    rows = evas.load(path, {"AS-1"}, report)
    assert rows["AS-1"] == [{"start": "2025-01-20T08:55Z", "src": "curated/evas.toml: https://a.example"}]
    assert report.sections[evas.DISAGREE] == [
        "2025-01-20T08:55Z (AS-1): https://b.example says 8.5 h; the list is used"
    ]
    assert evas.gaps(path) == ("2026-07-03", ["Martian EVAs"])
    path.write_text("[coverage]\ngaps = [1]\n")
    with pytest.raises(ValueError, match="gaps must be a list of strings"):
        evas.gaps(path)


def test_a_person_still_up_counts_the_current_flight_to_the_data_end() -> None:
    person = spacefacts("person", "jessica meir")
    current = person["flights"][-1]
    assert current["return"] is None and current["duration_seconds"] > 100 * 86400
    assert person["counted_to"] == current["in_progress_counted_to"]
    assert person["time_in_space_seconds"] > sum(f["duration_seconds"] for f in person["flights"][:-1])


@pytest.mark.parametrize(
    ("mission", "vehicle", "site", "platform"),
    [
        ("new-shepard-ns-25", "New Shepard", "WTEX", None),
        ("galactic-06", "Spaceship Two", "SPAM", "WK2"),
        ("x-15-flight-3-22-36", "X-15", "EAFB", "Smith Ranch"),
        ("soyuz-18a", "Soyuz 11A511", "NIIP-5", None),  # Baikonur, by its 1975 GCAT code
    ],
)
def test_suborbital_flights_show_vehicle_and_site(
    ds: Any, mission: str, vehicle: str, site: str, platform: str | None
) -> None:
    m = ds.mission_by_id[mission]
    assert (m.vehicle, m.site) == (vehicle, site)
    assert ds.sites[site].name
    if platform:
        assert platform in (m.platform or "")
    else:
        assert m.platform is None


@pytest.mark.parametrize(
    ("mission", "vehicle", "site", "pad"),
    [
        ("sts-41-d-pad-abort", "Space Shuttle (Discovery)", "KSC", "LC39A"),
        ("sts-51-f-pad-abort", "Space Shuttle (Challenger)", "KSC", "LC39A"),
        ("sts-55-pad-abort", "Space Shuttle (Columbia)", "KSC", "LC39A"),
        ("sts-51-pad-abort", "Space Shuttle (Discovery)", "KSC", "LC39B"),
        ("new-shepard-ns-20", "New Shepard", "WTEX", None),
        ("galactic-01", "SpaceShipTwo (VSS Unity)", "SPAM", None),
        ("vms-unity-vf-02", "SpaceShipTwo (VSS Unity)", "SPAM", None),
        ("x-15-flight-3-a-11", "X-15", "EAFB", None),
    ],
)
def test_aborts_and_late_suborbital_flights_have_vehicle_and_site(
    ds: Any, mission: str, vehicle: str, site: str, pad: str | None
) -> None:
    m = ds.mission_by_id[mission]
    assert (m.vehicle, m.site, m.pad) == (vehicle, site, pad)


def test_every_suborbital_flight_and_abort_has_vehicle_and_site(ds: Any) -> None:
    missing = [m.id for m in ds.missions if m.kind in ("suborbital", "abort") and not (m.vehicle and m.site)]
    assert missing == []


def test_a_many_way_tie_keeps_every_records_column_readable_at_80_columns(tmp_path: Path) -> None:
    warm = _warm_home()
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80", "NO_COLOR": "1", "HOME": str(tmp_path), **warm}
    done = subprocess.run(
        [str(SCRIPT), "records", "--as-of", "1970-01-01"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if "Id" in line)
    assert all(word in header for word in ("Record", "Holder", "Value"))  # not squeezed to nothing
    for person in ("joseph-walker", "joe-engle", "walter-schirra", "thomas-stafford", "charles-conrad"):
        assert any(line.rstrip(" │").endswith(person) for line in lines), person  # whole, one a line
    assert all(len(line) <= 80 for line in lines)


def test_the_hagles_are_joined_to_their_own_cosmos_book_files(ds: Any) -> None:
    assert ds.person_by_id["sharon-hagle"].cosmos == "HAGLE_S.md"
    assert ds.person_by_id["marc-hagle"].cosmos == "HAGLE_M.md"


def test_a_pad_abort_card_says_ended_not_landing(tmp_path: Path) -> None:
    warm = _warm_home()
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", "NO_COLOR": "1", "HOME": str(tmp_path), **warm}
    done = subprocess.run(
        [str(SCRIPT), "mission", "STS-41-D pad abort"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    labels = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert "Ended" in labels and "Landing" not in labels
    assert "Kennedy Space Center, pad LC39A" in done.stdout
