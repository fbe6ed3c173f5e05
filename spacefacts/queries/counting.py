"""Ordinals ("the 3rd orbital launch of 2018") and counts under the common counting rules (--explain)."""

from __future__ import annotations

from dataclasses import dataclass

from spacefacts.dataset import Dataset
from spacefacts.model import Launch, Mission
from spacefacts.queries.launches import YEAR_RULE, launches_in_year
from spacefacts.text import fold

FAMILY_RULE = "crewed flights above 80 km in McDowell's list with the same spacecraft family, aborts excluded"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Ordinal:
    """Which one of its kind something was (the 3rd Soyuz flight of 2018), under a stated rule."""

    number: int
    total: int
    scope: str
    rule: str


def year_ordinal(ds: Dataset, launch: Launch) -> Ordinal | None:
    if not launch.earth:
        return None
    year = ds.launches_by_year.get(launch.date.year, [])
    if launch not in year:
        return None
    return Ordinal(year.index(launch) + 1, len(year), f"orbital launch of {launch.date.year}", YEAR_RULE)


def family_ordinal(ds: Dataset, mission: Mission) -> Ordinal | None:
    if mission.kind == "abort" or not mission.family:
        return None
    flights = [m for m in ds.missions if m.family == mission.family and m.kind != "abort"]
    return Ordinal(flights.index(mission) + 1, len(flights), f"crewed {mission.family} flight", FAMILY_RULE)


@dataclass(frozen=True)
class CountUnderRule:
    """A count under one of the counting rules, and whether it is the rule we use."""

    key: str
    rule: str
    count: int
    default: bool = False


def year_under_rules(ds: Dataset, year: int) -> list[CountUnderRule]:
    """The year's launch count under the common counting rules; the first is the one we use."""
    summary = launches_in_year(ds, year)
    launches = summary.launches
    everything = ds.launches_in(year)
    return [
        CountUnderRule("attempts_from_earth", YEAR_RULE, len(launches), True),
        CountUnderRule(
            "successes",
            "successes only, by GCAT's pass/fail letter (partial successes in)",
            summary.successes,
        ),
        CountUnderRule(
            "full_successes",
            "full successes only (no GCAT success fraction below 1)",
            sum(1 for x in launches if x.outcome == "success"),
        ),
        CountUnderRule(
            "earth_orbit_attempts",
            "attempts aimed at Earth orbit only (GCAT class O; deep-space launches left out)",
            sum(1 for x in launches if x.code.startswith("O")),
        ),
        CountUnderRule(
            "including_other_worlds",
            "attempts including ascents from the Moon and other worlds (GCAT class X)",
            len(everything),
        ),
    ]


def family_under_rules(ds: Dataset, mission: Mission) -> list[CountUnderRule]:
    """Which flight of its spacecraft family a mission was, under several rules.

    Sources disagree (the origin article calls Soyuz MS-11 'the 140th flight of a Soyuz
    spacecraft'); each rule here is computed, so a reader can see which one gives which number.
    """
    if not mission.family:
        return []
    up_to = [m for m in ds.missions if m.launch.iso <= mission.launch.iso]
    family = mission.family
    related = {family, f"{family}/MirCorp"}  # McDowell files Soyuz TM-30 under Soyuz/MirCorp
    rules = [
        CountUnderRule(
            "crewed_flights",
            f"crewed {family} flights above 80 km in McDowell's list, aborts excluded",
            sum(1 for m in up_to if m.family == family and m.kind != "abort"),
            True,
        ),
        CountUnderRule(
            "crewed_flights_and_aborts",
            f"crewed {family} launches, aborts below 80 km included",
            sum(1 for m in up_to if m.family == family),
        ),
        CountUnderRule(
            "orbital_crewed_flights",
            f"crewed {family} flights that reached orbit",
            sum(1 for m in up_to if m.family == family and m.kind == "orbital"),
        ),
    ]
    if any(m.family == f"{family}/MirCorp" for m in ds.missions):
        rules.append(
            CountUnderRule(
                "with_commercial",
                f"as the first rule, with McDowell's {family}/MirCorp flights",
                sum(1 for m in up_to if m.family in related and m.kind != "abort"),
            )
        )
    prefix = fold(family)
    # The first folded word of each launch's payload name comes from the store, with its launch time:
    # not 7,000 folds, nor 7,000 launches decoded, a run.
    named = sum(
        1 for word, when in ds.payload_first_words if word and word == prefix and when <= mission.launch.iso
    )
    if named >= rules[0].count:
        rules.append(
            CountUnderRule(
                "gcat_spacecraft_launches",
                f"GCAT launches whose main payload is named '{family}...', crewed and uncrewed, "
                "failures included (test ships under other names, such as Kosmos, are not counted)",
                named,
            )
        )
    return rules
