"""People's names as English references write them, and every other spelling as an alias.

The display-name rule (docs/data.md, "Names"), in order:
1. A curated entry (curated/names.toml, with its public source) wins.
2. Otherwise McDowell's name (astro.html): the given name he marks with `*`, else the first,
   then the surname. A name he writes without a comma is family name first; it is turned
   round except for Chinese, Korean and Vietnamese citizens, whose names English writes family
   name first too (Yang Liwei, but Koichi Wakata, Bertalan Farkas). A name in brackets after
   such a name is the name the person uses in English (Simonyi Karoly (Charles) -> Charles Simonyi).
3. A quoted nickname replaces the given name when cosmos-book, independently, names the person
   by it too: as its given name (GARN, Jake) or in double quotes (ALDRIN, Edwin "Buzz"). A
   nickname of several words is a whole name (Katy Perry).
4. Names in Cyrillic (McDowell's native-script column): the given name is cosmos-book's when it
   is the same name in another transliteration (Yuriy -> Yuri, Sergey -> Sergei); a surname with
   McDowell's soft-sign apostrophe takes cosmos-book's spelling when it is the same name
   (Dobrovol'skiy -> Dobrovolsky), else loses the apostrophe.
5. Accents McDowell leaves out come back from his native-script column when it is in Latin
   letters (Miroslaw -> Mirosław, Jahn -> Jähn).

Aliases are every other form the sources give: McDowell's own form, his nicknames and other
names in brackets, cosmos-book's, the native-script name in both orders, and curated short
forms. An alias that two people share is dropped from both and reported.
"""

from __future__ import annotations

import html
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacefacts.build.report import Report
from spacefacts.text import ascii_fold, fold

CURATED = Path(__file__).resolve().parents[2] / "curated" / "names.toml"
# Citizenships whose names English references write family name first (rule 2).
FAMILY_FIRST = frozenset({"CN", "KR", "KP", "VN", "TW"})
SECTION = "people: names"


@dataclass
class Names:
    display: str
    rule: str
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Parsed:
    """A McDowell or cosmos-book name taken apart."""

    surname: str
    given: list[str]  # as written, `*` removed
    used: str  # the given name the person goes by (McDowell's `*`, else the first)
    nicknames: list[str]  # in quotes
    double_quoted: list[str]  # cosmos-book's "double-quoted" names
    bracketed: list[str]  # other names in brackets
    family_first: bool  # written without a comma


def parse(raw: str) -> Parsed:
    text = html.unescape(raw).strip()
    double = re.findall(r'"([^"]+)"', text)
    nicks = re.findall(r"(?:^|\s)'([^']+)'", text) + double
    bracketed = re.findall(r"\(([^)]*)\)", text)
    text = re.sub(r'"[^"]*"', " ", text)
    text = re.sub(r"(^|\s)'[^']*'", " ", text)
    text = re.sub(r"\s*\([^)]*\)", " ", text)
    if "," not in text:
        words = text.replace("*", "").split()
        surname, given = (words[0], words[1:]) if words else ("", [])
        return Parsed(surname, given, given[0] if given else "", nicks, double, bracketed, True)
    surname, rest = text.split(",", 1)
    given_words = [w for w in rest.split(",")[0].split() if w.strip(".")]
    starred = [w[1:] for w in given_words if w.startswith("*")]
    given = [w.replace("*", "") for w in given_words]
    used = starred[0] if starred else (given[0] if given else "")
    return Parsed(" ".join(surname.split()), given, used, nicks, double, bracketed, False)


def title_case(word: str) -> str:
    """cosmos-book writes surnames in capitals: KRIKALYOV -> Krikalyov, SAINT-JACQUES -> Saint-Jacques
    (its accents are entities in lower case: TAMAYO M&eacute;NDEZ)."""
    if sum(c.isupper() for c in word) <= sum(c.islower() for c in word):
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())


def same_person(mine: Parsed, theirs: Parsed) -> bool:
    """cosmos-book's given name starts like one of McDowell's names for the person (a guard
    against a wrong join: HAGLE, Mark is not Hagle, Sharon)."""
    initials = {fold(n)[:1] for n in [*mine.given, *mine.nicknames, *mine.bracketed] if fold(n)}
    return not theirs.used or fold(theirs.used)[:1] in initials


