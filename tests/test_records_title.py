"""The records table says when the crew data ends where the as-of date is later (through the installed script)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SPACEFACTS = str(Path(sys.executable).with_name("spacefacts"))


def run(*argv: str, home: Path) -> str:
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "COLUMNS": "120"}
    done = subprocess.run([SPACEFACTS, *argv], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_records_title_names_the_data_end(tmp_path: Path) -> None:
    later = run("records", "--as-of", "2026-12-01", home=tmp_path)
    assert later.splitlines()[0].startswith("Records as of 2026-12-01 (crew data ends 2026-07-03;"), later
    earlier = run("records", "--as-of", "1970-01-01", home=tmp_path)
    assert "crew data ends" not in earlier.splitlines()[0], earlier
