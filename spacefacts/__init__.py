"""spacefacts: an offline, sourced spaceflight almanac.

The library (`spacefacts.dataset`, the `spacefacts.queries` package) works without the CLI:

    from spacefacts import dataset, queries
    ds = dataset.load()
    card = queries.mission_card(ds, queries.resolve_mission(ds, "soyuz-ms-11"))
"""

__version__ = "0.1.0"

# Dataclass methods compiled ahead of time (spacefacts.classcode): patched in when dataclasses is imported.
from spacefacts import classcode as _classcode

_classcode.install()
