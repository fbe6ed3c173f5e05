"""Rows from the stations' records (data/expeditions.toml, GCAT): each station's launch and cited
re-entry, and the start of each station's first expedition with a record.
"""

from __future__ import annotations

from spacefacts import stations
from spacefacts.dataset import Dataset
from spacefacts.today.rows import Anniversary, make_row


def station_rows(ds: Dataset) -> list[Anniversary]:
    """Rows for `spacefacts today`: each station's launch and cited re-entry, and the start of
    each station's first expedition with a record (tier 2 in today's ranking rule)."""
    sd = stations.load(ds)
    rows = []
    for s in sd.stations:
        launch = ds.launch_by_tag.get(s.launch_tag)
        module = f" (its first module, {launch.payload})" if launch and launch.payload != s.name else ""
        rows.append(
            make_row(
                key=f"station-launch-{s.id}",
                when=s.launch,
                kind="station launch",
                tier=2,
                title=f"{s.name} launches{module}",
                sources=(f"GCAT {s.launch_src}",),
                launch_tag=s.launch_tag,
            )
        )
        if s.reentry is not None and s.reentry_source:
            rows.append(
                make_row(
                    key=f"station-reentry-{s.id}",
                    when=s.reentry,
                    kind="station re-entry",
                    tier=2,
                    title=f"{s.name} re-enters the atmosphere",
                    sources=(s.reentry_source,),
                )
            )
        first = min(sd.of_station(s.id), key=lambda e: e.start.iso, default=None)
        if first is not None:
            names = [ds.person_by_id[m.person].name for m in first.members if m.person in ds.person_by_id]
            rows.append(
                make_row(
                    key=f"expedition-{first.id}",
                    when=first.start,
                    kind="expedition start",
                    tier=2,
                    title=f"{first.name} begins, the first crew of {s.name} with a record: {', '.join(names)}",
                    sources=(f"{first.src}; {first.sources[0]}",),
                    person=first.members[0].person,
                    people=tuple(m.person for m in first.members),
                )
            )
    return [r for r in rows if len(r.when.iso) >= 10]
