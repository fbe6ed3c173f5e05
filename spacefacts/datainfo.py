"""What the dataset holds, how far each part reaches, and whose it is (`data info`)."""

from __future__ import annotations

from spacefacts.dataset import Dataset

FILES = (
    ("launches.toml", "launch", "GCAT launch log, Jonathan McDowell, planet4589.org", "CC-BY"),
    (
        "missions.toml",
        "mission",
        "McDowell crewed-flight list; cosmos-book cross-check",
        "credit McDowell (no statement found)",
    ),
    (
        "people.toml",
        "person",
        "McDowell astro list; cosmos-book (EVAs)",
        "credit McDowell; cosmos-book CC BY-SA 3.0",
    ),
    (
        "events.toml",
        "event",
        "cosmos-book interplanetary; curated, each record sourced",
        "CC BY-SA 3.0 / per record",
    ),
    (
        "payloads.toml",
        "payload",
        "GCAT launch log (every payload); curated common names, each sourced; atlasofspace and "
        "cosmos-book probe visits",
        "CC-BY; Apache-2.0; CC BY-SA 3.0 / per record",
    ),
)


def data_info(ds: Dataset) -> dict[str, object]:
    """What the dataset holds, how far each part reaches, and whose it is."""
    from spacefacts import __version__
    from spacefacts.payloads import payloads_of

    launch_count, first_launch, last_launch = ds.launch_span
    missions = ds.missions
    payload_data = payloads_of(ds)
    landed = [m.landing.iso for m in missions if m.landing]
    cosmos_evas = [e.start.iso for p in ds.people for e in p.evas]
    covers = {
        "launches.toml": f"launches {first_launch[:10]} through {last_launch[:10]}",
        "missions.toml": f"crewed flights through {max(m.launch.iso for m in missions)[:10]}"
        f" (landings through {max(landed)[:10]})",
        "people.toml": f"{len(ds.people)} people; EVAs: "
        + str(
            ds.meta("people.toml").get("eva_coverage")
            or f"through {max(cosmos_evas)[:10] if cosmos_evas else 'none'}"
        ),
        "events.toml": f"events {min(e.date.iso for e in ds.events)[:10]} through "
        f"{max(e.date.iso for e in ds.events)[:10]}",
        "payloads.toml": f"{len(payload_data.rows)} payloads; {len(payload_data.famous)} by common name",
    }
    counts = {
        "launches.toml": launch_count,
        "missions.toml": len(missions),
        "people.toml": len(ds.people),
        "events.toml": len(ds.events),
        "payloads.toml": len(payload_data.rows),
    }
    return {
        "version": __version__,
        "directory": str(ds.directory),
        "imported_launches": str(ds.launch_file) if ds.imported else None,
        "eva_coverage": ds.meta("people.toml").get("eva_coverage"),
        "evas_through": max(cosmos_evas)[:10] if cosmos_evas else None,
        "files": [
            {
                "file": file,
                "records": counts[file],
                "covers": covers[file],
                "source": source,
                "license": license_,
                "updated": ds.meta(file).get("updated"),
            }
            for file, _table, source, license_ in FILES
        ],
    }
