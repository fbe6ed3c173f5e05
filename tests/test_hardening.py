"""Issue 14's attacks, through the installed `spacefacts` console script and the real entry point.

Each attack gives a correct answer or one line on stderr with exit 1 or 2, never a traceback.
Subprocess calls are kept few (each costs a Python start-up); the cases that only differ in data
run in-process through `spacefacts.entry.main`, the function the console script calls.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacefacts import cache, dataset, entry, importer, userdata
from spacefacts.errors import DataError
from spacefacts.render import text, visible
from tests.overlays import HOSTILE, hostile_folder, readme_folder

EXE = Path(sys.executable).with_name("spacefacts")
LAUNCHLOG_2025 = "launchlog-2025-2026.tsv"

FORBIDDEN = ("\x1b", "\x9b", "\x07", "\x7f", "\u202e")


def hostile_overlay(folder: Path, value: str = HOSTILE) -> Path:
    """A user folder with `value` in every text field a command shows (ids stay plain slugs)."""
    return hostile_folder(folder, value)


def sf(
    *args: str, env: dict[str, str | None] | None = None, stdin: int | None = subprocess.DEVNULL
) -> tuple[int, str, str]:
    """Run the installed console script; (exit code, stdout, stderr) decoded leniently.
    A None in `env` removes that variable."""
    if not EXE.exists():
        pytest.skip(f"the spacefacts console script is not installed at {EXE}")
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    merged = {**base, "COLUMNS": "400", **(env or {})}
    done = subprocess.run(
        [str(EXE), *args],
        env={k: v for k, v in merged.items() if v is not None},
        stdin=stdin,
        capture_output=True,
        timeout=120,
    )
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err, (args, err)
    return done.returncode, out, err


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    """Run `spacefacts.entry.main` in-process, as the console script does."""
    monkeypatch.setattr(sys, "argv", ["spacefacts", *argv])
    capsys.readouterr()
    try:
        entry.main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, (argv, err)
    return code, out, err


def one_error_line(err: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("spacefacts: "), err


def inert(output: str) -> None:
    for char in FORBIDDEN:
        assert char not in output, (repr(char), output[:2000])


# ---- 2. markup and terminal escapes ------------------------------------------------------------


@settings(max_examples=500)
@given(st.text() | st.text(alphabet="\\[]/ab=@#:\x1b\x9b", max_size=30))
def test_text_is_shown_exactly_as_visible(value: str) -> None:
    from rich.text import Text

    assert visible(value).isprintable()
    for markup, plain in (
        (text(value), visible(value)),
        (f"[dim]({text(value)})[/dim]", f"({visible(value)})"),
        (f"[bold]{text(value)}[/bold]{text(value)}", visible(value) * 2),
    ):
        assert Text.from_markup(markup, emoji=False).plain == plain


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home and a hostile folder shared by the in-process tests: the dataset is parsed once."""
    root = tmp_path_factory.mktemp("shared")
    hostile_overlay(root / "evil")
    return root


