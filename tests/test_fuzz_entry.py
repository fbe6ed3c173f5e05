"""Fuzzing the real entry point: generated argv, environment, stdin and user files.

Every invocation runs `main` of the console script (pyproject's [project.scripts], today
`spacefacts.entry:main`) in this process with sys.argv, the environment and the standard streams
swapped, exactly as the installed `spacefacts` runs it; a few more run the console script itself,
for what only a real process has (an ascii or latin-1 stdout, PYTHONIOENCODING).

Each must exit 0, 1, 2 or 130, with no traceback and no exception escaping; a message is lines
starting `spacefacts: `; `--json` output parses; no terminal escape from data or arguments reaches
the output (only Rich's own colour codes under FORCE_COLOR).

What is generated: every command and option (quiz, stats, data validate and data import-gcat
included) with values from a pool of hostile strings (markup, ESC, C1, bidi, NUL, unicode digits,
offsets, huge numbers) and random text; options in any order, missing or repeated; --data and
SPACEFACTS_DATA naming overlays with hostile strings in every text field, broken, extreme or
duplicated folders; COLUMNS, NO_COLOR, FORCE_COLOR and TERM; stdin with answers, empty or closed.

The default run makes QUICK invocations, `pytest -m acceptance` SHORT; `pytest -m slow` makes LONG (at least 20,000), split over
the machine's cores, under a time budget. Files are written only below a temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import os
import random
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.overlays import HOSTILE, hostile_folder

QUICK = 15  # the README's test run
SHORT = 300  # pytest -m acceptance
LONG = int(os.environ.get("SPACEFACTS_FUZZ_RUNS", "20000"))
# A guard against a hang, not the expected time: 20,000 runs take about 245 s of CPU (12.2 ms each,
# measured), about two minutes on an idle 2-core machine; the weights in `generate` keep it so.
BUDGET_SECONDS = float(os.environ.get("SPACEFACTS_FUZZ_BUDGET", "600"))
EXE = Path(sys.executable).with_name("spacefacts")

STRINGS = [
    HOSTILE,
    "[/]",
    "soyuz [/]",
    "soyuz [red]",
    "[link=http://evil.example]click[/link]",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x9b31m",
    "\x00",
    "\u202e",
    ":rocket:",
    "\\",
    "\\[bold]",
    "'",
    '"',
    "\n",
    "\t",
    " ",
    "",
    "-",
    "--",
    "--json",
    "--help",
    "-n",
    "²⁰¹⁸",
    "٢٠١٨",
    "\uff12\uff10\uff11\uff18",  # fullwidth digits
    "1e400",
    "9" * 5000,
    "-1",
    "0",
    "1",
    "99999",
    "2018",
    "1957",
    "3000",
    "9223372036854775807",
    "soyuz-ms-11",
    "soyuz ms-11",
    "apollo 11",
    "kononenko",
    "Anne McClain",
    "2018-098",
    "gagarin",
    "evil-1",
    "my-balloon-1",
    "x" * 3000,
]
DATES = [
    "1961-04-12",
    "1961-04-12T06:07+05:00",
    "1961-04-12T11:07+05:00",
    "1961-04-12T06:07Z",
    "1961-04-12T06:07",
    "0000-01-01",
    "0001-01-01T00:00+05:00",
    "9999-12-31T23:59-05:00",
    "02-29",
    "2023-02-29",
    "Jan 27",
    "27 January",
    "2018-02-30",
    "2024-05-01",
    "13-45",
    "12-03",
    "now",
]
COLUMNS = ["0", "1", "7", "40", "80", "400", "-5", "abc", "", "100000"]
CATEGORIES = [
    "launch",
    "crewed",
    "eva",
    "landing",
    "planetary",
    "docking",
    "accident",
    "first",
    "crew",
    "missions",
]


def value(rng: random.Random, pool: list[str] | None = None) -> str:
    """A value: usually from `pool` or the hostile strings, sometimes random text."""
    roll = rng.random()
    if roll < 0.15:
        alphabet = "abcXYZ09 -_[]/\\:'\"\x1b\x9b\x07\x7f\u202e\u00e9\u0416\U0001f680\n"
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
    if pool is not None and roll < 0.7:
        return rng.choice(pool)
    return rng.choice(STRINGS)


def number(rng: random.Random) -> str:
    return rng.choice(["0", "1", "2", "3", "5", "-1", "x", "²", "1e3", "184", "9" * 30])


# ---- the world: user folders, GCAT files and write targets, all below one temporary folder ----


def overlay(folder: Path, text: str, mission_id: str = "evil-1") -> Path:
    """A user folder with `text` in every text field (ids are slugs, dates valid)."""
    return hostile_folder(
        folder,
        text,
        mission_id=mission_id,
        person_id=f"{mission_id}-pilot",
        event_id=f"{mission_id}-event",
        kind="suborbital",
        landing="2024-05-01T12:00Z",
        eva_start="2024-05-01T11:00Z",
        eva_minutes=5,
    )


def gcat_file(source: Path, target: Path, change: Callable[[list[str]], None] | None = None) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)[:120]
    if change:
        change(lines)
    target.write_text("".join(lines), encoding="utf-8")
    return target


def set_field(column: str, text: str) -> Callable[[list[str]], None]:
    def change(lines: list[str]) -> None:
        header = lines[0].lstrip("#").rstrip("\n").split("\t")
        k = next(n for n, line in enumerate(lines) if n > 5 and not line.startswith("#"))
        fields = lines[k].rstrip("\n").split("\t")
        fields[header.index(column)] = text
        lines[k] = "\t".join(fields) + "\n"

    return change


@dataclass
class World:
    root: Path
    overlays: list[Path] = field(default_factory=list)
    gcat: list[Path] = field(default_factory=list)
    ics: list[str] = field(default_factory=list)
    validate: list[Path] = field(default_factory=list)
    data_settings: list[list[str]] = field(default_factory=list)  # the --data folders of one run


def build_world(root: Path, sources: Path | None) -> World:
    world = World(root)
    root.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate([HOSTILE, "[/]", ":rocket: [red]", "\\", "plain", "\x00\u202e"]):
        world.overlays.append(overlay(root / f"overlay-{n}", text, mission_id=f"evil-{n}"))
    broken = overlay(root / "broken", "b")
    (broken / "missions.toml").write_text("[[mission]\nid = 3\n")
    extreme = overlay(root / "extreme", "e")
    people = extreme / "people.toml"
    people.write_text(people.read_text().replace("duration_min = 5", "duration_min = 9223372036854775807"))
    far = overlay(root / "far", "f")
    missions = far / "missions.toml"
    missions.write_text(
        missions.read_text()
        .replace('"2024-05-01T10:00Z"', '"0001-01-01"')
        .replace('"2024-05-01T12:00Z"', '"9999-12-31"')
    )
    deep = root / "deep"
    deep.mkdir()
    (deep / "missions.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    empty = root / "empty"
    empty.mkdir()
    world.overlays += [broken, extreme, far, deep, empty]
    world.validate = [*world.overlays[:3], broken, extreme, deep, empty, root / "missing"]
    hostile, brackets, emoji, backslash = (str(folder) for folder in world.overlays[:4])
    world.data_settings = [
        [hostile],
        [brackets, emoji],
        [hostile, hostile],
        [backslash],
        [str(far)],
        [str(broken)],
        [str(extreme)],
        [str(deep)],
        [""],
        [str(root / "missing")],
    ]
    if sources is not None:
        log = sources / "gcat" / "launchlog-2025-2026.tsv"
        g = root / "gcat"
        g.mkdir()
        world.gcat = [
            gcat_file(log, g / "good.tsv"),
            gcat_file(log, g / "feb30.tsv", set_field("Launch_Date", "2025 Feb 30 1200")),
            gcat_file(log, g / "2561.tsv", set_field("Launch_Date", "2025 Mar  3 2561")),
            gcat_file(log, g / "nocode.tsv", set_field("Launch_Code", "")),
            gcat_file(log, g / "esc.tsv", set_field("Name", "Evil\x1b]0;x\x07")),
            gcat_file(log, g / "ev\x1b[2Jil.tsv"),
            gcat_file(log, g / "cut.tsv", lambda lines: lines.__setitem__(-1, lines[-1][:20])),
        ]
    (root / "not-a-log.tsv").write_text("a\tb\n1\t2\n")
    (root / "binary.tsv").write_bytes(bytes(range(256)) * 4)
    world.gcat += [root / "not-a-log.tsv", root / "binary.tsv", root / "missing.tsv", root]
    ics = root / "ics"
    ics.mkdir()
    os.mkfifo(ics / "fifo")
    (ics / "link").symlink_to("fifo")
    world.ics = [
        "-",
        str(ics / "out.ics"),
        str(ics),
        str(ics / "fifo"),
        str(ics / "link"),
        str(ics / "no" / "x.ics"),
    ]
    return world


# ---- generating an invocation ------------------------------------------------------------------


@dataclass
class Invocation:
    argv: list[str]
    env: dict[str, str | None]
    stdin: str | None  # None: stdin closed
    wants_json: bool = False


def _options(rng: random.Random, options: list[list[str]]) -> list[str]:
    chosen = [o for o in options if rng.random() < 0.35]
    rng.shuffle(chosen)
    return [part for o in chosen for part in o]


def generate(rng: random.Random, world: World) -> Invocation:
    names = [
        "soyuz-ms-11",
        "apollo 11",
        "kononenko",
        "evil-1",
        "evil-0",
        "my-balloon-1",
        "2018-098",
        "gagarin",
    ]
    gopts: list[str] = []
    if rng.random() < 0.15:
        # A folder that fails validation is parsed anew on every run: those are rarer.
        weights = [6, 3, 3, 3, 0.3, 0.3, 0.3, 0.3, 1, 1]
        for folder in rng.choices(world.data_settings, weights=weights)[0]:
            gopts += ["--data", folder]
    json_flag = ["--json"] if rng.random() < 0.4 else []
    # Weighted by cost: a whole-data validation or an import costs a hundred lookups.
    kind = rng.choices(range(16), weights=[10, 6, 8, 2, 3, 5, 2, 4, 4, 4, 2, 0.3, 0.8, 0.8, 3, 16])[0]
    if kind == 0:
        body = [rng.choice(["mission", "crew", "person"]), value(rng, names), *_options(rng, [["--explain"]])]
    elif kind == 1:
        body = ["mission", value(rng, names)]
    elif kind == 2:
        year = (
            [value(rng, ["2018", "1957", "2024", "2026", "1000", "9999", "²⁰¹⁸", "٢٠١٨"])]
            if rng.random() < 0.8
            else []
        )
        body = [
            "launches",
            *year,
            *_options(
                rng,
                [
                    ["--list"],
                    ["--by-year"],
                    ["--country", value(rng, ["RU", "US", "China", "[/]"])],
                    ["--vehicle", value(rng, ["Falcon 9", "R-7"])],
                    ["--outcome", value(rng, ["success", "failure", "partial"])],
                    [rng.choice(["--crewed", "--uncrewed"])],
                    ["--explain"],
                ],
            ),
        ]
    elif kind == 3:
        body = ["stats"]
    elif kind == 4:
        body = [
            "search",
            value(rng, ["apollo", "soyuz", "pwned", "X", "balloon"]),
            *_options(rng, [["--limit", number(rng)]]),
        ]
    elif kind == 5:
        body = ["in-space", *_options(rng, [["--date", value(rng, DATES)]])]
    elif kind == 6:
        body = ["records", *_options(rng, [["--as-of", value(rng, DATES)]])]
    elif kind in (7, 8):
        body = [
            "today",
            *_options(
                rng,
                [
                    ["--date", value(rng, DATES)],
                    ["--days", rng.choice(["0", "1", "2", "-1", "x", "184", "\u00b2", "1" * 30])],
                    ["--category", value(rng, CATEGORIES)],
                    ["--limit", number(rng)],
                    ["--motd"],
                    ["--motd"],
                    ["--ics", rng.choice(world.ics)],
                ],
            ),
        ]
    elif kind == 9:
        body = [
            "quiz",
            *_options(
                rng,
                [
                    ["-n", rng.choice(["0", "-1", "1", "2", "x", "\u00b2", "1e3"])],
                    ["--seed", number(rng)],
                    ["--daily"],
                    ["--date", value(rng, DATES)],
                    [
                        "--category",
                        value(
                            rng, ["crew", "missions", "launches", "history", "true-false", "year", "who-flew"]
                        ),
                    ],
                    ["--difficulty", value(rng, ["easy", "medium", "hard"])],
                    ["--no-history"],
                    ["--reset"],
                ],
            ),
        ]
        if "-n" not in body:
            body += ["-n", rng.choice(["1", "2", "3"])]
    elif kind == 10:
        body = ["data", "info"]
    elif kind == 11:
        body = ["data", "validate", *([str(rng.choice(world.validate))] if rng.random() < 0.8 else [])]
    elif kind == 12:
        body = ["data", "import-gcat", str(rng.choice(world.gcat))] if world.gcat else ["data", "info"]
    elif kind == 13:
        body = ["data", "reset", *_options(rng, [["--all"]])]
    elif kind == 14:
        body = rng.choice(
            [
                ["--version"],
                ["--help"],
                [],
                ["data"],
                [rng.choice(["mission", "today", "quiz", "data"]), "--help"],
            ]
        )
    else:  # anything at all
        body = [value(rng) for _ in range(rng.randrange(0, 5))]
    argv = [*gopts, *body, *json_flag]
    if rng.random() < 0.1 and argv:  # an option in an odd place
        k = rng.randrange(len(argv) + 1)
        argv.insert(k, rng.choice(["--json", "--help", "--data", "-n", "--date", "--"]))
    env: dict[str, str | None] = {
        "COLUMNS": rng.choice([*COLUMNS, None]),
        "NO_COLOR": rng.choice(["1", None, None]),
        "FORCE_COLOR": rng.choice(["1", None, None, None]),
        "TERM": rng.choice(["dumb", "xterm-256color", None]),
        "SPACEFACTS_DATA": None,
    }
    if rng.random() < 0.04:
        picks = [str(rng.choice(world.overlays)) for _ in range(rng.randrange(1, 3))]
        env["SPACEFACTS_DATA"] = os.pathsep.join(picks + picks[:1] + [""])
    stdin = rng.choice([None, "", "1\n2\n3\n", "x\n9\nb\n", "\x1b[2J\n1\n"])
    return Invocation(argv, env, stdin, wants_json=bool(json_flag))


# ---- running and judging ----------------------------------------------------------------------


def console_main() -> Callable[[], object]:
    """The function the installed console script calls, read from pyproject.toml."""
    import importlib
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    target = tomllib.loads(pyproject.read_text())["project"]["scripts"]["spacefacts"]
    module, _, name = target.partition(":")
    function: Callable[[], object] = getattr(importlib.import_module(module), name)
    return function


class Captured(io.BytesIO):
    """Bytes written to a swapped stream; stays readable after the text wrapper is dropped."""

    def close(self) -> None:
        pass


@contextlib.contextmanager
def swapped(inv: Invocation) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    out, err = Captured(), Captured()
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    saved_env = {key: os.environ.get(key) for key in inv.env}
    sys.argv = ["spacefacts", *inv.argv]
    sys.stdin = io.StringIO(inv.stdin) if inv.stdin is not None else None
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    for key, setting in inv.env.items():
        if setting is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = setting
    try:
        yield out, err
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
        for key, setting in saved_env.items():
            if setting is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = setting


# Any ESC that does not start a colour or style code (SGR, which Rich writes when styling is on),
# BEL, C1 controls and the bidi override: none of these may come from data or arguments.
_ESCAPE = re.compile("\x1b(?!\\[[0-9;]*m)|[\x07\x80-\x9f\u202e]")


def judge(inv: Invocation, code: object, out: str, err: str, crash: str | None) -> str | None:
    """None if the invocation behaved; else what went wrong."""
    if crash:
        return crash
    if code not in (0, 1, 2, 130):
        return f"exit code {code!r}"
    if "Traceback (most recent call last)" in out + err:
        return "traceback in the output"
    if _ESCAPE.search(out + err):
        return "a terminal escape from data or arguments reached the output"
    if code == 1:
        lines = [line for line in err.splitlines() if line]
        if not lines or not all(line.startswith("spacefacts: ") for line in lines):
            return "exit 1 without one-line messages on stderr"
    plain = {"--help", "--version", "--ics"} & set(inv.argv)
    if code == 0 and inv.wants_json and not plain and out.strip():
        try:
            json.loads(out)
        except ValueError:
            return "--json output does not parse"
    return None


def run_one(main: Callable[[], object], inv: Invocation) -> tuple[object, str, str, str | None]:
    crash = None
    code: object = 0
    with swapped(inv) as (out, err):
        try:
            main()
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code
        except BaseException:
            crash = traceback.format_exc()
    return code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"), crash


def fast_typer() -> None:
    """Typer builds the Click command on every call (about 9 ms); build it once per app."""
    import typer.main

    original = typer.main.get_command
    if getattr(original, "memoized", False):
        return
    built: dict[int, object] = {}

    def get_command(app: object) -> object:
        if id(app) not in built:
            built[id(app)] = original(app)  # type: ignore[arg-type]
        return built[id(app)]

    get_command.memoized = True  # type: ignore[attr-defined]
    typer.main.get_command = get_command  # type: ignore[assignment]


def campaign(root: str, sources: str | None, seed: int, count: int, deadline: float) -> tuple[int, list[str]]:
    """Run up to `count` invocations (stopping at `deadline`); (how many ran, failures)."""
    os.chdir(root)  # a relative path in argv lands here
    home = Path(root) / "home"
    os.environ.update(
        SPACEFACTS_HOME=str(home),
        HOME=str(Path(root) / "user"),
        XDG_DATA_HOME=str(Path(root) / "xdg-data"),
        XDG_CACHE_HOME=str(Path(root) / "xdg-cache"),
    )
    world = build_world(Path(root) / "world", Path(sources) if sources else None)
    fast_typer()
    main = console_main()
    rng = random.Random(seed)
    failures: list[str] = []
    ran = 0
    while ran < count and time.monotonic() < deadline and len(failures) < 20:
        batch = [generate(rng, world) for _ in range(min(BATCH, count - ran))]
        # The parsed dataset is kept for one set of user folders: run each set's invocations
        # together, and the ones that change the installed data (import, reset) last.
        batch.sort(key=_data_setting)
        for inv in batch:
            if time.monotonic() > deadline:
                break
            code, out, err, crash = run_one(main, inv)
            ran += 1
            problem = judge(inv, code, out, err, crash)
            if problem:
                failures.append(f"{inv.argv!r} env={inv.env!r}: {problem}\n{err[-1500:]}")
    return ran, failures


BATCH = 2500


def _data_setting(inv: Invocation) -> tuple[bool, str, str]:
    changes = "import-gcat" in inv.argv or "reset" in inv.argv
    folders = [inv.argv[k + 1] for k, arg in enumerate(inv.argv[:-1]) if arg == "--data"]
    return changes, "\0".join(folders), inv.env.get("SPACEFACTS_DATA") or ""


def _sources_or_none() -> str | None:
    root = Path(__file__).resolve().parents[1]
    sources = Path(os.environ.get("SPACEFACTS_SOURCES", root.parent / "shared" / "data-sources"))
    return str(sources) if (sources / "gcat").is_dir() else None


def _campaign_here(tmp_path: Path, seed: int, count: int) -> None:
    import typer.main

    saved_cwd, saved_env, saved_command = os.getcwd(), dict(os.environ), typer.main.get_command
    try:
        ran, failures = campaign(
            str(tmp_path), _sources_or_none(), seed=seed, count=count, deadline=time.monotonic() + 600
        )
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        typer.main.get_command = saved_command
    assert not failures, "\n\n".join(failures)
    assert ran == count


def test_fuzz_the_entry_point_quick(tmp_path: Path, warm_home: Callable[[Path], Path]) -> None:
    warm_home(tmp_path / "home")  # the campaign's user folder: the built-in data is parsed already
    _campaign_here(tmp_path, seed=15, count=QUICK)


@pytest.mark.acceptance
def test_fuzz_the_entry_point_short(tmp_path: Path) -> None:
    _campaign_here(tmp_path, seed=14, count=SHORT)


def _worker(args: tuple[str, str | None, int, int, float]) -> tuple[int, list[str]]:
    return campaign(*args)


@pytest.mark.slow
def test_fuzz_the_entry_point_long(tmp_path: Path) -> None:
    """At least LONG invocations, split over the cores (fresh processes: forked from this one)."""
    workers = max(1, min(4, os.cpu_count() or 1))
    share = -(-LONG // workers)
    deadline = time.monotonic() + BUDGET_SECONDS
    jobs = [(str(tmp_path / f"w{n}"), _sources_or_none(), 1000 + n, share, deadline) for n in range(workers)]
    for job in jobs:
        Path(job[0]).mkdir()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_worker, jobs)
    ran = sum(n for n, _ in results)
    failures = [f for _, fs in results for f in fs]
    assert not failures, "\n\n".join(failures[:20])
    assert ran >= LONG, f"only {ran} invocations within {BUDGET_SECONDS} s"


# ---- a real process: what only the console script sees -----------------------------------------


@pytest.mark.acceptance
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["person", "kononenko"], {"PYTHONIOENCODING": "ascii"}),
        (["stats"], {"PYTHONIOENCODING": "latin-1"}),
        (["records", "--json"], {"PYTHONIOENCODING": "ascii"}),
        (["mission", "evil-0"], {"COLUMNS": "0", "FORCE_COLOR": "1"}),
        (["today", "--date", "2024-05-01", "--motd"], {"LANG": "C", "LC_ALL": "C"}),
        (["search", "pwned", "--json"], {"NO_COLOR": "1", "COLUMNS": "5"}),
        (["quiz", "-n", "2"], {"TERM": "dumb"}),
        (["data", "validate"], {"COLUMNS": "abc"}),
    ],
)
def test_the_console_script_in_odd_environments(args: list[str], env: dict[str, str], tmp_path: Path) -> None:
    if not EXE.exists():
        pytest.skip(f"the spacefacts console script is not installed at {EXE}")
    folder = overlay(tmp_path / "evil", HOSTILE, mission_id="evil-0")
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    done = subprocess.run(
        [str(EXE), "--data", str(folder), *args],
        env={**base, **env},
        input=b"1\n2\n",
        capture_output=True,
        timeout=120,
    )
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert done.returncode in (0, 1, 2), (done.returncode, err)
    assert "Traceback" not in out + err, err
    assert not _ESCAPE.search(out + err)
    if done.returncode:
        lines = err.splitlines()
        assert lines and all(line.startswith("spacefacts: ") for line in lines), err
