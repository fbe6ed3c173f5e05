"""Write spacefacts/_cli_table/, the fast path's parameter table, from the Typer app in cli.py.

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

TARGET = ROOT / "spacefacts" / "_cli_table"


def main() -> None:
    files = typerapp.table_files(app)
    present = {p.name: p.read_text(encoding="utf-8") for p in TARGET.glob("*.py")} if TARGET.is_dir() else {}
    if "--check" in sys.argv[1:]:
        if present != files:
            sys.exit(f"{TARGET.relative_to(ROOT)}/ is not current: run python scripts/build_cli_table.py")
        return
    TARGET.mkdir(exist_ok=True)
    for name in set(present) - set(files):
        (TARGET / name).unlink()
    for name, text in files.items():
        (TARGET / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
