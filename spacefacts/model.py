"""The dataset's records: immutable values with no I/O and no UI imports.

Records are frozen, slotted dataclasses, except the two built by the thousand on every start-up,
`Time` and `Launch`: they are NamedTuples, which build about five times faster (7,400 launches:
4 ms against 23 ms) and are just as immutable. Each dataclass has a docstring: without one,
creating the class calls inspect.signature to write one, a quarter of its import cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day", 17: "minute", 20: "second"}


class Time(NamedTuple):
    """A UTC instant known to some precision: `iso` is as long as the source was precise."""

    iso: str
    uncertain: bool = False

    @property
    def precision(self) -> str:
        return PRECISION_BY_LENGTH[len(self.iso)]

    @property
    def start(self) -> datetime:
        """The earliest instant the value can mean (the 1st of the month for a month)."""
        return _start(self.iso)

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def month_day(self) -> str | None:
        return self.iso[5:10] if len(self.iso) >= 10 else None

    def display(self) -> str:
        """`2018-12-03 11:31:52 UTC`, `2018-12-03`, with `?` where the source is unsure."""
        text = self.iso.removesuffix("Z").replace("T", " ")
        if len(self.iso) > 10:
            text += " UTC"
        return text + (" (uncertain)" if self.uncertain else "")


@lru_cache(maxsize=16384)
def _start(iso: str) -> datetime:
    """Time.start, computed once per text: `records` and the quiz ask for the same instants
    thousands of times (a datetime is immutable, so sharing one is safe)."""
    text = iso.removesuffix("Z")
    if len(text) == 4:
        return datetime(int(text), 1, 1, tzinfo=UTC)
    if len(text) == 7:
        return datetime(int(text[:4]), int(text[5:7]), 1, tzinfo=UTC)
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Site:
    """A launch site by GCAT code, with the name people use and GCAT's own."""

    code: str
    name: str
    gcat_name: str
    full_name: str
    state: str
    name_source: str | None
    src: str
    group: str = ""  # GCAT's UCode: the same site under another code (renames), else empty

    @property
    def identity(self) -> str:
        """The site whatever its code at the time: Baikonur is NIIP-5 until 1989, then GIK-5."""
        return self.group or self.code


def launch_outcome(code: str) -> str:
    """GCAT Launch_Code to `success`, `failure` or `partial` (rule in docs/data.md).

    The second letter is GCAT's pass/fail; two trailing digits are McDowell's launch success
    fraction (planet4589.org/space/gcat/web/intro/success.html), which makes it `partial`.
    """
    if len(code) < 2 or code[1] not in "SF":
        raise ValueError(f"unknown GCAT launch code {code!r}")
    if code[2:].isdigit():
        return "partial"
    return "success" if code[1] == "S" else "failure"


class Launch(NamedTuple):
    tag: str
    date: Time
    vehicle: str
    family: str | None
    site: str
    site_uncertain: bool
    pad: str | None
    state: str
    agency: str
    code: str
    outcome: str
    payload: str
    payloads: int
    earth: bool
    src: str

    @property
    def success(self) -> bool:
        """GCAT's pass/fail letter (a partial counts as whichever it says)."""
        return self.code[1] == "S"


@dataclass(frozen=True, slots=True)
class CrewSeat:
    """One person aboard a mission, and their role tag."""

    person: str
    role: str


@dataclass(frozen=True, slots=True)
class Mission:
    """A crewed (or crew-rated) flight: launch, landing, vehicle, site and crew."""

    id: str
    name: str
    aliases: tuple[str, ...]
    hsf_id: str
    hsf_tag: str
    designator: str
    kind: str
    outcome: str
    launch: Time
    landing: Time | None
    in_flight: bool
    callsign: str | None
    station: str | None
    program: str | None
    family: str | None
    orbit_id: str | None
    launch_tag: str | None
    vehicle: str | None
    site: str | None
    pad: str | None
    crew: tuple[CrewSeat, ...]
    cosmos: str | None
    src: str
    # A flight that ended in a fatal accident: what happened, in words, and the public source.
    # `landing` then holds the end of the flight (McDowell's end time), not a landing.
    accident: str | None = None
    accident_source: str | None = None
    platform: str | None = None  # the carrier aircraft of an air launch (B-52, White Knight Two)

    @property
    def duration(self) -> timedelta | None:
        if self.landing is None:
            return None
        return self.landing.start - self.launch.start


@dataclass(frozen=True, slots=True)
class Eva:
    """A spacewalk: start, end, duration in minutes where the source gives it."""

    start: Time
    end: Time | None
    duration_min: int | None
    src: str

    @property
    def duration(self) -> timedelta | None:
        if self.duration_min is not None:
            return timedelta(minutes=self.duration_min)
        if self.end is not None and self.end.precision in ("minute", "second"):
            return self.end.start - self.start.start
        return None


@dataclass(frozen=True, slots=True)
class Return:
    """A person who came home on another ship than the one they launched on."""

    mission: str
    landing: Time
    on: str | None
    src: str
    ship: str | None = None  # the ship's name where it is not a crewed flight (it flew up uncrewed)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who flew: names, birth and death, citizenship, flights, EVAs, returns."""

    id: str
    name: str
    sort_name: str
    native_name: str | None
    astro_no: str
    born: Time | None
    died: Time | None
    citizen: str
    country: str
    gender: str | None
    flights: tuple[str, ...]
    evas: tuple[Eva, ...]
    returns: tuple[Return, ...]
    cosmos: str | None
    src: str
    aliases: tuple[str, ...] = ()  # other spellings that find this person (data/people.toml)

    def return_from(self, mission_id: str) -> Return | None:
        return next((r for r in self.returns if r.mission == mission_id), None)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event of events.toml (a first, an accident, a planetary arrival, ...)."""

    id: str
    date: Time
    title: str
    category: str
    mission: str | None
    person: str | None
    body: str | None
    source: str
    src: str


@dataclass(frozen=True, slots=True)
class Country:
    """A state (or launching organisation) by its GCAT code, with the names people use."""

    code: str
    name: str
    aliases: tuple[str, ...]
    definite: bool  # written with "the" in a sentence: the United States
    src: str


@dataclass(frozen=True, slots=True)
class Former:
    """Citizens of `codes` who flew before `until` (an ISO day) flew for `state`, named `name`."""

    codes: tuple[str, ...]
    until: str
    state: str
    name: str | None
    src: str
