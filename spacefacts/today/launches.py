"""Rows from GCAT's launch log and the events of data/events.toml: each state's, launch-vehicle
family's and site's first orbital launch, launches from another world, deep-space launches, and
every dated event.
"""

from __future__ import annotations

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.model import Event
from spacefacts.text import fold
from spacefacts.today.rows import STATE_NAMES_SOURCE, Anniversary, has_day, launch_row, make_row

TIER_BY_EVENT_CATEGORY = {
    "accident": 1,
    "first": 1,
    "launch": 2,
    "crewed": 2,
    "landing": 2,
    "planetary": 2,
    "docking": 3,
    "eva": 3,
}


def launch_firsts(ds: Dataset) -> list[Anniversary]:
    """A launching state's first orbital launch attempt and first success; each LV family's and
    each launch site's first orbital launch attempt (GCAT, launches from Earth in date order)."""
    notes: dict[str, list[str]] = {}
    tiers: dict[str, int] = {}
    attempted: set[str] = set()
    succeeded: set[str] = set()
    families: set[str] = set()
    sites: set[str] = set()
    earth = sorted((launch for launch in ds.launches if launch.earth), key=lambda launch: launch.date.iso)
    # Identities, not codes: GCAT's UCode of a state (Russia continues the USSR) and of a site (a
    # renamed site is the same site), so a change of name is never a first.
    identity = {code: ucode for code, (_, ucode) in ds.launch_meta.get("states", {}).items()}
    for index, launch in enumerate(earth):
        state = nations.with_article(ds, nations.country(ds, launch.state))
        state_id = identity.get(launch.state, launch.state)
        if state_id not in attempted:
            attempted.add(state_id)
            if index == 0:
                what = f"the first orbital launch (by {state})"
            elif launch.success:
                what = f"the first orbital launch by {state}"
            else:
                what = f"the first orbital launch attempt by {state} (failed)"
            notes.setdefault(launch.tag, []).append(what)
            tiers[launch.tag] = 1
            if launch.success:
                succeeded.add(state_id)
        elif launch.success and state_id not in succeeded:
            succeeded.add(state_id)
            notes.setdefault(launch.tag, []).append(f"the first successful orbital launch by {state}")
            tiers[launch.tag] = 1
        if launch.family and launch.family not in families:
            families.add(launch.family)
            notes.setdefault(launch.tag, []).append(f"the first orbital launch of the {launch.family} family")
            tiers.setdefault(launch.tag, 3)
        site = ds.sites.get(launch.site)
        site_id = site.identity if site else launch.site
        if site_id not in sites and not launch.site_uncertain:
            sites.add(site_id)
            notes.setdefault(launch.tag, []).append(
                f"the first orbital launch from {site.name if site else launch.site}"
            )
            tiers.setdefault(launch.tag, 3)
    rows = []
    for tag, firsts in notes.items():
        launch = ds.launch_by_tag[tag]
        if not has_day(launch.date):
            continue
        result = "" if launch.outcome == "success" else f" ({launch.outcome})"
        rows.append(
            launch_row(
                launch,
                kind="first launch",
                key=f"first-{tag}",
                tier=tiers[tag],
                title=f"{launch.vehicle} launches {launch.payload}{result}",
                sources=(STATE_NAMES_SOURCE,) if tiers[tag] == 1 else (),
                notes=firsts,
            )
        )
    return rows


def off_earth_launches(ds: Dataset) -> list[Anniversary]:
    rows = []
    for launch in ds.launches:
        if launch.earth or not has_day(launch.date):
            continue
        site = ds.sites.get(launch.site)
        body = "the Moon" if site and site.state == "LUNA" else "another world"
        rows.append(
            launch_row(
                launch,
                kind="launch from another world",
                key=f"launch-{launch.tag}",
                tier=3,
                title=f"{launch.payload} ({launch.vehicle}) lifts off from {body}",
            )
        )
    return rows


def deep_space_launches(ds: Dataset) -> list[Anniversary]:
    """Launches GCAT classes as deep space (code D: sent beyond Earth orbit, to the Moon, the
    planets or the Sun). They are the start of every planetary mission, so they are listed, not
    counted among the ordinary launches."""
    rows = []
    for launch in ds.launches:
        if not launch.earth or not launch.code.startswith("D") or not has_day(launch.date):
            continue
        failed = not launch.success
        title = (
            f"{launch.vehicle} fails to send {launch.payload} beyond Earth orbit"
            if failed
            else f"{launch.vehicle} launches {launch.payload} beyond Earth orbit"
        )
        rows.append(
            launch_row(
                launch,
                kind="deep-space launch",
                key=f"launch-{launch.tag}",
                tier=3,
                title=title,
            )
        )
    return rows


def event_tier(ds: Dataset, event: Event) -> int:
    if event.category == "launch" and event.mission in ds.mission_by_id:
        return 1 if ds.mission_by_id[event.mission].outcome == "launch failure" else 2
    if event.category == "planetary" and event.id.endswith("-perihelion"):
        return 3
    return TIER_BY_EVENT_CATEGORY.get(event.category, 2)


def _launch_named_in(ds: Dataset, event: Event) -> str | None:
    """The GCAT launch of the event's day whose payload the title names (a curated uncrewed launch)."""
    title = f" {fold(event.title)} "
    day = event.date.iso[:10]
    for launch in ds.launches_by_year.get(event.date.year, []):
        if launch.date.iso[:10] == day and f" {fold(launch.payload)} " in title:
            return launch.tag
    return None


def event_rows(ds: Dataset) -> list[Anniversary]:
    rows = []
    for event in ds.events:
        if not has_day(event.date):
            continue
        mission = ds.mission_by_id.get(event.mission) if event.mission else None
        people = tuple(s.person for s in mission.crew) if mission else ()
        launch_tag = None
        same_day = mission is not None and mission.launch.iso[:10] == event.date.iso[:10]
        if mission and event.category in ("launch", "accident") and same_day:
            launch_tag = mission.launch_tag
        elif event.category == "launch" and mission is None:
            launch_tag = _launch_named_in(ds, event)
        rows.append(
            make_row(
                kind=f"{event.category} event",
                category=event.category,
                key=f"event-{event.id}",
                when=event.date,
                tier=event_tier(ds, event),
                title=event.title,
                sources=(event.source,),
                mission=event.mission,
                person=event.person,
                launch_tag=launch_tag,
                people=(event.person, *people) if event.person else people,
            )
        )
    return rows
