"""Start-up hygiene and the dataset cache: what is imported, what is parsed, what is trusted.

No timings here (they live in benchmarks/); these assert the mechanisms the speed rests on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts import cache, dataset
from tests.shared_data import builtin_dataset

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def warm_home() -> Path:
    """The test's user folder, whose cache the conftest made warm (test_a_warm_cache_parses_no_toml
    shows a first run writing it)."""
    return Path(os.environ["SPACEFACTS_HOME"])


def python(code: str, home: Path) -> str:
    env = {**os.environ, "SPACEFACTS_HOME": str(home)}
    env.pop("SPACEFACTS_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_the_cli_loads_neither_typer_nor_rich_nor_tomli(tmp_path: Path) -> None:
    out = python(
        "import sys, spacefacts.cli\n"
        "print(sorted(m for m in ('rich', 'tomli', 'typer', 'pydantic') "
        "if m in sys.modules and type(sys.modules[m]).__name__ != '_LazyModule'))",
        tmp_path,
    )
    assert out.strip() == "[]"


FAST_IMPORTS = (
    "import sys, io, contextlib\n"
    "from spacefacts import fastpath\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    assert fastpath.run({args!r}) == 0\n"
    "print(*(m in sys.modules and type(sys.modules[m]).__name__ != '_LazyModule' "
    "for m in ('typer', 'pydantic', 'rich', 'tomli')))\n"
)


@pytest.mark.parametrize(
    ("args", "rich"),
    [
        (["mission", "soyuz-ms-11", "--json"], False),
        (["mission", "soyuz-ms-11", "--explain", "--json"], False),
        (["today", "--date", "01-27", "--motd"], False),
        (["launches", "2018", "--list", "--country", "US"], True),
    ],
)
def test_the_fast_path_imports_neither_typer_nor_pydantic(
    warm_home: Path, args: list[str], rich: bool
) -> None:
    typer, pydantic, imported_rich, tomli = python(FAST_IMPORTS.format(args=args), warm_home).split()
    assert tomli == "False"  # a warm cache
    assert (typer, pydantic, imported_rich) == ("False", "False", str(rich))


def test_a_warm_cache_parses_no_toml(tmp_path: Path) -> None:
    code = FAST_IMPORTS.format(args=["today", "--date", "01-27", "--json"])
    # The first run takes the dataset and the day calendar from the shipped store (data/prebuilt.store)
    # and writes them to the user cache; later runs read only the cache. Neither parses TOML.
    assert python(code, tmp_path).split()[-1] == "False"
    assert sorted(p.name for p in tmp_path.rglob("*.cache")) == ["dataset.cache", "today.cache"]
    assert python(code, tmp_path).split()[-1] == "False"


def test_completion_reads_no_toml(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from spacefacts.cli import complete_mission\n"
        "print(complete_mission('soyuz-ms-1')[:2], 'tomli' in sys.modules)\n"
    )
    assert python(code, tmp_path).strip() == "['soyuz-ms-10', 'soyuz-ms-11'] False"


def test_completion_lists_hold_every_mission_person_and_launch_year(ds: dataset.Dataset) -> None:
    folder = dataset.builtin_data_dir()
    ids = (folder / "mission-ids.txt").read_text().split()
    missions = [m.id for m in ds.missions]
    assert ids[: len(missions)] == missions
    assert ids[len(missions) :] and "voyager-2" in ids[len(missions) :]  # then the famous payloads
    assert (folder / "person-ids.txt").read_text().split() == [p.id for p in ds.people]
    years = sorted({str(x.date.year) for x in ds.launches})
    assert (folder / "launch-years.txt").read_text().split() == years


def corrupt(path: Path, how: str) -> None:
    raw = path.read_bytes()
    header, payload = raw.split(b"\n", 1)
    if how == "garbage":
        path.write_bytes(b"\x00\x01 not a cache at all")
    elif how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "tampered":  # the header still claims the old hash
        path.write_bytes(header + b"\n" + payload[:-10] + b"0123456789")
    elif how == "foreign":  # a valid file, but for other data files
        magic, version, _key, digest = header.split(b" ")
        path.write_bytes(b" ".join([magic, version, b"0" * 64, digest]) + b"\n" + payload)


@pytest.mark.parametrize(
    "how",
    [
        "garbage",
        "foreign",
        pytest.param("truncated", marks=pytest.mark.acceptance),
        pytest.param("tampered", marks=pytest.mark.acceptance),
    ],
)
def test_a_bad_cache_is_detected_and_rebuilt(tmp_path: Path, warm_user_cache: Path, how: str) -> None:
    (tmp_path / cache.FILE).write_bytes((warm_user_cache / cache.FILE).read_bytes())  # a copy: changed below
    fresh = cache.load(dataset.Dataset(), tmp_path)
    assert fresh.stored  # read from the cache
    expected = (fresh.launch_by_tag["2018-098"], fresh.mission_by_id["soyuz-ms-11"], len(fresh.people))
    corrupt(tmp_path / cache.FILE, how)
    assert cache._read(tmp_path / cache.FILE, cache.key(dataset.Dataset())) is None  # not trusted
    again = cache.load(dataset.Dataset(), tmp_path)
    assert (
        again.launch_by_tag["2018-098"],
        again.mission_by_id["soyuz-ms-11"],
        len(again.people),
    ) == expected
    assert cache._read(tmp_path / cache.FILE, cache.key(dataset.Dataset())) is not None  # rewritten


def test_the_cache_holds_exactly_what_the_toml_holds(tmp_path: Path, warm_user_cache: Path) -> None:
    parsed = builtin_dataset()  # parsed from the TOML
    (tmp_path / cache.FILE).write_bytes((warm_user_cache / cache.FILE).read_bytes())  # as a command wrote it
    cached = cache.load(dataset.Dataset(), tmp_path)
    assert cached.stored  # really from the cache
    for name in ("launches", "missions", "people", "events", "sites", "mission_keys", "person_keys", "metas"):
        assert getattr(cached, name) == getattr(parsed, name), name
    assert dict(cached.launches_by_year.items()) == dict(parsed.launches_by_year.items())


def test_editing_a_data_file_invalidates_the_cache(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(dataset.builtin_data_dir(), data)
    first = cache.key(dataset.Dataset(data))
    events = data / "events.toml"
    events.write_text(events.read_text() + "\n")
    assert cache.key(dataset.Dataset(data)) != first


def test_json_output_is_identical_with_and_without_cache() -> None:
    env = dict(os.environ)  # the test's user folder, its cache warm
    cmd = [sys.executable, "-m", "spacefacts", "mission", "apollo-11", "--json"]
    runs = [subprocess.run(cmd, env=env, capture_output=True, text=True).stdout for _ in range(2)]
    env["SPACEFACTS_NO_CACHE"] = "1"
    runs.append(subprocess.run(cmd, env=env, capture_output=True, text=True).stdout)
    assert runs[0] == runs[1] == runs[2]
    assert json.loads(runs[0])["id"] == "apollo-11"


@pytest.mark.parametrize(
    ("words", "cword"),
    [
        ("spacefacts mission soyuz-ms-1", "2"),
        ("spacefacts crew apollo", "2"),
        ("spacefacts mission ", "2"),
        ("spacefacts person anne", "2"),
        ("spacefacts launches 196", "2"),
        ("spacefacts launches --list 201", "3"),
        ("spacefacts today --category e", "3"),
        ("spacefacts today --json --category ", "4"),
        ("spacefacts quiz --category tr", "3"),
    ],
)
def test_fast_completion_prints_what_typer_prints(
    words: str, cword: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process (the subprocess test above shows completion reads no TOML): the fast answer,
    then the Typer app's answer to the same request."""
    from spacefacts import completion
    from spacefacts.cli import app

    monkeypatch.setenv("_SPACEFACTS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", cword)
    capsys.readouterr()
    assert completion.run() == 0  # answered without Typer
    fast = capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        app(prog_name="spacefacts")
    assert done.value.code in (0, None)
    full = capsys.readouterr().out
    assert fast == full and fast.strip()