def is_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(c, "") for c in text)


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def english_surname(surname: str) -> str:
    """McDowell's soft sign (') as English references write it: 'y' before a vowel, else nothing
    (Afanas'ev -> Afanasyev, Solov'yov -> Solovyov, At'kov -> Atkov); and -skiy as -sky
    (Dobrovol'skiy -> Dobrovolsky, Bykovskiy -> Bykovsky)."""
    surname = re.sub(r"'(?=[aeiou])", "y", surname).replace("'", "")
    return re.sub(r"(sk|tsk|zk)iy\b", r"\1y", surname)


def restore_accents(name: str, native: str) -> str:
    """Each word of `name` spelt as in `native` where the two differ only by accents."""
    spelt = {ascii_fold(w): w for w in re.findall(r"[^\W\d_]+", native)}
    return re.sub(r"[^\W\d_]+", lambda m: spelt.get(m.group(0), m.group(0)), name)


def load_curated(known: set[str]) -> dict[str, dict[str, Any]]:
    """astro No -> curated entry; every entry must name a known person and a public source."""
    if not CURATED.exists():
        return {}
    entries = tomllib.loads(CURATED.read_text(encoding="utf-8")).get("person", [])
    out: dict[str, dict[str, Any]] = {}
    for e in entries:
        where = f"curated/names.toml: {e.get('astro_no')}"
        if e.get("astro_no") not in known or not str(e.get("source", "")).startswith("http"):
            raise ValueError(f"{where}: needs a known astro_no and an http source")
        if not e.get("name") and not e.get("aliases"):
            raise ValueError(f"{where}: needs a name or aliases")
        out[e["astro_no"]] = e
    return out


def person_names(
    no: str, mcdowell: str, citizen: str, native: str, cosmos: str | None, curated: dict[str, Any] | None
) -> Names:
    mine = parse(mcdowell)
    theirs = parse(cosmos) if cosmos else None
    if theirs is not None and not same_person(mine, theirs):
        theirs = None
    display, rule = chosen_display(mine, theirs, citizen, native, curated)
    forms = alias_forms(mine, theirs, mcdowell, native, curated)
    seen = {fold(display)}
    aliases = []
    for form in forms:
        form = " ".join(form.split())
        key = fold(form)
        if key and key not in seen:
            seen.add(key)
            aliases.append(form)
    return Names(display, rule, aliases)


def chosen_display(
    mine: Parsed, theirs: Parsed | None, citizen: str, native: str, curated: dict[str, Any] | None
) -> tuple[str, str]:
    """The display name and the rule that gave it (the module docstring's rules, in order)."""
    surname, given = mine.surname, mine.used
    rule = "McDowell's name"
    english_given = [b for b in mine.bracketed if mine.family_first and b.strip()]
    if english_given:
        given, rule = english_given[0], "McDowell's name, the English given name in brackets"
    if theirs is not None:
        agreed = [n for n in mine.nicknames if n in theirs.double_quoted or n == theirs.used]
        if agreed and " " not in agreed[0]:
            given, rule = agreed[0], "the nickname McDowell and cosmos-book both give"
    whole = [n for n in mine.nicknames if len(n.split()) > 1 and "." not in n]
    if is_cyrillic(native):
        if theirs is not None and theirs.used != given and fold(theirs.used) == fold(given) != "":
            given, rule = title_case(theirs.used), "cosmos-book's spelling of the given name"
        english = english_surname(surname)
        if english != surname:
            surname, rule = english, rule + ", the surname as English writes it"
    family_first = mine.family_first and citizen in FAMILY_FIRST and not english_given
    display = f"{surname} {given}" if family_first else f"{given} {surname}"
    display = " ".join(display.split())
    if whole:
        display, rule = whole[0], "the full name McDowell gives in quotes"
    if native and is_latin(native) and not native.isascii():
        accented = restore_accents(display, native)
        if accented != display:
            display, rule = accented, rule + ", accents from McDowell's native-script name"
    if curated and curated.get("name"):
        display, rule = curated["name"], f"curated/names.toml ({curated['source']})"
    return display, rule


