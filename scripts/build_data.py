"""Regenerate data/*.toml from ../shared/data-sources (see spacefacts/build), then data/prebuilt.store."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacefacts.build.__main__ import main

code = main()
if code == 0 and "--check" not in sys.argv[1:]:
    # The store shipped for the first run is made from the data: keep it current with it.
    import runpy

    runpy.run_path(str(Path(__file__).resolve().with_name("build_store.py")), run_name="__main__")
raise SystemExit(code)
