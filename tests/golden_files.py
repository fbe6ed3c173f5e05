"""The golden-file check the table tests share (tests/golden/)."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, out: str) -> None:
    """`out` must equal tests/golden/<name>.txt. Set UPDATE_GOLDEN=1 to rewrite the file after a
    deliberate change, then review the diff."""
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out)
    assert out == path.read_text()
