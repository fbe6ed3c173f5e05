"""Launch years: the summary, the filtered list and the counts per year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacefacts import nations
from spacefacts.dataset import Dataset
from spacefacts.errors import NotFound, UsageError
from spacefacts.model import Launch
from spacefacts.text import fold

YEAR_RULE = "orbital launch attempts from Earth in GCAT, failures included, in launch order"


@dataclass(frozen=True)
class YearSummary:
    """A year's orbital launch attempts, with the span of years the log covers."""

    year: int
    launches: list[Launch]
    first_year: int
    last_year: int
    coverage_end: str
    rule: str = YEAR_RULE

    @property
    def total(self) -> int:
        return len(self.launches)

    @property
    def successes(self) -> int:
        return sum(1 for launch in self.launches if launch.success)

    @property
    def failures(self) -> int:
        return self.total - self.successes

    @property
    def partial(self) -> int:
        return sum(1 for launch in self.launches if launch.outcome == "partial")

    @property
    def complete(self) -> bool:
        return self.coverage_end[:4] != str(self.year) or self.coverage_end[5:] == "12-31"

    def by_state(self) -> list[tuple[str, int]]:
        return Counter(launch.state for launch in self.launches).most_common()

    def by_family(self) -> list[FamilyCount]:
        """Launches per vehicle family, most first, with the family's vehicles this year.

        The family is GCAT's LV_Family (engineering lineage: the Chang Zheng 2/3/4 rockets are
        family DF5, named "Long March 2/3/4" by curated/families.toml; Soyuz rockets R-7); its
        vehicles are listed most used first. Render turns this into a label.
        """
        families = Counter(launch.family or launch.vehicle for launch in self.launches)
        vehicles: dict[str, Counter[str]] = {}
        for launch in self.launches:
            vehicles.setdefault(launch.family or launch.vehicle, Counter())[launch.vehicle] += 1
        return [
            FamilyCount(family, tuple(name for name, _ in vehicles[family].most_common()), n)
            for family, n in families.most_common()
        ]


@dataclass(frozen=True)
class FamilyCount:
    """One vehicle family's launches in a year, and its vehicles that year (most used first)."""

    family: str
    vehicles: tuple[str, ...]
    launches: int


def launches_in_year(ds: Dataset, year: int) -> YearSummary:
    years = ds.launches_by_year
    first, last = min(years), max(years)
    if year not in years:
        raise NotFound(f"no launches for {year}: the data covers {first} to {last}")
    end = str(ds.launch_meta.get("last", ""))
    return YearSummary(year, years[year], first, last, end)


@dataclass(frozen=True)
class LaunchFilter:
    """The filters of `launches --list`: state, vehicle, outcome, crewed."""

    country: str | None = None  # launching state code or name, e.g. "RU", "Russia"
    vehicle: str | None = None  # vehicle name or family, e.g. "Falcon 9", "R-7"
    outcome: str | None = None  # success, failure or partial
    crewed: bool | None = None

    def is_set(self) -> bool:
        return any(v is not None for v in vars(self).values())


OUTCOMES = ("success", "failure", "partial")


def state_names(ds: Dataset) -> dict[str, str]:
    """GCAT state code -> English name (data/countries.toml)."""
    return {code: country.name for code, country in ds.countries.items()}


def crewed_tags(ds: Dataset) -> set[str]:
    return {m.launch_tag for m in ds.missions if m.launch_tag and m.crew}


def filter_launches(ds: Dataset, launches: list[Launch], flt: LaunchFilter) -> list[Launch]:
    if flt.outcome is not None and flt.outcome not in OUTCOMES:
        raise UsageError(f"--outcome must be one of {', '.join(OUTCOMES)}, not '{flt.outcome}'")
    chosen = launches
    if flt.country:
        codes = nations.resolve_state(ds, flt.country)
        chosen = [x for x in chosen if x.state in codes]
    if flt.vehicle:
        key = fold(flt.vehicle)
        chosen = [x for x in chosen if key in (fold(x.vehicle), fold(x.family or ""))]
    if flt.outcome:
        chosen = [x for x in chosen if x.outcome == flt.outcome]
    if flt.crewed is not None:
        tags = crewed_tags(ds)
        chosen = [x for x in chosen if (x.tag in tags) == flt.crewed]
    return chosen


@dataclass(frozen=True)
class YearList:
    """A year's launches after the filters, each with its ordinal in the year."""

    summary: YearSummary
    rows: list[tuple[int, Launch]]  # (ordinal in the year, launch), after filters
    filters: LaunchFilter
    crewed: set[str]


def list_year(ds: Dataset, year: int, flt: LaunchFilter) -> YearList:
    summary = launches_in_year(ds, year)
    chosen = set(filter_launches(ds, summary.launches, flt))
    rows = [(n, x) for n, x in enumerate(summary.launches, 1) if x in chosen]
    return YearList(summary, rows, flt, crewed_tags(ds))


@dataclass(frozen=True)
class YearCount:
    """One year's attempts, successes and failures."""

    year: int
    attempts: int
    successes: int
    failures: int


def launches_by_year(ds: Dataset) -> list[YearCount]:
    counts = ds.year_counts
    out = []
    for year in range(min(counts), max(counts) + 1):
        attempts, ok = counts.get(year, (0, 0))
        out.append(YearCount(year, attempts, ok, attempts - ok))
    return out