@pytest.fixture
def evil(shared: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPACEFACTS_HOME", str(shared / "home"))
    return shared / "evil"


EVERY_COMMAND = [
    ["mission", "evil-1"],
    ["mission", "evil-1", "--json"],
    ["mission", "evil-1", "--explain"],
    ["crew", "evil-1"],
    ["person", "evil-pilot"],
    ["person", "evil-pilot", "--json"],
    ["search", "pwned"],
    ["search", "X"],
    ["in-space", "--date", "2024-05-03"],
    ["in-space", "--date", "2024-05-03", "--json"],
    ["today", "--date", "2024-05-01"],
    ["today", "--date", "2024-05-01", "--json"],
    ["today", "--date", "2024-05-01", "--motd"],
    ["today", "--date", "2024-05-01", "--days", "3", "--limit", "0"],
    ["launches", "2024", "--list"],
    ["records", "--as-of", "2024-05-05"],
    ["records", "--as-of", "2024-05-05", "--json"],
    ["quiz", "--json", "-n", "60", "--seed", "7"],
    ["data", "info"],
]


@pytest.mark.parametrize("argv", EVERY_COMMAND, ids=" ".join)
def test_hostile_data_reaches_the_terminal_as_text(
    argv: list[str], evil: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    code, out, err = run(["--data", str(evil), *argv], capsys, monkeypatch)
    assert code == 0, err
    inert(out + err)
    if (argv[0] in ("mission", "crew", "person", "search") and len(argv) == 2) or argv[0] == "in-space":
        assert "[link=http://evil.example]" in out  # shown as written, not made a link
    if "--motd" in argv:
        assert "X[/][link=http://evil.example]" in out and "\\x1b]0;pwned" in out


def test_hostile_data_validate_and_arguments(
    evil: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = hostile_overlay(evil.parent / "broken")
    (broken / "people.toml").write_text(
        (broken / "people.toml").read_text().replace('flights = ["evil-1"]', 'flights = ["evil-1\\u001b[2J"]')
    )
    code, out, err = run(["data", "validate", str(broken)], capsys, monkeypatch)
    assert code == 1 and "evil-1\\x1b[2J" in out
    inert(out + err)
    for argv in (
        ["search", "soyuz [/]"],
        ["search", "soyuz [red]"],
        ["launches", "2018", "--list", "--country", "[/]"],
        ["mission", HOSTILE],
        ["person", HOSTILE, "--json"],
        ["today", "--date", HOSTILE],
    ):
        code, out, err = run(argv, capsys, monkeypatch)
        assert code in (0, 1, 2), (argv, err)
        inert(out + err)
        if code:
            one_error_line(err)
    code, out, _ = run(["search", "soyuz [red]"], capsys, monkeypatch)
    assert code == 1 or "soyuz [red]" in out


@pytest.mark.acceptance
def test_hostile_data_through_the_console_script(evil: Path) -> None:
    for argv in (
        ["mission", "evil-1"],
        ["today", "--date", "2024-05-01", "--motd"],
        ["search", "pwned", "--json"],
    ):
        code, out, err = sf("--data", str(evil), *argv)
        assert code == 0, err
        inert(out + err)
    code, out, err = sf("search", "soyuz [/]")
    assert code == 0 and "Matches for 'soyuz [/]'" in out  # the brackets are text, not markup
    code, out, err = sf("launches", "2018", "--list", "--country", "[/]")
    assert code in (0, 1, 2) and "MarkupError" not in err and "[/]" in err + out


# ---- 4. data import-gcat -------------------------------------------------------------------


def damaged_log(sources: Path, tmp_path: Path, column: str, value: str, name: str = "bad.tsv") -> Path:
    lines = (sources / "gcat" / LAUNCHLOG_2025).read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].lstrip("#").rstrip("\n").split("\t")
    data_rows = [n for n, line in enumerate(lines) if not line.startswith("#")]
    k = data_rows[10]
    fields = lines[k].rstrip("\n").split("\t")
    fields[header.index(column)] = value
    lines[k] = "\t".join(fields) + "\n"
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.acceptance
@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("Launch_Date", "2025 Feb 30 1200", "is not a real date and time"),
        ("Launch_Date", "2025 Mar  3 2561", "is not a real date and time"),
        ("Launch_Code", "", "Launch_Code"),
        ("Launch_Tag", "", "empty Launch_Tag"),
        ("Name", "Evil\x1b]0;x\x07", "Name holds a control character"),
        ("LV_Type", "Falcon\x9b9", "LV_Type holds a control character"),
    ],
)
def test_a_bad_row_refuses_the_whole_file_and_keeps_the_last_import(
    sources: Path, tmp_path: Path, column: str, value: str, message: str
) -> None:
    good = tmp_path / "good.tsv"
    good.write_bytes((sources / "gcat" / LAUNCHLOG_2025).read_bytes())
    importer.import_gcat(good, dataset.builtin_data_dir())
    installed = userdata.data_dir() / userdata.IMPORTED_LAUNCHES
    before = installed.read_bytes()
    bad = damaged_log(sources, tmp_path, column, value)
    with pytest.raises(DataError) as caught:
        importer.import_gcat(bad, dataset.builtin_data_dir())
    assert message in str(caught.value) and "bad.tsv:13" in str(caught.value)
    assert installed.read_bytes() == before
    assert not list((userdata.data_dir() / importer.EARLIER).glob("*"))  # nothing was replaced


def test_import_gcat_through_the_console_script(sources: Path, tmp_path: Path) -> None:
    bad = damaged_log(sources, tmp_path, "Launch_Date", "2025 Feb 30 1200")
    code, out, err = sf("data", "import-gcat", str(bad))
    assert code == 1 and out == ""
    assert (
        err
        == "spacefacts: "
        + str(bad)
        + ": refused: bad.tsv:13: Launch_Date '2025 Feb 30 1200' is not a real date and time\n"
    )
    evil_name = damaged_log(sources, tmp_path, "Name", "fine", name="ev\x1b[2Jil.tsv")
    code, _, err = sf("data", "import-gcat", str(evil_name))
    assert code == 1 and "\x1b" not in err and "file name holds a control character" in err
    assert userdata.imported_launches() is None
    code, _, err = sf("launches", "2018", "--json")
    assert code == 0, err


