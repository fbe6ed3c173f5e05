"""--explain points to counting rules that are installed with the package, not only in a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spacefacts.cli import app
from spacefacts.dataset import builtin_doc

ROOT = Path(__file__).resolve().parents[1]


def test_explain_names_a_file_that_exists() -> None:
    result = CliRunner().invoke(app, ["launches", "2018", "--explain"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("Why sources disagree: "))
    path = Path(line.removeprefix("Why sources disagree: "))
    assert path == builtin_doc("counting.md") and path.is_file()
    assert "Counting rules" in path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_built_wheel_ships_the_counting_rules_and_explain_points_inside_it(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr.strip()[-200:]}")
    wheel = next((tmp_path / "dist").glob("spacefacts-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert "spacefacts/_docs/counting.md" in archive.namelist()
        archive.extractall(site)
    # Run the unpacked wheel, as a non-editable install would, from outside the checkout.
    env = {**os.environ, "PYTHONPATH": str(site), "COLUMNS": "300", "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "spacefacts", "mission", "soyuz-ms-11", "--explain"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("Why sources disagree: "))
    path = Path(line.removeprefix("Why sources disagree: "))
    assert path.is_file() and path.is_relative_to(site), path
