"""Importing a newer GCAT launch log, resetting, and atomic user files."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spacefacts import userdata
from spacefacts.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def count(year: str) -> int:
    code, out, err = run("launches", year, "--json")
    assert code == 0, err
    return int(json.loads(out)["orbital_launch_attempts"])


@pytest.fixture
def log(sources: Path) -> Path:
    return sources / "gcat" / "launchlog.tsv"


@pytest.mark.acceptance
def test_import_with_rows_removed_and_added_then_reset(log: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(log.read_bytes()).hexdigest()
    lines = log.read_text().splitlines(keepends=True)
    removed = tmp_path / "removed.tsv"
    removed.write_text("".join(line for line in lines if not line.startswith("2018-098 ")))
    code, _, err = run("data", "import-gcat", str(removed))
    assert code == 0, err
    assert count("2018") == 113
    assert count("2026") == 236  # outside the imported file's range: the built-in launches stay
    assert "your import" in run("data", "info")[1]

    added = tmp_path / "added.tsv"
    extra = next(line for line in lines if line.startswith("2018-098 ")).replace("2018-098 ", "2018-F99 ", 1)
    added.write_text("".join(lines) + extra.replace("2018-098A", "2018-F99A"))
    assert run("data", "import-gcat", str(added))[0] == 0
    assert count("2018") == 115

    assert run("data", "reset")[0] == 0  # undoes the last import only: the first one is back
    assert count("2018") == 113
    assert run("data", "reset")[0] == 0
    assert count("2018") == 114
    assert hashlib.sha256(log.read_bytes()).hexdigest() == before  # the source is never modified


def test_truncated_file_is_refused_and_changes_nothing(log: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.tsv"
    cut.write_bytes(log.read_bytes()[: len(log.read_bytes()) // 2])
    code, out, err = run("data", "import-gcat", str(cut))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "refused" in err
    assert userdata.imported_launches() is None
    assert count("2018") == 114


def test_not_a_launch_log_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "x.tsv"
    other.write_text("a\tb\n1\t2\n")
    code, _, err = run("data", "import-gcat", str(other))
    assert code == 1 and "not a GCAT launch log" in err


def test_missing_file_is_a_usage_error() -> None:
    code, _, err = run("data", "import-gcat", "/no/such.tsv")
    assert code == 2 and err.strip() == "spacefacts: no file at /no/such.tsv"


WRITER = """
import sys
from pathlib import Path
from spacefacts.userdata import atomic_write_text
path = Path(sys.argv[1])
for i in range(100000):
    atomic_write_text(path, (str(i % 10) * 200_000) + "\\n")
"""


def test_a_killed_writer_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "state.txt"
    target.write_text("x" * 200_000 + "\n")
    for delay in (0.05, 0.13, 0.21, 0.34):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], cwd=Path(__file__).parents[1])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        text = target.read_text()
        assert len(text) == 200_001 and len(set(text[:-1])) == 1, "torn file"
    assert not [p for p in tmp_path.iterdir() if p.name != "state.txt" and not p.name.startswith(".state")]
    userdata.atomic_write_text(target, "after\n")  # the next write sweeps what the killed writers left
    assert [p.name for p in tmp_path.iterdir()] == ["state.txt"]
