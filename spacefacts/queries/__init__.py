"""Questions asked of a Dataset, answered with plain result objects (no I/O, no Rich, no labels).

One module per kind of question. Every name is importable from here too (`from spacefacts.queries
import mission_card`, `queries.mission_card`); each is imported from its module when first asked
for, so a command that needs `flight_end` does not import the search or the mission card.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names, for type checkers; at run time __getattr__ imports them
    from spacefacts.flights import SPACEWALK_RULE as SPACEWALK_RULE
    from spacefacts.flights import SPACEWALK_WINDOW as SPACEWALK_WINDOW
    from spacefacts.flights import crew_data_end as crew_data_end
    from spacefacts.flights import during as during
    from spacefacts.flights import flight_end as flight_end
    from spacefacts.flights import spacewalk_groups as spacewalk_groups
    from spacefacts.queries.counting import FAMILY_RULE as FAMILY_RULE
    from spacefacts.queries.counting import CountUnderRule as CountUnderRule
    from spacefacts.queries.counting import Ordinal as Ordinal
    from spacefacts.queries.counting import family_ordinal as family_ordinal
    from spacefacts.queries.counting import family_under_rules as family_under_rules
    from spacefacts.queries.counting import ordinal as ordinal
    from spacefacts.queries.counting import year_ordinal as year_ordinal
    from spacefacts.queries.counting import year_under_rules as year_under_rules
    from spacefacts.queries.launches import OUTCOMES as OUTCOMES
    from spacefacts.queries.launches import YEAR_RULE as YEAR_RULE
    from spacefacts.queries.launches import FamilyCount as FamilyCount
    from spacefacts.queries.launches import LaunchFilter as LaunchFilter
    from spacefacts.queries.launches import YearCount as YearCount
    from spacefacts.queries.launches import YearList as YearList
    from spacefacts.queries.launches import YearSummary as YearSummary
    from spacefacts.queries.launches import crewed_tags as crewed_tags
    from spacefacts.queries.launches import filter_launches as filter_launches
    from spacefacts.queries.launches import launches_by_year as launches_by_year
    from spacefacts.queries.launches import launches_in_year as launches_in_year
    from spacefacts.queries.launches import list_year as list_year
    from spacefacts.queries.launches import state_names as state_names
    from spacefacts.queries.missions import CrewRow as CrewRow
    from spacefacts.queries.missions import EvaRow as EvaRow
    from spacefacts.queries.missions import MissionCard as MissionCard
    from spacefacts.queries.missions import came_home_on as came_home_on
    from spacefacts.queries.missions import journey as journey
    from spacefacts.queries.missions import mission_card as mission_card
    from spacefacts.queries.people import FlightRow as FlightRow
    from spacefacts.queries.people import PersonCard as PersonCard
    from spacefacts.queries.people import person_card as person_card
    from spacefacts.queries.resolve import did_you_mean as did_you_mean
    from spacefacts.queries.resolve import resolve_mission as resolve_mission
    from spacefacts.queries.resolve import resolve_person as resolve_person
    from spacefacts.text import suggest as suggest

# name -> the module that defines it
_WHERE = {
    "CountUnderRule": "spacefacts.queries.counting",
    "CrewRow": "spacefacts.queries.missions",
    "EvaRow": "spacefacts.queries.missions",
    "FAMILY_RULE": "spacefacts.queries.counting",
    "FamilyCount": "spacefacts.queries.launches",
    "FlightRow": "spacefacts.queries.people",
    "LaunchFilter": "spacefacts.queries.launches",
    "MissionCard": "spacefacts.queries.missions",
    "OUTCOMES": "spacefacts.queries.launches",
    "Ordinal": "spacefacts.queries.counting",
    "PersonCard": "spacefacts.queries.people",
    "SPACEWALK_RULE": "spacefacts.flights",
    "SPACEWALK_WINDOW": "spacefacts.flights",
    "YEAR_RULE": "spacefacts.queries.launches",
    "YearCount": "spacefacts.queries.launches",
    "YearList": "spacefacts.queries.launches",
    "YearSummary": "spacefacts.queries.launches",
    "came_home_on": "spacefacts.queries.missions",
    "crew_data_end": "spacefacts.flights",
    "crewed_tags": "spacefacts.queries.launches",
    "did_you_mean": "spacefacts.queries.resolve",
    "during": "spacefacts.flights",
    "family_ordinal": "spacefacts.queries.counting",
    "family_under_rules": "spacefacts.queries.counting",
    "filter_launches": "spacefacts.queries.launches",
    "flight_end": "spacefacts.flights",
    "journey": "spacefacts.queries.missions",
    "launches_by_year": "spacefacts.queries.launches",
    "launches_in_year": "spacefacts.queries.launches",
    "list_year": "spacefacts.queries.launches",
    "mission_card": "spacefacts.queries.missions",
    "ordinal": "spacefacts.queries.counting",
    "person_card": "spacefacts.queries.people",
    "resolve_mission": "spacefacts.queries.resolve",
    "resolve_person": "spacefacts.queries.resolve",
    "spacewalk_groups": "spacefacts.flights",
    "state_names": "spacefacts.queries.launches",
    "suggest": "spacefacts.text",
    "year_ordinal": "spacefacts.queries.counting",
    "year_under_rules": "spacefacts.queries.counting",
}

__all__ = [
    "FAMILY_RULE",
    "OUTCOMES",
    "SPACEWALK_RULE",
    "SPACEWALK_WINDOW",
    "YEAR_RULE",
    "CountUnderRule",
    "CrewRow",
    "EvaRow",
    "FamilyCount",
    "FlightRow",
    "LaunchFilter",
    "MissionCard",
    "Ordinal",
    "PersonCard",
    "YearCount",
    "YearList",
    "YearSummary",
    "came_home_on",
    "crew_data_end",
    "crewed_tags",
    "did_you_mean",
    "during",
    "family_ordinal",
    "family_under_rules",
    "filter_launches",
    "flight_end",
    "journey",
    "launches_by_year",
    "launches_in_year",
    "list_year",
    "mission_card",
    "ordinal",
    "person_card",
    "resolve_mission",
    "resolve_person",
    "spacewalk_groups",
    "state_names",
    "suggest",
    "year_ordinal",
    "year_under_rules",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
