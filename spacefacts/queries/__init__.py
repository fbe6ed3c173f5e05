"""Questions asked of a Dataset, answered with plain result objects (no I/O, no Rich, no labels).

One module per kind of question; every name is importable from here, so `from spacefacts.queries
import mission_card` and `queries.mission_card` keep working.
"""

from spacefacts.queries.counting import (
    FAMILY_RULE,
    CountUnderRule,
    Ordinal,
    family_ordinal,
    family_under_rules,
    ordinal,
    year_ordinal,
    year_under_rules,
)
from spacefacts.queries.flights import (
    SPACEWALK_RULE,
    SPACEWALK_WINDOW,
    crew_data_end,
    during,
    flight_end,
    spacewalk_groups,
)
from spacefacts.queries.info import FILES, data_info
from spacefacts.queries.launches import (
    OUTCOMES,
    YEAR_RULE,
    FamilyCount,
    LaunchFilter,
    YearCount,
    YearList,
    YearSummary,
    crewed_tags,
    filter_launches,
    launches_by_year,
    launches_in_year,
    list_year,
    state_names,
)
from spacefacts.queries.missions import CrewRow, EvaRow, MissionCard, came_home_on, journey, mission_card
from spacefacts.queries.people import FlightRow, PersonCard, person_card
from spacefacts.queries.resolve import did_you_mean, resolve_mission, resolve_person
from spacefacts.queries.search import Hit, search
from spacefacts.text import suggest

__all__ = [
    "FAMILY_RULE",
    "FILES",
    "OUTCOMES",
    "SPACEWALK_RULE",
    "SPACEWALK_WINDOW",
    "YEAR_RULE",
    "CountUnderRule",
    "CrewRow",
    "EvaRow",
    "FamilyCount",
    "FlightRow",
    "Hit",
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
    "data_info",
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
    "search",
    "spacewalk_groups",
    "state_names",
    "suggest",
    "year_ordinal",
    "year_under_rules",
]
