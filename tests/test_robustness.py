"""Hard to break: the user's own data, pipes, locales, narrow terminals, no network, help texts."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spacefacts.cli import app
from tests.overlays import readme_folder

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    return readme_folder(tmp_path / "mine")


def test_own_data_is_layered_on_the_builtin_data(mine: Path) -> None:
    code, out, err = run("--data", str(mine), "mission", "my balloon 1")
    assert code == 0, err
    assert "Ada Pilot" in out
    code, out, _ = run("--data", str(mine), "person", "Ada Pilot")
    assert code == 0 and "My Balloon 1" in out
    assert run("--data", str(mine), "mission", "soyuz-ms-11")[0] == 0  # built-in data still there
    code, _, _ = run("mission", "my-balloon-1", env={"SPACEFACTS_DATA": str(mine)})
    assert code == 0


def test_own_data_validates(mine: Path) -> None:
    code, _, err = run("data", "validate", str(mine))
    assert code == 0, err


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "missions.toml",
            '"my-balloon-1"\nname',
            '"soyuz-ms-11"\nname',
            "clashes with the record of the same id in missions.toml",
        ),
        ("missions.toml", 'kind = "suborbital"', "kind = 3", "field 'kind': expected str, got int"),
        ("missions.toml", "[[mission]]", "[[mission]", ":1: invalid TOML"),
        ("missions.toml", 'person = "my-pilot"', 'person = "nobody"', "field 'crew': no person 'nobody'"),
        (
            "people.toml",
            '["my-balloon-1"]',
            '["no-such-flight"]',
            "field 'flights': no mission 'no-such-flight'",
        ),
        (
            "events.toml",
            'date = "2024-05-01"',
            'date = "2024-02-30"',
            "field 'date': not a valid ISO date-time",
        ),
        (
            "missions.toml",
            'landing = "2024-05-01T12:00Z"',
            'landing = "2023-05-01T12:00Z"',
            "field 'landing'",
        ),
    ],
)
def test_broken_own_data_is_one_line_naming_file_and_field(
    mine: Path, file: str, old: str, new: str, message: str
) -> None:
    path = mine / file
    path.write_text(path.read_text().replace(old, new, 1))
    code, out, err = run("--data", str(mine), "mission", "soyuz-ms-11")
    assert code == 1 and out == ""
    assert err.count("\n") == 1, err
    assert str(path) in err and message in err


def test_missing_data_folder_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("--data", str(tmp_path / "nope"), "mission", "apollo-11")
    assert code == 1
    assert err == f"spacefacts: no data folder at {tmp_path / 'nope'}\n"


# ---- the acceptance inputs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["mission", ""], {1}),
        (["launches", "abc"], {2}),
        (["launches", "99999"], {2}),
        (["person", "\x00\x1b[31m"], {1}),
        (["search", "   "], {2}),
        (["in-space", "--date", "1961-02-30"], {2}),
        (["records", "--as-of", "never"], {2}),
    ],
)
def test_bad_input_is_one_line_and_a_clean_exit(args: list[str], codes: set[int]) -> None:
    code, out, err = run(*args)
    assert code in codes
    assert err.count("\n") == 1 and "Traceback" not in err
    assert out == ""


# ---- a real process: pipes, locales, terminals ---------------------------------------------


def cli(
    args: str, env: dict[str, str] | None = None, shell_tail: str = ""
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "FORCE_COLOR")}
    command = f"{sys.executable} -m spacefacts {args} {shell_tail}"
    return subprocess.run(
        command,
        shell=True,
        executable="/bin/bash",  # so Typer's shell detection sees bash
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_broken_pipe_is_quiet() -> None:
    done = cli("launches 2018 --list", shell_tail="| head -1")
    assert done.returncode == 0  # the shell reports head's status
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_closed_stdout_is_quiet() -> None:
    done = cli("mission soyuz-ms-11", shell_tail=">&-")
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C", "LC_ALL": "C"},
        *(
            pytest.param(env, marks=pytest.mark.acceptance)
            for env in ({"NO_COLOR": "1"}, {"COLUMNS": "40"}, {"TERM": "dumb"})
        ),
    ],
)
def test_odd_environments_work_without_colour_codes(env: dict[str, str]) -> None:
    for args, needle in (
        ("mission soyuz-ms-11", "Kononenko"),
        ("person kononenko", "Kononenko"),
        ("launches 2018 --list", "2018"),
    ):
        done = cli(args, env=env)
        assert done.returncode == 0, done.stderr
        assert "\x1b[" not in done.stdout
        assert needle in done.stdout


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("spacefacts opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for args in (
        ["mission", "soyuz-ms-11"],
        ["person", "anne mcclain", "--json"],
        ["launches", "2018", "--list"],
        ["stats"],
        ["search", "apollo"],
        ["in-space", "--date", "2018-12-04"],
        ["records"],
        ["data", "info"],
    ):
        code, _, err = run(*args)
        assert code == 0, (args, err)


# ---- packaging: help for everything, version, completion ------------------------------------


def all_commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(group, [])
    return paths


def test_every_command_and_option_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for path in all_commands():
        command = group
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        assert (command.help or "").strip(), f"no help for {' '.join(path) or 'spacefacts'}"
        for param in command.params:
            if param.name in ("help", "install_completion", "show_completion"):
                continue
            assert (getattr(param, "help", None) or "").strip(), f"{' '.join(path)}: no help for {param.name}"
        code, out, _ = run(*path, "--help")
        assert code == 0 and "Usage" in out


def test_install_completion_for_bash(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    done = cli("--install-completion", env=env)
    assert done.returncode == 0, done.stderr
    script = (tmp_path / ".bash_completions" / "spacefacts.sh").read_text()
    assert "_SPACEFACTS_COMPLETE" in script
    assert "spacefacts.sh" in (tmp_path / ".bashrc").read_text()


def test_installed_entry_point_works_from_any_directory(tmp_path: Path) -> None:
    exe = shutil.which("spacefacts", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("spacefacts is not installed beside this interpreter")
    done = subprocess.run([exe, "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("spacefacts ")
    done = subprocess.run(
        [exe, "mission", "soyuz-ms-11", "--json"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0 and '"soyuz-ms-11"' in done.stdout
