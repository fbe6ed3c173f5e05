"""Exit codes and the output channel, through the installed console script (issue 14, 1 and 3).

Each case ends with one line on stderr and exit 1, 2 or 130 (or a correct answer), never a
traceback. A full disk is simulated in-process (a stand-in stdout that raises ENOSPC); no test
writes to a device.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spacefacts import entry
from spacefacts.errors import ExitCode

SPACEFACTS = str(Path(sys.executable).with_name("spacefacts"))


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    # Decode as the child was told to encode (PYTHONIOENCODING), so a latin-1 "ä" reads back as "ä".
    encoding = env.get("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [SPACEFACTS, *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        encoding=encoding,
        timeout=120,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_exit_codes_are_the_documented_ones() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 130]


@pytest.mark.parametrize(
    "args",
    [
        ("mission", "soyuz-ms-11", "--json"),
        ("in-space",),  # now is past the data's end: its note must not come before the error as well
    ],
)
def test_closed_stdout_is_one_line_and_exit_1(args: tuple[str, ...]) -> None:
    done = subprocess.run(
        [SPACEFACTS, *args],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),  # the shell's >&-
        timeout=120,
    )
    assert done.returncode == 1
    assert one_line(done.stderr) == "spacefacts: cannot write the output: standard output is closed"


class FullDisk:
    """A stdout on a full disk: every write fails with ENOSPC."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    "args",
    [["mission", "soyuz-ms-11", "--json"], ["mission", "soyuz-ms-11"], ["today", "--motd"], ["--help"]],
)
def test_a_full_disk_is_one_line_and_exit_1(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", FullDisk())
    with pytest.raises(SystemExit) as stopped:
        entry.main(args)
    assert stopped.value.code == 1
    assert one_line(capsys.readouterr().err) == "spacefacts: cannot write the output: No space left on device"


@pytest.mark.parametrize("encoding", ["ascii", pytest.param("latin-1", marks=pytest.mark.acceptance)])
@pytest.mark.parametrize(
    "args", [["person", "kononenko"], ["records"], ["search", "saint-jacques", "--json"]]
)
def test_a_narrow_encoding_gets_a_readable_answer(encoding: str, args: list[str]) -> None:
    done = run([*args, "--as-of", "2020-01-01"] if args == ["records"] else args, PYTHONIOENCODING=encoding)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.strip()
    if "--json" in args:
        assert json.loads(done.stdout)  # still valid JSON: \u escapes


def test_columns_zero_is_not_a_silent_empty_success() -> None:
    done = run(["launches", "2018"], COLUMNS="0")
    assert done.returncode == 0, done.stderr
    assert "2018" in done.stdout


def test_usage_errors_are_one_line_and_exit_2() -> None:
    for args in (["launches", "²⁰¹⁸"], ["today", "--date", "--json", "01-27"], ["mission"]):
        done = run(args)
        assert done.returncode == 2, args
        assert one_line(done.stderr).startswith("spacefacts: "), args


class ClosedPipe(FullDisk):
    """A pipe whose reader went away (`| head`); in-process, as this sandbox's pipes never say so."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def test_a_closed_pipe_ends_quietly_with_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(SystemExit) as stopped:
        entry.main(["launches", "2018", "--list", "--json"])
    assert stopped.value.code == 1
    assert capsys.readouterr().err == ""


def cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the child's progress")
def test_ctrl_c_while_loading_is_exit_130_without_a_traceback() -> None:
    """SIGINT once the child has spent 60 ms of CPU: past start-up, inside the cold load (no cache)."""
    child = subprocess.Popen(
        [SPACEFACTS, "records", "--json"],
        env={**os.environ, "SPACEFACTS_NO_CACHE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C's default action, whatever this test run inherited: a run started in the
        # background of a non-interactive shell has SIGINT ignored, and so would the child.
        preexec_fn=_default_sigint,
    )
    while child.poll() is None and cpu_ms(child.pid) < 60:
        time.sleep(0.002)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert one_line(err) == "spacefacts: interrupted"
    assert out == ""
