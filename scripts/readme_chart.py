"""Regenerate docs/launches-by-year.svg, the chart the README shows (`spacefacts stats`)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacefacts import dataset, queries  # noqa: E402
from spacefacts.render import launches  # noqa: E402

ds = dataset.load()
console = launches.by_year_chart(
    queries.launches_by_year(ds), str(ds.launch_meta.get("last", "")), record=True
)
console.save_svg(str(ROOT / "docs" / "launches-by-year.svg"), title="spacefacts stats")
