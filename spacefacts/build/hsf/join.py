"""McDowell's people joined one to one with cosmos-book's person files, and what the join leaves over."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from difflib import SequenceMatcher

from spacefacts.build import reconcile
from spacefacts.build.hsf.astro import Person, surname_key
from spacefacts.build.hsf.common import COSMOS_END, mcdowell_date
from spacefacts.build.hsf.cosmos import CosmosPerson
from spacefacts.build.hsf.missions import Row
from spacefacts.build.report import Report
from spacefacts.text import ascii_fold as fold


def name_words(raw: str) -> list[str]:
    text = re.sub(r"\s*\([^)]*\)", "", html.unescape(raw)).replace("*", "")
    return [w for w in (re.sub(r"[^a-z]", "", fold(t).lower()) for t in re.split(r"[\s,]+", text)) if w]


def surname_fit(surname: str, cosmos_name: str) -> int:
    """2 = same surname, 1 = close (transliteration, word order, double-barrelled), 0 = different.

    cosmos-book writes some Chinese names given-name-first after the comma ("DONG, Chen" for
    Chen Dong) and spells Russian names differently (SURAYEV/Suraev), hence the looser levels.
    """
    theirs = surname_key(cosmos_name)
    if surname == theirs:
        return 2
    short, long_ = sorted((surname, theirs), key=len)
    if len(short) >= 4 and short in long_:
        return 1
    if SequenceMatcher(None, surname, theirs).ratio() >= 0.8:
        return 1
    return 1 if surname in name_words(cosmos_name) else 0


def given_fit(person: Person, c: CosmosPerson) -> int:
    """How many of gender and given-name initial agree (0-2): what tells apart two people of one
    surname on one flight with no birth date in cosmos-book (the Hagles of NS-20)."""
    given = [w for w in name_words(person.f["Name"].split(",", 1)[-1]) if w]
    theirs = [w for w in name_words(c.name.split(",", 1)[-1]) if w] if "," in c.name else []
    gender = str(c.top.get("gender", "")).strip()[:1].upper()
    return (bool(gender) and gender == person.f["G"].strip()[:1].upper()) + (
        bool(given and theirs) and given[0][:1] == theirs[0][:1]
    )


def join_people(
    people: list[Person], cosmos: list[CosmosPerson], cmap: dict[str, Row], rows: list[Row]
) -> dict[str, Person]:
    """cosmos file -> McDowell person, one to one.

    A pair needs two of: similar surname, same birth date, a shared flight. Best pairs are taken
    first (more criteria, then exact surname, then agreeing gender and given-name initial, then
    astro.html order).
    """
    by_tag = {r.tag: r for r in rows}
    flights = {p.no: {by_tag[t].id for t, _ in p.rides} for p in people}
    cflights = {c.file: {cmap[m["name"]].id for m in c.missions if m.get("name") in cmap} for c in cosmos}
    by_dob: dict[str, list[CosmosPerson]] = defaultdict(list)
    by_flight: dict[str, list[CosmosPerson]] = defaultdict(list)
    by_surname: dict[str, list[CosmosPerson]] = defaultdict(list)
    for c in cosmos:
        by_dob[c.top.get("dob", "")].append(c)
        by_surname[surname_key(c.name)].append(c)
        for fid in cflights[c.file]:
            by_flight[fid].append(c)
    scored: list[tuple[int, int, int, int, str, Person]] = []
    for order, p in enumerate(people):
        surname, dob = surname_key(p.f["Name"]), mcdowell_date(p.f["Born"])[0]
        cands = {c.file: c for c in by_surname.get(surname, []) + (by_dob.get(dob, []) if dob else [])}
        for fid in sorted(flights[p.no]):
            cands.update((c.file, c) for c in by_flight[fid])
        for file, c in sorted(cands.items()):
            fit = surname_fit(surname, c.name)
            score = (
                (fit > 0)
                + (dob is not None and c.top.get("dob") == dob)
                + bool(cflights[file] & flights[p.no])
            )
            if score >= 2:
                scored.append((-score, -fit, -given_fit(p, c), order, file, p))
    out: dict[str, Person] = {}
    for *_, file, p in sorted(scored, key=lambda s: s[:5]):
        if file in out or p.cosmos is not None:
            continue
        out[file] = p
        p.cosmos = file
    return out


def report_people_join(
    people: list[Person], cosmos: list[CosmosPerson], joined: dict[str, Person], by_tag: dict[str, Row],
    report: Report,
) -> None:  # fmt: skip
    late = []
    for p in people:
        if p.cosmos:
            continue
        first = by_tag[p.rides[0][0]].launch or "" if p.rides else ""
        if first >= COSMOS_END:
            late.append(p)
        else:
            report.add(
                "people: in McDowell but not cosmos-book",
                f"{p.no} {p.f['Name']} (born {p.f['Born']}, first ride {first}) - {p.src}",
            )
    if late:
        report.add(
            "people: in McDowell but not cosmos-book",
            f"expected, first flew after cosmos-book's 2023 end: {len(late)} people",
        )
    unflown = 0
    for c in cosmos:
        if c.file in joined:
            continue
        if not c.missions:
            unflown += 1
            continue
        names = ", ".join(m.get("name", "?") for m in c.missions)
        report.add(
            "people: in cosmos-book but not McDowell",
            f"{c.file} {c.name} (dob {c.top.get('dob', '-')}; {names})",
        )
    report.add(
        "people: in cosmos-book but not McDowell",
        f"expected, {unflown} cosmos-book files list no missions (candidates who have not flown)",
    )


def check_dob(
    people: list[Person], cosmos: list[CosmosPerson], report: Report, found: list[reconcile.Disagreement]
) -> int:
    by_file = {c.file: c for c in cosmos}
    count = 0
    for p in people:
        if not p.cosmos:
            continue
        mine = mcdowell_date(p.f["Born"])[0]
        theirs = by_file[p.cosmos].top.get("dob")
        if mine and theirs and len(mine) == 10 and len(theirs) == 10 and mine != theirs:
            text = f"{p.no} {p.f['Name']} born: McDowell {mine} vs cosmos {theirs} ({p.cosmos})"
            found.append(reconcile.Disagreement("person", "born", p.no, text, mine, theirs))
            count += 1
    return count
