"""Question kinds about missions and launches: a mission's year, launch vehicle and site, and
how many orbital launches a year had. Each generator returns `Made` or None.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from spacefacts.quiz.fair import draw, same_site, same_vehicle
from spacefacts.quiz.questions import OPTIONS, Made, count_of, mission_lookup, mission_source, spread

if TYPE_CHECKING:
    from spacefacts.quiz.bank import Bank

KINDS = {"year": "missions", "vehicle": "missions", "site": "missions", "launch-count": "launches"}


def year(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    last = max(bank.ds.launches_by_year)
    years = spread(rng, m.launch.year, rng.choice([1, 1, 2]), 1957, last)
    if years is None:
        return None
    distractors = [str(y) for y in years if y != m.launch.year]
    explanation = f"{m.name} launched {m.launch.display()}."
    return (
        f"In what year did {m.name} launch?",
        str(m.launch.year),
        distractors,
        explanation,
        mission_lookup(m.id),
        mission_source(m),
    )


def vehicle(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    assert m.vehicle is not None
    picked = draw(rng, bank.pools.vehicles_near(m), m.vehicle, OPTIONS - 1, same_vehicle)
    if picked is None:
        return None
    explanation = f"{m.name} launched {m.launch.display()} on the {m.vehicle} (GCAT launch {m.launch_tag})."
    prompt = f"Which launch vehicle carried {m.name} ({m.launch.year})?"
    return prompt, m.vehicle, picked, explanation, mission_lookup(m.id), bank.launch_source(m)


def site(bank: Bank, subject: str, rng: random.Random) -> Made:
    m = bank.ds.mission_by_id[subject]
    name = bank.site_name(m)
    assert name is not None
    picked = draw(rng, bank.pools.sites_near(m), name, OPTIONS - 1, same_site)
    if picked is None:
        return None
    pad = f", pad {m.pad}" if m.pad else ""
    explanation = f"{m.name} launched {m.launch.display()} from {name} (GCAT site {m.site}{pad})."
    prompt = f"From which launch site did {m.name} ({m.launch.year}) lift off?"
    return prompt, name, picked, explanation, mission_lookup(m.id), bank.launch_source(m)


def year_counts(bank: Bank) -> dict[int, tuple[int, int, int, str, str, str, str, str]]:
    """Each year whose launch log is complete -> its launches, successes and failures, the counting
    rule, and the first and last launch (tag, source): built once per bank from every year's
    launches and kept with it (spacefacts.quiz.kept), so a question reads no launch."""
    return bank.index(
        "launch-counts",
        lambda: {
            year: (
                s.total,
                s.successes,
                s.failures,
                s.rule,
                s.launches[0].tag,
                s.launches[0].src,
                s.launches[-1].tag,
                s.launches[-1].src,
            )
            for year, s in bank.year_summaries.items()
        },
    )


def launch_count(bank: Bank, subject: str, rng: random.Random) -> Made:
    year = int(subject)
    total, successes, failures, rule, first_tag, first_src, last_tag, last_src = year_counts(bank)[year]
    step = max(1, round(total * rng.uniform(0.06, 0.12)))
    numbers = spread(rng, total, step, 1, 10 * total + 10)
    if numbers is None:
        return None
    explanation = (
        f"GCAT lists {total} orbital launch attempts from Earth in {year} "
        f"({count_of(successes, 'success', 'successes')}, {count_of(failures, 'failure', 'failures')}), "
        f"counted as {rule}."
    )
    return (
        f"How many orbital launch attempts from Earth were there in {year}, failures included?",
        str(total),
        [str(n) for n in numbers if n != total],
        explanation,
        f"spacefacts launches {year}",
        f"GCAT launch log, Jonathan McDowell ({first_tag} {first_src} to {last_tag} {last_src})",
    )