@pytest.mark.acceptance
def test_reset_steps_back_one_import(sources: Path, tmp_path: Path) -> None:
    log = sources / "gcat" / LAUNCHLOG_2025
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text("".join(lines), encoding="utf-8")
    second.write_text("".join(lines[:200]), encoding="utf-8")
    importer.import_gcat(first, dataset.builtin_data_dir())
    after_first = (userdata.data_dir() / userdata.IMPORTED_LAUNCHES).read_bytes()
    importer.import_gcat(second, dataset.builtin_data_dir())
    assert importer.reset().now == "previous import"
    assert (userdata.data_dir() / userdata.IMPORTED_LAUNCHES).read_bytes() == after_first
    assert importer.reset().now == "built-in"
    assert userdata.imported_launches() is None
    assert not importer.reset().removed
    importer.import_gcat(first, dataset.builtin_data_dir())
    importer.import_gcat(second, dataset.builtin_data_dir())
    done = importer.reset(everything=True)
    assert done.removed and done.forgotten == 2 and userdata.imported_launches() is None


# ---- 5. --ics ----------------------------------------------------------------------------------


def test_ics_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-` through the console script; the other targets through its entry point in this process."""
    code, out, err = sf("today", "--date", "01-27", "--ics", "-")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR") and not (Path.cwd() / "-").exists()
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link_to_fifo = tmp_path / "link-to-fifo"
    link_to_fifo.symlink_to(fifo)
    for target, message in (
        (folder, "it is a folder"),
        (fifo, "not a regular file"),
        (link_to_fifo, "not a regular file"),
        (tmp_path / "no" / "such" / "x.ics", "no folder"),
    ):
        code, out, err = run(["today", "--date", "01-27", "--ics", str(target)], capsys, monkeypatch)
        assert code == 1 and message in err, err
        one_error_line(err)
    assert fifo.is_fifo() and folder.is_dir() and not (tmp_path / "no").exists()
    # A symlink is written through: the link stays, its target gets the calendar.
    real, link = tmp_path / "real.ics", tmp_path / "link.ics"
    link.symlink_to(real)
    stale = tmp_path / ".real.ics.999999999.abcdefgh.tmp"  # left by a writer long gone
    stale.write_text("half a calendar")
    code, _, err = run(["today", "--date", "01-27", "--ics", str(link)], capsys, monkeypatch)
    assert code == 0, err
    assert link.is_symlink() and real.read_text().startswith("BEGIN:VCALENDAR")
    assert not stale.exists()


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_ics_write_failure_is_one_line(
    failure: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes, private: bool = True) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr("spacefacts.export.atomic_write_bytes", refuse)
    code, out, err = run(["today", "--date", "01-27", "--ics", str(tmp_path / "x.ics")], capsys, monkeypatch)
    assert code == 1 and out == ""
    assert err == f"spacefacts: cannot write {tmp_path / 'x.ics'}: {os.strerror(failure)}\n"


def test_a_killed_writers_temporary_files_are_swept(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    gone = tmp_path / ".state.json.999999999.k2j3h4.tmp"
    mine = tmp_path / f".state.json.{os.getpid()}.a8d7f6.tmp"  # a writer still running
    other = tmp_path / ".other.json.999999999.k2j3h4.tmp"
    for path in (gone, mine, other):
        path.write_text("partial")
    userdata.atomic_write_text(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert not gone.exists() and mine.exists() and other.exists()


# ---- 6. user folders -------------------------------------------------------------------------


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    return readme_folder(tmp_path / "mine", event=False)


@pytest.mark.acceptance
def test_quiz_and_a_folder_named_twice(mine: Path) -> None:
    code, out, err = sf("--data", str(mine), "quiz", "--json", "-n", "30", "--seed", "1")
    assert code == 0, err
    assert json.loads(out)["count"] == 30
    code, out, err = sf("--data", str(mine), "--data", str(mine), "search", "balloon", "--json")
    assert code == 0, err
    assert [h["id"] for h in json.loads(out)["hits"]].count("my-balloon-1") == 1
    code, out, err = sf("search", "balloon", "--json", env={"SPACEFACTS_DATA": f"{mine}:{mine}/../mine"})
    assert code == 0 and [h["id"] for h in json.loads(out)["hits"]].count("my-balloon-1") == 1
    code, out, err = sf("--data", "", "mission", "apollo-11")
    assert code == 2 and out == ""
    one_error_line(err)


@pytest.mark.acceptance
@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "people.toml",
            'flights = ["my-balloon-1"]',
            'flights = ["my-balloon-1"]\nevas = [{ start = "2024-05-01T11:00Z", duration_min = 9223372036854775807, src = "x" }]',
            "duration_min 9223372036854775807 is outside",
        ),
        ("missions.toml", 'launch = "2024-05-01T10:00Z"', 'launch = "0000-01-01"', "year 0000 is outside"),
        (
            "missions.toml",
            'launch = "2024-05-01T10:00Z"\nlanding = "2024-05-01T12:00Z"',
            'launch = "0001-01-01"\nlanding = "9999-12-31"',
            "year 0001 is outside",
        ),
        (
            "missions.toml",
            "[[mission]]",
            "x = " + "[" * 400 + "]" * 400 + "\nz = " + "{a = " * 400 + "1" + "}" * 400 + "\n[[mission]]",
            None,
        ),
        (
            "missions.toml",
            "[[mission]]",
            "x = " + "[" * 5000 + "]" * 5000 + "\n[[mission]]",
            "nested too deeply",
        ),
    ],
)
def test_extreme_overlays_are_one_line(
    mine: Path,
    file: str,
    old: str,
    new: str,
    message: str | None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = mine / file
    path.write_text(path.read_text().replace(old, new, 1))
    for argv in (
        ["mission", "my-balloon-1"],
        ["records"],
        ["in-space", "--date", "2024-05-01"],
        ["quiz", "--json", "-n", "5"],
    ):
        code, out, err = run(["--data", str(mine), *argv], capsys, monkeypatch)
        if message is None:
            assert code == 0, err
            continue
        assert code == 1 and out == "", (argv, err)
        one_error_line(err)
        assert message in err
    code, out, err = run(["data", "validate", str(mine)], capsys, monkeypatch)
    if message is None:  # deep but parseable: validate names the unknown top-level keys, nothing worse
        assert code == 1 and "missions.toml" in out, out
    else:
        assert code == 1


def test_extreme_overlay_through_the_console_script(mine: Path) -> None:
    path = mine / "missions.toml"
    path.write_text(path.read_text().replace('landing = "2024-05-01T12:00Z"', 'landing = "9999-12-31"'))
    code, out, err = sf("--data", str(mine), "records")
    assert code == 1 and out == "" and "year 9999 is outside 1000-2999" in err
    one_error_line(err)


# ---- 7. quiz history and odd homes ----------------------------------------------------------


def history_home(tmp_path: Path, kind: str) -> Path:
    home = tmp_path / kind
    home.mkdir()
    path = home / "quiz-history.json"
    entry = '{"right": RIGHT, "wrong": 0, "last_answered": "2026-01-01T00:00:00Z", "last_correct": true}'
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "inf":
        path.write_text('{"version": 1, "questions": {"q": ' + entry.replace("RIGHT", "1e400") + "}}")
    elif kind == "digits":
        path.write_text('{"version": 1, "questions": {"q": ' + entry.replace("RIGHT", "9" * 5000) + "}}")
    elif kind == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
    return home


@pytest.mark.parametrize("kind", ["folder", "fifo", "inf", "digits", "deep"])
def test_a_bad_history_is_skipped_or_set_aside_with_one_warning(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPACEFACTS_HOME", str(history_home(tmp_path, kind)))
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("1\n2\n"))
    code, out, err = run(["quiz", "-n", "2", "--seed", "3"], capsys, monkeypatch)
    assert code == 0 and "Final score" in out
    one_error_line(err)
    assert "quiz history" in err


@pytest.mark.acceptance
def test_odd_homes_through_the_console_script(tmp_path: Path) -> None:
    code, out, err = sf(
        "quiz", "-n", "2", env={"SPACEFACTS_HOME": str(history_home(tmp_path, "fifo"))}, stdin=None
    )
    assert code == 0 and "Question 1 of 2" in out and "not a regular file" in err
    code, out, err = sf("quiz", "-n", "1", env={"SPACEFACTS_HOME": str(history_home(tmp_path, "inf"))})
    assert code == 0 and "moved to quiz-history.json.corrupt-" in err
    blocked = tmp_path / "a-file"
    blocked.write_text("")  # a home below a file cannot be created, as with a read-only home
    code, out, err = sf("quiz", "-n", "1", env={"SPACEFACTS_HOME": str(blocked / "home")})
    assert code == 0 and "Question 1 of 1" in out
    one_error_line(err)
    code, out, err = sf("quiz", "--reset", env={"SPACEFACTS_HOME": str(blocked / "home")})
    assert code == 1
    one_error_line(err)
    # No HOME at all: the XDG folders decide (platformdirs); set here so nothing leaves tmp_path.
    env = {
        "HOME": None,
        "SPACEFACTS_HOME": None,
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
    }
    code, out, err = sf("quiz", "-n", "1", env=env)
    assert code == 0 and "Question 1 of 1" in out, err
    assert (tmp_path / "xdg-cache" / "spacefacts" / "dataset.cache").is_file()


def test_stdin_closed_ends_the_quiz_cleanly() -> None:
    if not EXE.exists():
        pytest.skip("console script not installed")
    done = subprocess.run(
        f"'{EXE}' quiz -n 2 <&-", shell=True, capture_output=True, text=True, timeout=60, env={**os.environ}
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr and "RuntimeError" not in done.stderr
    assert "Quiz stopped after 0 of 2" in done.stdout


# ---- 8. cache ------------------------------------------------------------------------------


@pytest.fixture
def cache_file() -> Iterator[Path]:
    path = userdata.cache_dir() / cache.FILE
    path.unlink()
    yield path


def test_cache_never_follows_a_link_or_waits_on_a_pipe(cache_file: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge"
    with huge.open("wb") as fh:  # sparse: costs no disk
        fh.truncate(cache.MAX_BYTES + 1)
    cache_file.symlink_to(huge)
    code, out, _ = sf("mission", "apollo-11", "--json")
    assert code == 0 and json.loads(out)["id"] == "apollo-11"
    assert not cache_file.is_symlink() and cache_file.stat().st_size < cache.MAX_BYTES  # rebuilt in place
    cache_file.unlink()
    os.mkfifo(cache_file)
    code, out, _ = sf("mission", "apollo-11", "--json")
    assert code == 0 and json.loads(out)["id"] == "apollo-11"


def test_cache_is_keyed_to_the_installed_code(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the fingerprint is swapped and put back: monkeypatch.undo() would also drop the test's
    # temporary SPACEFACTS_HOME and send the last read to the real user cache.
    ds = dataset.Dataset()
    before = cache.key(ds)
    installed = cache.code_fingerprint
    cache.code_fingerprint = lambda: "a newer release"  # type: ignore[assignment]
    try:
        assert cache.key(ds) != before
        cache.load(dataset.Dataset(), userdata.cache_dir())
        fresh = dataset.Dataset()
        assert cache._read(userdata.cache_dir() / cache.FILE, cache.key(fresh)) is not None
    finally:
        cache.code_fingerprint = installed
    assert cache._read(userdata.cache_dir() / cache.FILE, cache.key(fresh)) is None


def test_cache_fingerprint_changes_when_a_module_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "spacefacts"
    package.mkdir()
    (package / "cache.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    cache.code_fingerprint.cache_clear()
    try:
        first = cache.code_fingerprint()
        (package / "render.py").write_text("y = 2\n")
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != first
    finally:
        cache.code_fingerprint.cache_clear()


# ---- 9. times with offsets ------------------------------------------------------------------


def test_in_space_honours_a_utc_offset(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = sf("in-space", "--date", "1961-04-12T06:07+05:00", "--json")  # 01:07 UTC
    assert code == 0, err
    assert json.loads(out)["moment"] == "1961-04-12T01:07Z" and json.loads(out)["count"] == 0
    code, out, err = run(["in-space", "--date", "1961-04-12T11:07+05:00", "--json"], capsys, monkeypatch)
    assert code == 0, err
    assert [p["id"] for p in json.loads(out)["people"]] == ["yuriy-gagarin"]


def test_dates_far_out_are_usage_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for value in ("0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00"):
        code, out, err = run(["in-space", "--date", value], capsys, monkeypatch)
        assert code == 2 and out == ""
        one_error_line(err)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_an_answer_log_that_is_no_file_never_hangs_and_is_named(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = history_home(tmp_path, "good")
    log = home / "quiz-games.jsonl"
    log.mkdir() if kind == "folder" else os.mkfifo(log)
    monkeypatch.setenv("SPACEFACTS_HOME", str(home))
    code, out, err = run(["quiz", "--stats"], capsys, monkeypatch)
    assert (code, out) == (1, "")
    one_error_line(err)
    assert "cannot read the quiz history" in err and "not a regular file" in err
    # Playing with such a log: the quiz runs, warns once, and does not block on the pipe.
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("1\n2\n"))
    code, out, err = run(["quiz", "-n", "2", "--seed", "3"], capsys, monkeypatch)
    assert code == 0 and "Final score" in out
    one_error_line(err)
    assert "cannot be used" in err
