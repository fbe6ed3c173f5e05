"""Fuzzing: random input to every command, and random damage to a user's data folder.

Marked slow (about a minute); CI runs them. Example counts: FUZZ_EXAMPLES per command below
(10,400 in all) and MUTATIONS damaged folders.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spacefacts import dataset, validate
from spacefacts.cli import app

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("typer_command_once")]
runner = CliRunner()


FUZZ_EXAMPLES = 1300
MUTATIONS = 1000
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)

texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=3000),
    st.sampled_from(["", " ", "-", "--json", "soyuz-ms-11", "2018-098", "\x00", "\x1b[31m", "'", "\n"]),
    st.integers(-(10**12), 10**12).map(str),
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%m-%d")),
)


def check(args: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.stdout + result.stderr, args
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}")
    if result.exit_code != 0 and args:  # no arguments at all prints the help, on purpose
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("spacefacts: "), (args, result.stderr)


@FUZZ
@given(text=texts, json=st.booleans())
def test_fuzz_mission(text: str, json: bool) -> None:
    check(["mission", text, *(["--json"] if json else [])])


@FUZZ
@given(text=texts)
def test_fuzz_crew_and_person(text: str) -> None:
    check(["crew", text])
    check(["person", text, "--json"])


@FUZZ
@given(text=texts)
def test_fuzz_search(text: str) -> None:
    check(["search", text, "--json"])


@FUZZ
@given(year=texts, flag=st.sampled_from([[], ["--list"], ["--explain"], ["--country"], ["--outcome", "x"]]))
def test_fuzz_launches(year: str, flag: list[str]) -> None:
    check(["launches", year, *flag])


@FUZZ
@given(year=st.integers(-100, 12000), country=texts, vehicle=texts)
def test_fuzz_launch_filters(year: int, country: str, vehicle: str) -> None:
    check(["launches", str(year), "--list", "--country", country, "--vehicle", vehicle, "--json"])


@FUZZ
@given(text=texts)
def test_fuzz_dates(text: str) -> None:
    check(["in-space", "--date", text, "--json"])
    check(["records", "--as-of", text, "--json"])


@FUZZ
@given(text=texts, days=st.integers(-5, 400))
def test_fuzz_today(text: str, days: int) -> None:
    check(["today", "--date", text, "--days", str(days), "--json"])


@FUZZ
@given(args=st.lists(texts, max_size=4))
def test_fuzz_anything(args: list[str]) -> None:
    check(args)


# ---- random damage to a user's own data folder ----------------------------------------------

GOOD = {
    "missions.toml": """[[mission]]
id = "my-balloon-1"
name = "My Balloon 1"
aliases = ["MB1"]
kind = "suborbital"
outcome = "success"
launch = "2024-05-01T10:00Z"
landing = "2024-05-01T12:00Z"
crew = [{ person = "my-pilot", role = "CDR" }, { person = "anne-mcclain", role = "MS" }]
src = "my notebook"
""",
    "people.toml": """[[person]]
id = "my-pilot"
name = "Ada Pilot"
born = "1990-02-03"
flights = ["my-balloon-1"]
evas = [{ start = "2024-05-01T11:00Z", duration_min = 5, src = "my notebook" }]
returns = [{ mission = "my-balloon-1", landing = "2024-05-01T12:00Z", src = "my notebook" }]
src = "my notebook"
""",
    "events.toml": """[[event]]
id = "2024-05-01-my-balloon-lands"
date = "2024-05-01"
title = "My Balloon 1 lands"
category = "landing"
mission = "my-balloon-1"
source = "my notebook"
src = "my notebook"
""",
}
VALUES = ["1", "true", "[]", "{}", '""', "[1, 2]", '"x"']
JUNK = ['"', "'", "[", "]", "{", "}", "=", ",", "\n", "#", "1", "true", "2024-13-45", "\x00", "é", " ", "[["]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    what = rng.randrange(7)
    i = rng.randrange(len(text) + 1)
    if what == 0:  # delete a span
        return text[:i] + text[i + rng.randrange(1, 20) :]
    if what == 1:  # insert junk
        return text[:i] + rng.choice(JUNK) + text[i:]
    if what == 2:  # duplicate a line
        k = rng.randrange(len(lines))
        return "".join([*lines[: k + 1], lines[k], *lines[k + 1 :]])
    if what == 3:  # drop a line
        k = rng.randrange(len(lines))
        return "".join(lines[:k] + lines[k + 1 :])
    if what == 4:  # change a value's type
        k = rng.randrange(len(lines))
        if " = " in lines[k]:
            key = lines[k].split(" = ")[0]
            lines[k] = f"{key} = {rng.choice(VALUES)}\n"
        return "".join(lines)
    if what == 5:  # swap two lines
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return "".join(lines)
    return text[: rng.randrange(len(text))]  # truncate


def test_damaged_user_data_gives_a_clean_error_or_a_clean_load(tmp_path: Path) -> None:
    base = dataset.Dataset().load_all()
    shared = (
        "_launch_doc",
        "_mission_doc",
        "_people_doc",
        "sites",
        "launches",
        "launch_by_tag",
        "launches_by_year",
    )
    rng = random.Random(20261126)
    outcomes = {"clean": 0, "error": 0}
    for n in range(MUTATIONS):
        folder = tmp_path / f"m{n}"
        folder.mkdir()
        for name, text in GOOD.items():
            (folder / name).write_text(text)
        victim = rng.choice(list(GOOD))
        (folder / victim).write_text(mutate(GOOD[victim], rng), encoding="utf-8")
        ds = dataset.Dataset(extra=[folder])
        ds.__dict__.update({name: base.__dict__[name] for name in shared})
        problems = validate.check(ds, only_user=True)  # must not raise
        assert all(isinstance(p, str) and "\n" not in p and p for p in problems)
        if problems:
            assert any(str(folder) in p for p in problems) or "missions.toml" in problems[0], problems
        outcomes["error" if problems else "clean"] += 1
        shutil.rmtree(folder)
    assert outcomes["error"] > MUTATIONS // 4 and outcomes["clean"] > 0, outcomes
