from __future__ import annotations

import contextlib
import hashlib
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from spacefacts.dataset import Dataset
from tests.shared_data import builtin_dataset

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path(os.environ.get("SPACEFACTS_SOURCES", ROOT.parent / "shared" / "data-sources"))

# Commands whose first run writes every cache a command can read beside the dataset cache
# (the dataset; today's calendar; stations; payloads and their search index).
WARMING = (
    ["today", "--date", "01-27", "--json"],
    ["station", "iss", "--json"],
    ["search", "voyager", "--json"],
    ["mission", "voyager-2", "--json"],
)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="session")
def warm_user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user cache folder of the built-in data, written once per run by the real entry point.

    Every test's temporary home gets hard links to these files, so a command (in-process or through
    the console script) reads the cache instead of parsing the TOML again. The cache is replaced, never
    written in place (spacefacts.userdata.atomic_write_bytes), so a test cannot change these files
    through its links; the check at the end of the run makes sure.
    """
    from spacefacts import entry

    home = tmp_path_factory.mktemp("warm-home")
    saved = {k: os.environ.get(k) for k in ("SPACEFACTS_HOME", "SPACEFACTS_DATA", "SPACEFACTS_NO_CACHE")}
    os.environ["SPACEFACTS_HOME"] = str(home)
    for k in ("SPACEFACTS_DATA", "SPACEFACTS_NO_CACHE"):
        os.environ.pop(k, None)
    try:
        for argv in WARMING:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
                pytest.raises(SystemExit) as done,
            ):
                entry.main(argv)
            assert done.value.code == 0, argv
    finally:
        from spacefacts import session

        session._LAST.clear()  # later commands load from their own test's home, never write here
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    folder = home / "cache"
    before = _digests(folder)
    assert "dataset.cache" in before
    yield folder
    after = _digests(folder)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, f"a test wrote into the shared warm cache through its hard link: {changed}"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    warm_user_cache: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """User state (history, cache) goes to a temporary folder in every test. Its cache folder starts
    warm (hard links to `warm_user_cache`): the built-in data is parsed once per run, not once per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPACEFACTS_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("SPACEFACTS_DATA", raising=False)
    monkeypatch.delenv("SPACEFACTS_NO_CACHE", raising=False)
    link_warm_cache(warm_user_cache, home)


def link_warm_cache(warm: Path, home: Path) -> Path:
    """Give the user folder `home` (made if missing) a warm cache: hard links to the shared files."""
    (home / "cache").mkdir(parents=True, exist_ok=True)
    for path in warm.iterdir():
        os.link(path, home / "cache" / path.name)
    return home


@pytest.fixture
def warm_home(warm_user_cache: Path) -> Callable[[Path], Path]:
    """Make a user folder at a path of the test's choosing whose cache starts warm."""
    return lambda home: link_warm_cache(warm_user_cache, home)


@pytest.fixture(scope="module")
def typer_command_once() -> Iterator[None]:
    """Typer's CliRunner builds the Click command on every invoke (about 9 ms); build it once per
    module that invokes the app thousands of times (the same command object, as Click's own tests do)."""
    import typer.main
    import typer.testing

    from spacefacts.cli import app

    command = typer.main.get_command(app)
    # A private helper of typer.testing (not re-exported), hence getattr/setattr.
    original = getattr(typer.testing, "_get_command")  # noqa: B009
    setattr(typer.testing, "_get_command", lambda _app: command)  # noqa: B010
    yield
    setattr(typer.testing, "_get_command", original)  # noqa: B010


SMALL_DATA = Path(__file__).parent / "fixtures" / "small-data"


@pytest.fixture
def small_data(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The commands (in this process) read tests/fixtures/small-data instead of data/: a dozen
    flights, their crews and fifty launches, cut from data/ by tests/fixtures/make_small_data.py.
    For tests of logic and of the front end, where the real data is not the point."""
    from spacefacts import dataset, session

    monkeypatch.setattr(dataset, "builtin_data_dir", lambda: SMALL_DATA)
    monkeypatch.setattr(session, "_LAST", [])  # datasets parsed before are of the real data
    return SMALL_DATA


@pytest.fixture(scope="session")
def sources() -> Path:
    if not SOURCES.is_dir():
        pytest.skip(f"raw sources not found at {SOURCES}")
    return SOURCES


@pytest.fixture(scope="session")
def ds() -> Dataset:
    """The built-in dataset, parsed once and shared (tests/shared_data.py)."""
    return builtin_dataset()
