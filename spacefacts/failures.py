"""A crewed launch that followed a failed one: "the first crewed launch after the Soyuz MS-10
launch failure of 2018-10-11, 53 days earlier". Computed from McDowell's list; no Rich, no Typer."""

from __future__ import annotations

from dataclasses import dataclass

from spacefacts.dataset import Dataset
from spacefacts.model import Mission

RULE = (
    "an orbital crewed flight whose previous crewed launch attempt in McDowell's list (of all, or "
    "else of the same spacecraft family) failed: a launch failure or an abort, except pad aborts "
    "(engines shut down on the pad; McDowell names them 'pad abort') and drop aborts of air-launched "
    "planes (X-15, VSS Unity); days between the two launch dates (UTC)"
)
AIR_LAUNCHED = frozenset({"X-15", "VG"})


@dataclass(frozen=True)
class AfterFailure:
    """A crewed flight that followed a failed launch: which one, and how many days later."""

    failed: Mission
    days: int
    scope: str  # "crewed launch" (the very previous one anywhere) or "crewed Soyuz launch"
    rule: str = RULE


def failed(mission: Mission) -> bool:
    if mission.outcome == "launch failure":
        return True
    return (
        mission.kind == "abort"
        and "pad abort" not in mission.name.lower()
        and mission.family not in AIR_LAUNCHED
    )


def after_failure(ds: Dataset, mission: Mission) -> AfterFailure | None:
    if mission.kind != "orbital" or mission.outcome != "success":
        return None
    earlier = sorted(
        (m for m in ds.missions if m.launch.iso < mission.launch.iso), key=lambda m: m.launch.iso
    )
    same_family = [m for m in earlier if mission.family and m.family == mission.family]
    for candidates, scope in ((earlier, "crewed launch"), (same_family, f"crewed {mission.family} launch")):
        if candidates and failed(candidates[-1]):
            previous = candidates[-1]
            days = (mission.launch.start.date() - previous.launch.start.date()).days
            return AfterFailure(previous, days, scope)
    return None
