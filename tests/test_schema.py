"""data validate reports the files, tables and fields the loader would ignore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts import schema
from spacefacts.dataset import builtin_data_dir


@pytest.mark.acceptance
def test_the_built_in_data_uses_only_known_names() -> None:
    # A new file or field in the build belongs in spacefacts/schema.py too.
    assert schema.unknown_names(builtin_data_dir()) == []


def test_unknown_tables_fields_and_files_with_the_nearest_name(tmp_path: Path) -> None:
    (tmp_path / "events.toml").write_text(
        '[[event]]\nid = "e"\ntitle = "T"\ndate = "2000-01-01"\ncategory = "launch"\nsorce = "x"\nsrc = "y"\n'
    )
    (tmp_path / "people.toml").write_text(
        '[[person]]\nid = "p"\nevas = [{ start = "2000-01-01", durtion_min = 3 }]\n[metadata]\nx = 1\n'
    )
    (tmp_path / "mission.toml").write_text("")
    assert schema.unknown_names(tmp_path) == [
        f"{tmp_path / 'events.toml'}: record e: unknown field 'sorce'; did you mean 'source'?",
        f"{tmp_path / 'mission.toml'}: unknown file 'mission.toml'; did you mean 'missions.toml'?",
        f"{tmp_path / 'people.toml'}: record p: field 'evas': unknown field 'durtion_min'; did you mean 'duration_min'?",
        f"{tmp_path / 'people.toml'}: unknown table 'metadata'; did you mean 'meta'?",
    ]


def test_installed_script_refuses_a_file_of_missions_tables(tmp_path: Path) -> None:
    (tmp_path / "missions.toml").write_text('[[missions]]\nid = "my-flight"\nname = "My Flight"\n')
    script = Path(sys.executable).with_name("spacefacts")
    done = subprocess.run(
        [script, "data", "validate", str(tmp_path)], capture_output=True, text=True, env=os.environ
    )
    assert done.returncode == 1
    assert "unknown table 'missions'; did you mean 'mission'?" in done.stdout + done.stderr
    assert "data is valid" not in done.stderr
