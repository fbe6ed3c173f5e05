"""Write spacefacts/_cli_table.json, the fast path's parameter table, from the Typer app in cli.py.

    python scripts/build_cli_table.py          # write it
    python scripts/build_cli_table.py --check  # exit 1 if it is not current

Run it after changing any command's declaration; tests/test_frontend.py checks it is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacefacts import typerapp  # noqa: E402
from spacefacts.cli import app  # noqa: E402

TARGET = ROOT / "spacefacts" / "_cli_table.json"


def main() -> None:
    text = typerapp.table_text(app)
    if "--check" in sys.argv[1:]:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != text:
            sys.exit(f"{TARGET.relative_to(ROOT)} is not current: run python scripts/build_cli_table.py")
        return
    TARGET.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