def alias_forms(
    mine: Parsed, theirs: Parsed | None, mcdowell: str, native: str, curated: dict[str, Any] | None
) -> list[str]:
    """Every form of the name the sources give, before duplicates are dropped."""
    forms: list[str] = []
    for parsed in (mine, theirs):
        if parsed is None:
            continue
        sur = title_case(parsed.surname)
        for first in dict.fromkeys([parsed.used, *parsed.given[:1], *parsed.nicknames]):
            if first and " " not in first:
                forms += [f"{first} {sur}", f"{sur} {first}"] if parsed.family_first else [f"{first} {sur}"]
        forms += [n for n in parsed.nicknames if " " in n]
        if parsed.family_first:
            forms += [f"{b} {sur}" for b in parsed.bracketed]
        else:
            forms += [f"{parsed.used} {b}" for b in parsed.bracketed if len(b.split()) == 1]
    if native and (not is_latin(native) or fold(native) != fold(mcdowell.replace("*", ""))):
        forms.append(native)
        if "," in native:
            last, first = native.split(",", 1)
            forms.append(f"{first.split()[0] if first.split() else ''} {last}")
    forms += list(curated.get("aliases", [])) if curated else []
    return forms


def drop_shared(named: dict[str, Names], labels: dict[str, str], report: Report) -> None:
    """An alias that folds to another person's alias or display name names no one: drop it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for no, n in named.items():
        for name in [n.display, *n.aliases]:
            owners[fold(name)].add(no)
    for no, n in named.items():
        keep = []
        for alias in n.aliases:
            others = sorted(owners[fold(alias)] - {no})
            if others:
                report.add(
                    "people: aliases dropped (two people)",
                    f'{labels[no]}: "{alias}" also names ' + ", ".join(labels[o] for o in others),
                )
            else:
                keep.append(alias)
        n.aliases = keep
    clashes: dict[str, list[str]] = defaultdict(list)
    for no, n in named.items():
        clashes[fold(n.display)].append(no)
    for nos in clashes.values():
        if len(nos) > 1:
            report.add(
                "people: display names shared (the resolver asks which)",
                ", ".join(labels[no] for no in nos),
            )


def assign(people: Iterable[Any], cosmos_names: dict[str, str], report: Report) -> dict[str, Names]:
    """astro No -> Names for every person (hsf.Person: `no`, `f`, `cosmos`)."""
    people = list(people)
    curated = load_curated({p.no for p in people})
    named: dict[str, Names] = {}
    labels: dict[str, str] = {}
    for p in people:
        native = p.f["UName"].translate(dict.fromkeys(map(ord, "\u200e\u200b\u200f"))).strip()
        cosmos = cosmos_names.get(p.cosmos) if p.cosmos else None
        if cosmos and not same_person(parse(p.f["Name"]), parse(cosmos)):
            report.add(
                "people: cosmos-book name not used (its given name is not McDowell's)",
                f"{p.no} {p.f['Name']} vs {p.cosmos} {html.unescape(cosmos)}",
            )
            cosmos = None
        named[p.no] = person_names(
            p.no, p.f["Name"], p.f["Citizen"].rstrip("?"), native, cosmos, curated.get(p.no)
        )
        labels[p.no] = f"{p.no} {p.f['Name']}"
    for no, entry in curated.items():
        report.add(
            "people: names from curated/names.toml", f"{labels[no]} -> {named[no].display}: {entry['source']}"
        )
    drop_shared(named, labels, report)
    return named


def check_event_titles(event_doc: dict[str, Any], people_doc: dict[str, Any], report: Report) -> None:
    """An event title that names its person by surname must use the display name, so a card
    never says "Aleksei" in one place and "Alexei" in another."""
    people = {p["id"]: p for p in people_doc.get("person", [])}
    for event in event_doc.get("event", []):
        person = people.get(event.get("person", ""))
        if person is None:
            continue
        surname = fold(person["sort_name"].split(",")[0])
        title = fold(event["title"])
        if surname in title and fold(person["name"]) not in title:
            report.add(
                "events: titles that name a person otherwise than their display name",
                f'{event["id"]}: "{event["title"]}" (display name {person["name"]})',
            )
