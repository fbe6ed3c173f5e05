"""Regenerate data/*.toml from ../shared/data-sources (see spacefacts/build)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacefacts.build.__main__ import main

raise SystemExit(main())
