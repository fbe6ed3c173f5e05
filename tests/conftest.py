from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path(os.environ.get("SPACEFACTS_SOURCES", ROOT.parent / "shared" / "data-sources"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """User state (history, cache) goes to a temporary folder in every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPACEFACTS_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture(scope="session")
def sources() -> Path:
    if not SOURCES.is_dir():
        pytest.skip(f"raw sources not found at {SOURCES}")
    return SOURCES


@pytest.fixture(scope="session")
def ds():  # type: ignore[no-untyped-def]
    from spacefacts import dataset

    return dataset.load().load_all()
