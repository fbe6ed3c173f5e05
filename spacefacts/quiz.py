"""Trivia generated from the dataset: fair, reproducible questions, and a memory of answers.

Every question is computed from sourced records, so each answer can be checked with the
`lookup` command it names. Generation is pure: `random.Random(seed)` only, never the global
generator, so the same seed gives the same quiz. The history store is the one piece of I/O:
a JSON file in the user's data folder, written atomically under a lock.

No Rich and no Typer here; `spacefacts.render.quiz` draws and plays.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shlex
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacefacts import nations, quiz_uncrewed, station_quiz
from spacefacts.dataset import Dataset
from spacefacts.errors import NotFound, SpacefactsError, UsageError
from spacefacts.model import Event, Mission
from spacefacts.quiz_fair import Pools, draw, same_country, same_site, same_vehicle
from spacefacts.quiz_fame import EASY, FAME_RULE, NOTHING, Fame, Renown, level

if TYPE_CHECKING:
    from spacefacts.quiz_stats import Logged

KIND_CATEGORY = {
    "who-flew": "crew",
    "mission-of": "crew",
    "country": "crew",
    "year": "missions",
    "vehicle": "missions",
    "site": "missions",
    "launch-count": "launches",
    "first": "history",
    "on-date": "history",
    "true-statement": "true-false",
    "false-statement": "true-false",
    **station_quiz.KINDS,
    **quiz_uncrewed.KINDS,
}
CATEGORIES = ("crew", "missions", "launches", "history", "true-false")
DIFFICULTIES = ("easy", "medium", "hard")
OPTIONS = 4
DEFAULT_QUESTIONS = 10

PLANETS = frozenset({"Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"})
DIFFICULTY_RULE = FAME_RULE + " " + station_quiz.DIFFICULTY_RULE  # measured: spacefacts/quiz_fame.py

# Events generated from McDowell's rows repeat the crewed-flight records, so the history
# questions use the missions themselves and only the curated and planetary events.
_GENERATED_EVENT_SOURCE = "mcdowell-hsf/"
_MIN_GAP_DAYS = 2  # dates a day apart could be the same day in another time zone
# Facts with one value per mission: a true and a false claim about one of them contradict,
# which would give the answer away.
SINGLE_VALUED = frozenset({"year", "vehicle", "site", "orbit"})


@dataclass(frozen=True)
class Question:
    id: str  # `<kind>:<subject id>`, stable across versions so history can refer to it
    kind: str
    category: str
    difficulty: str
    prompt: str
    options: tuple[str, ...]
    answer_index: int
    explanation: str
    lookup: str
    source: str
    points: int = 0  # renown of the subject, which sets the difficulty (DIFFICULTY_RULE)
    reasons: tuple[str, ...] = ()  # what the points are for

    @property
    def answer(self) -> str:
        return self.options[self.answer_index]


@dataclass(frozen=True)
class Spec:
    """A question that can be asked, before its options are drawn."""

    kind: str
    subject: str
    difficulty: str
    renown: Renown = NOTHING

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.subject}"

    @property
    def category(self) -> str:
        return KIND_CATEGORY[self.kind]


# What a generator makes: prompt, answer, distractors, explanation, lookup, source.
_Made = tuple[str, str, list[str], str, str, str] | None


@dataclass(frozen=True)
class Happening:
    """A dated record for the history questions: a curated or planetary event, or a crewed launch."""

    key: str
    day: date
    text: str
    renown: Renown
    lookup: str
    source: str


def _mission_lookup(mission_id: str) -> str:
    return f"spacefacts mission {mission_id}"


def _mission_source(mission: Mission) -> str:
    return f"McDowell crewed-flight list ({mission.src})"


def _options(rng: random.Random, answer: str, distractors: list[str]) -> tuple[tuple[str, ...], int]:
    options = [answer, *distractors]
    rng.shuffle(options)
    return tuple(options), options.index(answer)


def _spread(rng: random.Random, value: int, step: int, low: int, high: int) -> list[int] | None:
    """Four evenly spaced numbers holding `value` at a random place, so its position gives nothing away."""
    places = [
        p for p in range(OPTIONS) if value - p * step >= low and value + (OPTIONS - 1 - p) * step <= high
    ]
    if not places:
        return None
    start = value - rng.choice(places) * step
    return [start + i * step for i in range(OPTIONS)]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class Bank:
    """Everything the generators need, indexed once per dataset."""

    def __init__(self, ds: Dataset):
        from spacefacts import queries

        self.ds = ds
        self.pools = Pools(ds)
        self.missions = [m for m in ds.missions if m.kind != "abort" and m.outcome == "success"]
        self.fame = Fame(ds)

        # Who is linked to a mission: its crew, and those who came home on it (they flew on it too).
        self.aboard: dict[str, set[str]] = {m.id: {seat.person for seat in m.crew} for m in ds.missions}
        for p in ds.people:
            for back in p.returns:
                if back.on in self.aboard:
                    self.aboard[back.on].add(p.id)
        self.rides: dict[str, set[str]] = {}
        for mission_id, people in self.aboard.items():
            for person_id in people:
                self.rides.setdefault(person_id, set()).add(mission_id)

        # Two people of the same display name would make an option ambiguous: leave them out.
        name_count: dict[str, int] = {}
        for p in ds.people:
            name_count[p.name] = name_count.get(p.name, 0) + 1
        self.people = [p for p in ds.people if name_count[p.name] == 1]
        self.nameable = {p.id for p in self.people}
        self.first_year = {
            p.id: min(ds.mission_by_id[m].launch.year for m in p.flights if m in ds.mission_by_id)
            for p in self.people
            if any(m in ds.mission_by_id for m in p.flights)
        }

        self.year_summaries = {
            year: summary
            for year in ds.launches_by_year
            if (summary := queries.launches_in_year(ds, year)).complete
        }
        self.happenings = self._happenings(ds)
        self.specs = self._specs()

    # Pools -------------------------------------------------------------------------------------

    def site_name(self, mission: Mission) -> str | None:
        site = self.ds.sites.get(mission.site) if mission.site else None
        return site.name if site else None

    def _happenings(self, ds: Dataset) -> list[Happening]:
        found: list[Happening] = []
        firsts: set[str] = set()
        # In time order, so that the first event at each body is known when it comes.
        for e in sorted(ds.events, key=lambda e: e.date.iso):
            if e.src.startswith(_GENERATED_EVENT_SOURCE) or e.date.month_day is None or e.date.uncertain:
                continue
            renown = self.fame.event(e, first_at_body=e.body in PLANETS and e.body not in firsts)
            firsts.add(e.body or "")
            found.append(
                Happening(
                    e.id, e.date.start.date(), e.title, renown, self._event_lookup(e), f"{e.source} ({e.src})"
                )
            )
        for m in self.missions:
            if m.launch.month_day is not None and not m.launch.uncertain:
                found.append(
                    Happening(
                        m.id,
                        m.launch.start.date(),
                        f"{m.name} launches",
                        self.fame.mission(m.id),
                        _mission_lookup(m.id),
                        _mission_source(m),
                    )
                )
        # A text that occurs on two dates (Mariner 10 flew by Mercury three times) has no one date.
        texts: dict[str, int] = {}
        for h in found:
            texts[h.text] = texts.get(h.text, 0) + 1
        return sorted((h for h in found if texts[h.text] == 1), key=lambda h: (h.day, h.key))

    @staticmethod
    def _event_lookup(e: Event) -> str:
        if e.mission:
            return _mission_lookup(e.mission)
        return f"spacefacts search {shlex.quote(e.title)}"

    def _later(self, anchor: Happening) -> list[Happening]:
        """Candidates for which-came-first: at least two days and at most six years after the anchor."""
        return [
            h
            for h in self.happenings
            if _MIN_GAP_DAYS <= (h.day - anchor.day).days <= 6 * 366 and h.text != anchor.text
        ]

    def _around(self, anchor: Happening) -> list[Happening]:
        """Candidates for on-date: within three years, and not on (or next to) the anchor's day."""
        return [h for h in self.happenings if _MIN_GAP_DAYS <= abs((h.day - anchor.day).days) <= 3 * 366]

    def _specs(self) -> list[Spec]:
        specs: list[Spec] = []
        askable = {m.id for m in self.missions}
        for m in self.missions:
            renown = self.fame.mission(m.id)
            kinds = ["year", "true-statement", "false-statement"]
            if any(seat.person in self.nameable for seat in m.crew):
                kinds.append("who-flew")
            # Rockets and sites are asked about GCAT-listed launches only: the options come from GCAT.
            if m.vehicle and m.launch_tag:
                kinds.append("vehicle")
            if self.site_name(m) and m.launch_tag:
                kinds.append("site")
            specs.extend(Spec(kind, m.id, level(renown.points), renown) for kind in kinds)
        for p in self.people:
            if p.id not in self.first_year:
                continue
            renown = self.fame.person(p.id)
            if self.rides.get(p.id, set()) & askable:
                specs.append(Spec("mission-of", p.id, level(renown.points), renown))
            if p.country and self.pools.is_guest(p.id):
                specs.append(Spec("country", p.id, level(renown.points), renown))
        complete = sorted(self.year_summaries)
        busiest = max(complete, key=lambda y: self.year_summaries[y].total)
        for year in complete:
            renown = NOTHING
            if year == complete[0]:
                renown += Renown(EASY, ("the first year of spaceflight",))
            if year == busiest:
                renown += Renown(EASY, ("the busiest year for launches",))
            specs.append(Spec("launch-count", str(year), level(renown.points), renown))
        for h in self.happenings:
            recalled = level(h.renown.points, recall=True)
            if len(self._later(h)) >= OPTIONS - 1:
                specs.append(Spec("first", h.key, recalled, h.renown))
            if len(self._around(h)) >= OPTIONS - 1:
                specs.append(Spec("on-date", h.key, recalled, h.renown))
        specs.extend(Spec(*spec) for spec in station_quiz.specs(self))
        specs.extend(Spec(*made) for made in quiz_uncrewed.specs(self.ds))
        return specs

    # Distractors (pools and answer families: spacefacts/quiz_fair.py) ----------------------------

    def _people_near(self, mission: Mission, like: str, exclude: set[str]) -> list[list[str]]:
        """Nameable person ids by plausibility, none of `exclude` (those aboard)."""
        tiers = self.pools.people_near(mission, like)
        return [[p for p in tier if p in self.nameable and p not in exclude] for tier in tiers]

    # Generators --------------------------------------------------------------------------------

    def generate(self, spec: Spec, rng: random.Random) -> Question | None:
        """The question for a spec with options drawn by `rng`, or None if too few fair distractors."""
        generators: dict[str, Callable[[Spec, random.Random], _Made]] = {
            "who-flew": self._who_flew,
            "mission-of": self._mission_of,
            "country": self._country,
            "year": self._year,
            "vehicle": self._vehicle,
            "site": self._site,
            "launch-count": self._launch_count,
            "first": self._first,
            "on-date": self._on_date,
            "true-statement": self._true_statement,
            "false-statement": self._false_statement,
            **quiz_uncrewed.generators(self.ds),
        }
        if spec.kind in station_quiz.GENERATORS:
            made = station_quiz.GENERATORS[spec.kind](self, spec.subject, rng)
        else:
            made = generators[spec.kind](spec, rng)
        if made is None:
            return None
        prompt, answer, distractors, explanation, lookup, source = made
        options, index = _options(rng, answer, distractors)
        return Question(
            spec.id,
            spec.kind,
            spec.category,
            spec.difficulty,
            prompt,
            options,
            index,
            explanation,
            lookup,
            source,
            spec.renown.points,
            spec.renown.reasons,
        )

    def _who_flew(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        crew = [self.ds.person_by_id[s.person] for s in m.crew if s.person in self.ds.person_by_id]
        nameable = [p for p in crew if p.id in self.nameable]
        right = rng.choice(nameable)
        picked = draw(rng, self._people_near(m, right.id, self.aboard[m.id]), right.id, OPTIONS - 1)
        if picked is None:
            return None
        names = [self.ds.person_by_id[p].name for p in picked]
        explanation = f"{m.name} launched {m.launch.display()} with {_and([p.name for p in crew])}."
        prompt = f"Who was in the crew of {m.name} ({m.launch.year})?"
        return prompt, right.name, names, explanation, _mission_lookup(m.id), _mission_source(m)

    def _mission_of(self, spec: Spec, rng: random.Random) -> _Made:
        p = self.ds.person_by_id[spec.subject]
        flown = [m for m in self.missions if m.id in self.rides.get(p.id, set())]
        right = rng.choice(flown)
        askable = {m.id for m in self.missions}
        ridden = self.rides.get(p.id, set())
        tiers = [
            [i for i in tier if i in askable and i not in ridden] for tier in self.pools.missions_near(right)
        ]
        picked = draw(rng, tiers, right.id, OPTIONS - 1)
        if picked is None:
            return None
        rides = sorted(self.rides.get(p.id, set()), key=lambda i: self.ds.mission_by_id[i].launch.iso)
        listed = _and(
            [f"{self.ds.mission_by_id[i].name} ({self.ds.mission_by_id[i].launch.year})" for i in rides]
        )
        explanation = f"{p.name} flew on {listed}; the other missions did not carry them."
        names = [self.ds.mission_by_id[i].name for i in picked]
        source = f"McDowell astronaut list ({p.src})"
        return (
            f"Which of these missions did {p.name} fly on?",
            right.name,
            names,
            explanation,
            _mission_lookup(right.id),
            source,
        )

    def _country(self, spec: Spec, rng: random.Random) -> _Made:
        p = self.ds.person_by_id[spec.subject]
        picked = draw(rng, self.pools.guest_countries(p.id), p.country, OPTIONS - 1, same_country)
        if picked is None:
            return None
        explanation = f"McDowell's astronaut list gives {p.name}'s citizenship as {p.country}."
        then = {nations.flew_for(self.ds, p, m).name for m in self.ds.missions_of_person.get(p.id, [])}
        if then - {p.country}:
            explanation += f" Flew for: {', '.join(sorted(then))} ({nations.RULE})."
        return (
            f"Which country is {p.name} listed under?",
            p.country,
            picked,
            explanation,
            f"spacefacts person {p.id}",
            f"McDowell astronaut list ({p.src})",
        )

    def _year(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        last = max(self.ds.launches_by_year)
        years = _spread(rng, m.launch.year, rng.choice([1, 1, 2]), 1957, last)
        if years is None:
            return None
        distractors = [str(y) for y in years if y != m.launch.year]
        explanation = f"{m.name} launched {m.launch.display()}."
        return (
            f"In what year did {m.name} launch?",
            str(m.launch.year),
            distractors,
            explanation,
            _mission_lookup(m.id),
            _mission_source(m),
        )

    def _launch_source(self, m: Mission) -> str:
        launch = self.ds.launch_by_tag.get(m.launch_tag) if m.launch_tag else None
        extra = f"; GCAT launch log ({launch.src})" if launch else ""
        return _mission_source(m) + extra

    def _vehicle(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        assert m.vehicle is not None
        picked = draw(rng, self.pools.vehicles_near(m), m.vehicle, OPTIONS - 1, same_vehicle)
        if picked is None:
            return None
        explanation = (
            f"{m.name} launched {m.launch.display()} on the {m.vehicle} (GCAT launch {m.launch_tag})."
        )
        prompt = f"Which launch vehicle carried {m.name} ({m.launch.year})?"
        return prompt, m.vehicle, picked, explanation, _mission_lookup(m.id), self._launch_source(m)

    def _site(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        name = self.site_name(m)
        assert name is not None
        picked = draw(rng, self.pools.sites_near(m), name, OPTIONS - 1, same_site)
        if picked is None:
            return None
        pad = f", pad {m.pad}" if m.pad else ""
        explanation = f"{m.name} launched {m.launch.display()} from {name} (GCAT site {m.site}{pad})."
        prompt = f"From which launch site did {m.name} ({m.launch.year}) lift off?"
        return prompt, name, picked, explanation, _mission_lookup(m.id), self._launch_source(m)

    def _launch_count(self, spec: Spec, rng: random.Random) -> _Made:
        summary = self.year_summaries[int(spec.subject)]
        total = summary.total
        step = max(1, round(total * rng.uniform(0.06, 0.12)))
        numbers = _spread(rng, total, step, 1, 10 * total + 10)
        if numbers is None:
            return None
        first, last = summary.launches[0], summary.launches[-1]
        explanation = (
            f"GCAT lists {total} orbital launch attempts from Earth in {summary.year} "
            f"({_count(summary.successes, 'success', 'successes')}, {_count(summary.failures, 'failure', 'failures')}), "
            f"counted as {summary.rule}."
        )
        return (
            f"How many orbital launch attempts from Earth were there in {summary.year}, failures included?",
            str(total),
            [str(n) for n in numbers if n != total],
            explanation,
            f"spacefacts launches {summary.year}",
            f"GCAT launch log, Jonathan McDowell ({first.tag} {first.src} to {last.tag} {last.src})",
        )

    def _happening(self, key: str) -> Happening:
        return next(h for h in self.happenings if h.key == key)

    def _first(self, spec: Spec, rng: random.Random) -> _Made:
        anchor = self._happening(spec.subject)
        later = rng.sample(self._later(anchor), OPTIONS - 1)
        later.sort(key=lambda h: h.day)
        then = "; then ".join(f"{h.text} ({h.day})" for h in later)
        explanation = f"First: {anchor.text} ({anchor.day}); then {then}."
        return (
            "Which of these happened first?",
            anchor.text,
            [h.text for h in later],
            explanation,
            anchor.lookup,
            anchor.source,
        )

    def _on_date(self, spec: Spec, rng: random.Random) -> _Made:
        anchor = self._happening(spec.subject)
        others = rng.sample(self._around(anchor), OPTIONS - 1)
        listed = "; ".join(f"{h.text} ({h.day})" for h in sorted(others, key=lambda h: h.day))
        explanation = f"On {anchor.day}: {anchor.text}. The others: {listed}."
        prompt = f"What happened on {anchor.day.day} {anchor.day:%B %Y} (UTC)?"
        return prompt, anchor.text, [h.text for h in others], explanation, anchor.lookup, anchor.source

    def _statements(
        self, m: Mission, rng: random.Random
    ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """True and false statements about a mission, by the fact they are about."""
        crew = [self.ds.person_by_id[s.person] for s in m.crew if s.person in self.nameable]
        true: dict[str, list[str]] = {
            "year": [f"{m.name} launched in {m.launch.year}"],
            "orbit": [
                f"{m.name} reached orbit" if m.kind == "orbital" else f"{m.name} was a suborbital flight"
            ],
        }
        false: dict[str, list[str]] = {
            "year": [f"{m.name} launched in {m.launch.year + d}" for d in (-3, -2, -1, 1, 2, 3)],
            "orbit": [
                f"{m.name} was a suborbital flight" if m.kind == "orbital" else f"{m.name} reached orbit"
            ],
        }
        if crew:
            true["crew"] = [f"{p.name} was in the crew of {m.name}" for p in crew]
            tiers = self._people_near(m, crew[0].id, self.aboard[m.id])
            others = draw(rng, tiers, crew[0].id, OPTIONS - 1) or []
            false["crew"] = [f"{self.ds.person_by_id[p].name} was in the crew of {m.name}" for p in others]
        if m.vehicle and m.launch_tag:
            true["vehicle"] = [f"The launch vehicle of {m.name} was the {m.vehicle}"]
            vehicles = draw(rng, self.pools.vehicles_near(m), m.vehicle, OPTIONS - 1, same_vehicle) or []
            false["vehicle"] = [f"The launch vehicle of {m.name} was the {v}" for v in vehicles]
        name = self.site_name(m)
        if name and m.launch_tag:
            true["site"] = [f"{m.name} launched from {name}"]
            sites = draw(rng, self.pools.sites_near(m), name, OPTIONS - 1, same_site) or []
            false["site"] = [f"{m.name} launched from {s}" for s in sites]
        return true, false

    def _summary(self, m: Mission) -> str:
        crew = [self.ds.person_by_id[s.person].name for s in m.crew if s.person in self.ds.person_by_id]
        parts = [f"{m.name}: {m.kind} flight launched {m.launch.display()}"]
        if self.site_name(m):
            parts.append(f"from {self.site_name(m)}")
        if m.vehicle:
            parts.append(f"on the {m.vehicle}")
        text = " ".join(parts)
        return text + (f"; crew {_and(crew)}." if crew else ".")

    def _one_of_each(self, rng: random.Random, pools: dict[str, list[str]], count: int) -> list[str]:
        """`count` distinct statements, about as many different facts as there are."""
        kinds = list(pools)
        rng.shuffle(kinds)
        chosen: list[str] = []
        while len(chosen) < count and any(pools[k] for k in kinds):
            for kind in kinds:
                left = [s for s in pools[kind] if s not in chosen]
                if left and len(chosen) < count:
                    chosen.append(rng.choice(left))
                pools[kind] = [s for s in pools[kind] if s not in chosen]
        return chosen

    def _true_statement(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        true, false = self._statements(m, rng)
        kind = rng.choice(sorted(true))
        right = rng.choice(true[kind])
        # Two claims about a one-valued fact (its year) would show one of them is the answer.
        others = {k: v for k, v in false.items() if k != kind or k not in SINGLE_VALUED}
        wrong = self._one_of_each(rng, others, OPTIONS - 1)
        if len(wrong) < OPTIONS - 1:
            return None
        return (
            f"Which statement about {m.name} is true?",
            right,
            wrong,
            self._summary(m),
            _mission_lookup(m.id),
            self._launch_source(m),
        )

    def _false_statement(self, spec: Spec, rng: random.Random) -> _Made:
        m = self.ds.mission_by_id[spec.subject]
        true, false = self._statements(m, rng)

        def others(kind: str) -> dict[str, list[str]]:
            return {k: list(v) for k, v in true.items() if k != kind or k not in SINGLE_VALUED}

        kinds = [k for k in sorted(false) if false[k] and sum(map(len, others(k).values())) >= OPTIONS - 1]
        if not kinds:
            return None
        kind = rng.choice(kinds)
        wrong = rng.choice(false[kind])
        right = self._one_of_each(rng, others(kind), OPTIONS - 1)
        return (
            f"Which statement about {m.name} is false?",
            wrong,
            right,
            self._summary(m),
            _mission_lookup(m.id),
            self._launch_source(m),
        )


@lru_cache(maxsize=4)
def bank(ds: Dataset) -> Bank:
    return Bank(ds)


# Choosing a quiz ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    seed: int | str
    pinned: bool  # a seed or a date was given: the history must not change which questions come
    replay: str | None  # the command that asks the same questions again


def plan(
    seed: int | None,
    daily: bool,
    day: str | None,
    count: int,
    category: str | None,
    difficulty: str | None,
    today: date | None = None,
) -> Plan:
    """The seed for a quiz: `--seed`, the date for `--daily` (local date unless `--date`), or random."""
    if count < 1:
        raise UsageError("--questions must be at least 1")
    check_filters(category, difficulty)
    if seed is not None and (daily or day):
        raise UsageError("give either --seed or --daily, not both")
    extra = "".join(
        f" {flag} {shlex.quote(value)}"
        for flag, value in (("--category", category), ("--difficulty", difficulty))
        if value
    ) + (f" --questions {count}" if count != DEFAULT_QUESTIONS else "")
    if daily or day:
        when = parse_day(day) if day else (today or date.today())
        return Plan(f"daily-{when.isoformat()}", True, f"spacefacts quiz --daily --date {when}{extra}")
    if seed is not None:
        return Plan(seed, True, f"spacefacts quiz --seed {seed}{extra}")
    return Plan(secrets.randbelow(1_000_000), False, None)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date wants YYYY-MM-DD, got '{text}'") from None


def _matches(spec: Spec, category: str | None, difficulty: str | None) -> bool:
    if category and category not in (spec.category, spec.kind):
        return False
    return not difficulty or spec.difficulty == difficulty


def check_filters(category: str | None, difficulty: str | None) -> None:
    if category and category not in CATEGORIES and category not in KIND_CATEGORY:
        raise UsageError(
            f"no category '{category}'; try one of {', '.join(CATEGORIES)} (or a kind: {', '.join(KIND_CATEGORY)})"
        )
    if difficulty and difficulty not in DIFFICULTIES:
        raise UsageError(f"no difficulty '{difficulty}'; try one of {', '.join(DIFFICULTIES)}")


def _balanced(rng: random.Random, specs: list[Spec]) -> list[Spec]:
    """Shuffle in rounds of one question of each kind (in random order), so a quiz is varied
    whatever the pool sizes (there are ten times more people than launch years)."""
    by_kind: dict[str, list[Spec]] = {}
    for spec in specs:
        by_kind.setdefault(spec.kind, []).append(spec)
    for group in by_kind.values():
        rng.shuffle(group)
    order: list[Spec] = []
    while by_kind:
        kinds = sorted(by_kind)
        rng.shuffle(kinds)
        for kind in kinds:
            order.append(by_kind[kind].pop())
            if not by_kind[kind]:
                del by_kind[kind]
    return order


def _by_memory(rng: random.Random, specs: list[Spec], seen: dict[str, Answered], count: int) -> list[Spec]:
    """Missed questions come back (up to half the quiz), then new ones, then the longest-ago right ones."""
    missed = _balanced(rng, [s for s in specs if s.id in seen and not seen[s.id].last_correct])
    fresh = _balanced(rng, [s for s in specs if s.id not in seen])
    known = sorted(
        (s for s in specs if s.id in seen and seen[s.id].last_correct), key=lambda s: seen[s.id].last_answered
    )
    review = max(1, count // 2)
    return missed[:review] + fresh + missed[review:] + known


def build_quiz(
    ds: Dataset,
    count: int,
    seed: int | str,
    category: str | None = None,
    difficulty: str | None = None,
    seen: dict[str, Answered] | None = None,
) -> list[Question]:
    """`count` questions for `seed`; with `seen` (the history), new and missed questions first."""
    if count < 1:
        raise UsageError("--questions must be at least 1")
    check_filters(category, difficulty)
    b = bank(ds)
    specs = [s for s in b.specs if _matches(s, category, difficulty)]
    if not specs:
        raise NotFound(
            f"no questions match category '{category or 'any'}' and difficulty '{difficulty or 'any'}'"
        )
    rng = random.Random(f"spacefacts-quiz:{seed}")
    order = _by_memory(rng, specs, seen, count) if seen is not None else _balanced(rng, specs)
    questions: list[Question] = []
    for spec in order:
        # Each question's options depend only on the seed and its id, not on what came before.
        question = b.generate(spec, random.Random(f"spacefacts-quiz:{seed}:{spec.id}"))
        if question is not None:
            questions.append(question)
        if len(questions) == count:
            break
    if seen is not None:
        rng.shuffle(questions)  # missed ones are picked first but need not be asked first
    return questions


# Playing -----------------------------------------------------------------------------------------


def parse_answer(text: str, count: int = OPTIONS) -> int | None:
    """`2`, `b`, `B)` or ` b. ` -> 1; anything else -> None."""
    token = text.strip().rstrip(").").strip().lower()
    if token.isdigit() and 1 <= int(token) <= count:
        return int(token) - 1
    if len(token) == 1 and "a" <= token < chr(ord("a") + count):
        return ord(token) - ord("a")
    return None


@dataclass
class Score:
    total: int
    asked: int = 0
    right: int = 0
    streak: int = 0
    best_streak: int = 0
    missed: list[Question] = field(default_factory=list)

    def add(self, question: Question, correct: bool) -> None:
        self.asked += 1
        if correct:
            self.right += 1
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
        else:
            self.streak = 0
            self.missed.append(question)


# History -----------------------------------------------------------------------------------------

HISTORY_FILE = "quiz-history.json"
HISTORY_VERSION = 1


def history_path() -> Path:
    """`quiz-history.json` in the user's data folder ($SPACEFACTS_HOME, else platformdirs)."""
    from spacefacts.userdata import data_dir

    return data_dir() / HISTORY_FILE


@dataclass(frozen=True)
class Answered:
    right: int
    wrong: int
    last_answered: str  # ISO 8601 UTC with microseconds, so it sorts in time order
    last_correct: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "right": self.right,
            "wrong": self.wrong,
            "last_answered": self.last_answered,
            "last_correct": self.last_correct,
        }


class CorruptHistory(ValueError):
    pass


# A history is a few hundred bytes per question; anything far bigger is not one.
MAX_HISTORY_BYTES = 16 * 1024 * 1024
# A count beyond this is not a count of answers (1e400 reads as infinity, a 5000-digit number is refused).
MAX_COUNT = 10**9


class UnusableHistory(OSError):
    """The history path is not a regular file (a folder, a pipe, a device) or is far too big."""


def _checked_fd(fd: int, path: Path) -> int:
    """`fd` if it is a regular file of sane size; else closed, and UnusableHistory raised."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_HISTORY_BYTES:
        os.close(fd)
        what = "not a regular file" if not stat.S_ISREG(info.st_mode) else "over 16 MB"
        raise UnusableHistory(f"{path} is {what}")
    return fd


def read_regular(path: Path) -> bytes | None:
    """The bytes of a quiz file (history or answer log), None if there is none. Never blocks on a
    pipe, never reads a device or a folder, never more than MAX_HISTORY_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UnusableHistory(f"{path} is not a regular file") from None
    with os.fdopen(_checked_fd(fd, path), "rb") as fh:
        return fh.read(MAX_HISTORY_BYTES + 1)


def append_regular(path: Path, text: str) -> None:
    """Append to a quiz file, refusing (never blocking on) a pipe, a device or a folder there."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except IsADirectoryError:
        raise UnusableHistory(f"{path} is not a regular file") from None
    with os.fdopen(_checked_fd(fd, path), "a", encoding="utf-8") as fh:
        fh.write(text)


def _parse_history(text: str) -> dict[str, Answered]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptHistory(f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except (ValueError, RecursionError):  # a number too long to convert, nesting too deep
        raise CorruptHistory("not a quiz history") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("questions"), dict):
        raise CorruptHistory("no 'questions' table")
    found = {}
    for qid, entry in doc["questions"].items():
        try:
            right, wrong = entry["right"], entry["wrong"]
            if not all(type(n) is int and 0 <= n <= MAX_COUNT for n in (right, wrong)):
                raise ValueError("not a count")
            found[qid] = Answered(right, wrong, str(entry["last_answered"]), bool(entry["last_correct"]))
        except (TypeError, KeyError, ValueError):
            raise CorruptHistory(f"bad entry for '{qid[:40]}'") from None
    return found


class History:
    """Answers kept across sessions, safe for two quizzes writing at once.

    Every write takes an exclusive lock on a side file, re-reads the history, adds this one answer
    and replaces the file atomically (a temporary file in the same folder, then os.replace), so a
    concurrent writer's answers are merged, never overwritten, and a crash never leaves half a file.
    """

    def __init__(self, path: Path, warn: Callable[[str], None]):
        self.path = path
        self.warn = warn
        self.usable = True  # False once the history could not be read or written: no more tries

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)  # a pipe there must not hang us
        with os.fdopen(os.open(lock_path, flags, 0o600), "a") as lock:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            yield  # the lock goes with the file's close

    def _read_text(self) -> str | None:
        """The file's text, None if there is none; never blocks on a pipe or reads a device."""
        data = read_regular(self.path)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return ""

    def _read(self) -> dict[str, Answered]:
        text = self._read_text()
        if text is None:
            return {}
        try:
            return _parse_history(text)
        except CorruptHistory as exc:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            os.replace(self.path, aside)
            self.warn(
                f"quiz history {self.path} is unreadable ({exc}); moved to {aside.name}, starting afresh"
            )
            return {}

    def _unusable(self, exc: OSError) -> None:
        self.usable = False
        reason = str(exc) if isinstance(exc, UnusableHistory) else (exc.strerror or str(exc))
        self.warn(f"quiz history {self.path} cannot be used ({reason}); this quiz is not remembered")

    def load(self) -> dict[str, Answered]:
        """The answers so far; empty, with one warning, when the history cannot be used."""
        try:
            with self._locked():
                return self._read()
        except OSError as exc:
            self._unusable(exc)
            return {}

    def record(
        self, question_id: str, correct: bool, game: str | None = None, asked: Question | None = None
    ) -> None:
        """Count one answer; with `game`, also log it for past scores (spacefacts/quiz_stats.py).
        After one warning, nothing more when the history cannot be used."""
        if not self.usable:
            return
        try:
            self._record(question_id, correct, game, asked)
        except OSError as exc:
            self._unusable(exc)

    def _record(
        self, question_id: str, correct: bool, game: str | None = None, asked: Question | None = None
    ) -> None:
        from spacefacts.quiz_stats import log_line, log_path

        with self._locked():
            now = datetime.now(UTC).isoformat(timespec="microseconds")
            answers = self._read()
            before = answers.get(question_id, Answered(0, 0, now, correct))
            answers[question_id] = Answered(
                before.right + correct, before.wrong + (not correct), max(now, before.last_answered), correct
            )
            self._write(answers)
            if game is not None and asked is not None:
                append_regular(log_path(self.path), log_line(game, now, asked, correct) + "\n")

    def answers_and_log(self) -> tuple[dict[str, Answered], list[Logged], int]:
        """The answer store, the answer log, and how many log lines could not be read."""
        from spacefacts.quiz_stats import log_path, read_log

        try:
            with self._locked():
                return (self._read(), *read_log(log_path(self.path)))
        except OSError as exc:
            reason = str(exc) if isinstance(exc, UnusableHistory) else (exc.strerror or str(exc))
            raise SpacefactsError(f"cannot read the quiz history: {reason}") from None

    def _write(self, answers: dict[str, Answered]) -> None:
        from spacefacts.userdata import atomic_write_text

        doc = {"version": HISTORY_VERSION, "questions": {k: v.to_json() for k, v in sorted(answers.items())}}
        atomic_write_text(self.path, json.dumps(doc, indent=1) + "\n")

    def reset(self) -> bool:
        """Forget every answer; True if there was anything to forget."""
        from spacefacts.quiz_stats import log_path

        try:
            with self._locked():
                existed = self.path.exists() or log_path(self.path).exists()
                self.path.unlink(missing_ok=True)
                log_path(self.path).unlink(missing_ok=True)
                return existed
        except OSError as exc:
            raise SpacefactsError(
                f"cannot clear the quiz history {self.path}: {exc.strerror or exc}"
            ) from None
