"""On this day for all spaceflight: uncrewed landmarks, categories, and firsts on stable identities."""

from __future__ import annotations

import re
from datetime import date

import pytest

from spacefacts import payloads, today
from spacefacts.dataset import Dataset
from spacefacts.today import landmarks

WHEN = date(2026, 6, 1)


def rows_of(ds: Dataset, day: str, category: str | None = None) -> list[today.Anniversary]:
    return today.on_this_day(ds, WHEN, day, category=category, limit=None, up_to_date=False).rows


@pytest.mark.parametrize(
    ("day", "year", "words"),
    [
        ("12-25", 2021, "James Webb Space Telescope"),
        ("01-03", 2019, "Chang'e 4 lands on the Moon"),
        ("11-03", 1957, "Laika"),
        ("11-20", 1998, "Zarya"),
        ("03-23", 2001, "Mir re-enters"),
        ("01-25", 2004, "Opportunity"),
        ("01-24", 1986, "Voyager 2 flies by Uranus"),
        ("10-04", 1957, "Sputnik 1"),
        ("07-11", 1979, "Skylab re-enters"),
    ],
)
def test_landmark_days(ds: Dataset, day: str, year: int, words: str) -> None:
    assert any(r.year == year and words in r.text for r in rows_of(ds, day)), day


@pytest.mark.parametrize(
    ("day", "category", "year", "words"),
    [
        ("04-12", "launch", 1961, "Vostok 1"),
        ("04-12", "launch", 1981, "STS-1"),
        ("06-16", "first", 1963, "Tereshkova"),
        ("12-25", "launch", 2021, "James Webb"),
        ("11-20", "launch", 1998, "Zarya"),
        ("11-03", "first", 1957, "Laika"),
        ("11-03", "launch", 1957, "Sputnik 2"),
        ("01-03", "first", 2019, "far side"),
        ("01-03", "planetary", 2019, "Chang'e 4"),
        ("01-24", "first", 1986, "Uranus"),
        ("01-25", "planetary", 2004, "Opportunity"),
        ("03-23", "planetary", 2001, "Mir"),
        ("10-04", "first", 1957, "the first artificial satellite"),
        ("04-26", "first", 1962, "the first satellite of the United Kingdom"),
        ("09-24", "first", 1970, "the first robotic sample return from the Moon"),
        ("11-17", "first", 1970, "the first rover on another world"),
        ("01-27", "accident", 1967, "Apollo 1 fire"),
        ("07-16", "crewed", 1969, "Apollo 11"),
    ],
)
def test_each_category_keeps_its_headline(
    ds: Dataset, day: str, category: str, year: int, words: str
) -> None:
    rows = rows_of(ds, day, category)
    assert any(r.year == year and words in r.text for r in rows), [r.text for r in rows]
    assert all(category in landmarks.categories(r) for r in rows)


def _site_identity(ds: Dataset, code: str) -> str:
    site = ds.sites.get(code)
    return site.identity if site else code


def test_no_first_comes_from_a_rename_or_a_new_state_code(ds: Dataset) -> None:
    """Every first of the calendar, checked against GCAT's site and state identities (UCode)."""
    states = {code: ucode for code, (_, ucode) in ds.launch_meta["states"].items()}
    assert states["RU"] == "SU" and _site_identity(ds, "GIK-5") == _site_identity(ds, "NIIP-5")
    assert _site_identity(ds, "VSFB") == _site_identity(ds, "V")
    earth = sorted((x for x in ds.launches if x.earth), key=lambda x: x.date.iso)
    book = today.calendar_of(ds).rows
    seen_notes = 0
    for day in today.CALENDAR_DAYS:
        for row in book.get(day, []):
            if not row.launch_tag:
                continue
            launch = ds.launch_by_tag[row.launch_tag]
            earlier = [x for x in earth if x.date.iso < launch.date.iso]
            for note in row.notes:
                if note.startswith("the first orbital launch from "):
                    seen_notes += 1
                    site = _site_identity(ds, launch.site)
                    assert not [x for x in earlier if _site_identity(ds, x.site) == site], (row.text, note)
                if re.match(r"the first (successful )?orbital launch (attempt )?by ", note):
                    seen_notes += 1
                    state = states.get(launch.state, launch.state)
                    pool = [x for x in earlier if states.get(x.state, x.state) == state]
                    if "successful" in note:
                        pool = [x for x in pool if x.success]
                    assert not pool, (row.text, note)
                if note.startswith("the first satellite of "):
                    seen_notes += 1
                    assert launch.state != "RU" or "Russia" not in note
    assert seen_notes > 100
    texts = [r.text for day in book.values() for r in day]
    assert not [t for t in texts if "the first orbital launch by Russia" in t]
    assert not [t for t in texts if "the first satellite of Russia" in t]
    baikonur = [
        t for day in book.values() for r in day if r.year == 1989 for t in [r.text] if "from Baikonur" in t
    ]
    assert not baikonur
    vandenberg = [
        r.text for day in book.values() for r in day if r.year == 2021 and "from Vandenberg" in r.text
    ]
    assert not vandenberg


def test_no_two_rows_of_a_day_tell_the_same_happening(ds: Dataset) -> None:
    book = today.calendar_of(ds).rows
    for day in today.CALENDAR_DAYS:
        keys = [k for r in book.get(day, []) if (k := landmarks.happening(r)) is not None]
        assert len(keys) == len(set(keys)), (day, [k for k in keys if keys.count(k) > 1])
        tags = [r.launch_tag for r in book.get(day, []) if r.launch_tag]
        assert len(tags) == len(set(tags)), day
    may14 = [r.text for r in book["05-14"] if "Tianwen-1" in r.text]
    jan1 = [r.text for r in book["01-01"] if "New Horizons" in r.text]
    assert len(may14) == 1 and len(jan1) == 1, (may14, jan1)


def test_first_satellites_recomputed_from_the_payload_rows(ds: Dataset) -> None:
    """Each nation's first satellite: the earliest payload of its state (by UCode) on a launch that succeeded."""
    states = {code: ucode for code, (_, ucode) in ds.launch_meta["states"].items()}
    first: dict[str, tuple[str, str]] = {}
    for row in payloads.payloads_of(ds).rows:
        launch = ds.launch_by_tag.get(row.launch)
        code = row.state.rstrip("?")
        state = states.get(code, code)
        if not code or state.startswith("I-") or launch is None or not launch.success or not launch.earth:
            continue
        if state not in first or launch.date.iso < first[state][0]:
            first[state] = (launch.date.iso, launch.tag)
    listed = {
        r.key.removeprefix("first-satellite-"): r.launch_tag
        for r in landmarks.rows(ds)
        if r.kind == "first satellite"
    }
    dated = {s: tag for s, (iso, tag) in first.items() if len(iso) >= 10}
    assert listed == dated
    assert listed["SU"] == "1957 ALP" and "RU" not in listed and listed["UK"] == "1962 OMI"


def test_the_rule_is_stated(ds: Dataset) -> None:
    result = today.on_this_day(ds, WHEN, "12-25")
    assert "Other satellites are counted, not listed" in result.rule
    assert "UCode" in result.rule
