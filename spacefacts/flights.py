"""When a person's flight ends, whether a moment falls within it, how person-EVAs group into spacewalks,
and when the crew data ends: facts of the records that the queries, stations and history build on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from spacefacts.dataset import Dataset
from spacefacts.model import Eva, Mission, Person, Time

SPACEWALK_RULE = (
    "a spacewalk is a group leaving the hatch together: person-EVAs starting within 30 minutes of "
    "the group's first (on the same day when a start has no time) are one spacewalk"
)


SPACEWALK_WINDOW = timedelta(minutes=30)


def spacewalk_groups(evas: list[Eva]) -> list[list[Eva]]:
    """Person-EVAs grouped into spacewalks (SPACEWALK_RULE), in start order."""
    groups: list[list[Eva]] = []
    for eva in sorted(evas, key=lambda e: e.start.iso):
        if groups:
            first = groups[-1][0].start
            timed = len(first.iso) >= 17 and len(eva.start.iso) >= 17
            if (timed and eva.start.start - first.start <= SPACEWALK_WINDOW) or (
                not timed and eva.start.iso[:10] == first.iso[:10]
            ):
                groups[-1].append(eva)
                continue
        groups.append([eva])
    return groups


def flight_end(person: Person, mission: Mission) -> Time | None:
    """When the person came home from this flight: their own return, else the ship's landing."""
    back = person.return_from(mission.id)
    return back.landing if back else mission.landing


def during(moment: Time, start: Time, end: Time | None) -> bool:
    """Whether `moment` falls in [start, end], at the coarser precision of the two sides.

    A date-only EVA on launch or landing day counts as during the flight.
    """
    day = moment.iso[:10]
    if len(moment.iso) < 17 or len(start.iso) < 17:
        after_start = day >= start.iso[:10]
    else:
        after_start = moment.start >= start.start
    if end is None:
        return after_start
    if len(moment.iso) < 17 or len(end.iso) < 17:
        return after_start and day <= end.iso[:10]
    return after_start and moment.start <= end.start


def crew_data_updated(ds: Dataset) -> str:
    """The crew data's last update as McDowell's list gives it (an ISO date, or "")."""
    return str(ds.meta("missions.toml").get("updated", ""))


def crew_data_end(ds: Dataset) -> datetime | None:
    """The crew data's last update (McDowell's list), as the start of that day in UTC."""
    updated = crew_data_updated(ds)
    return datetime.fromisoformat(updated[:10]).replace(tzinfo=UTC) if len(updated) >= 10 else None
