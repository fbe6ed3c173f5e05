"""Payloads and probes: every GCAT payload, famous ones by the names people use, and their cards.

Pure queries over data/payloads.toml (no Rich, no Typer). The file is read only when a command
asks about payloads; the parsed rows and the name index are kept in the dataset cache, so a
crewed-mission card never pays for them.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacefacts.dataset import Dataset, read_toml
from spacefacts.errors import Ambiguous, DataError, NotFound
from spacefacts.model import Launch, Mission, Time
from spacefacts.text import fold

FILE = "payloads.toml"
ROW_TYPES = [str, str, str, str, str, str, str, int, int]
TAG_RULE = "a launch tag alone means the first payload GCAT lists for that launch"
MIN_WORD = 3  # search: payload names are matched on a shorter first word only when equal to it
PLANETS = ("Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto", "the Moon")
TARGET_KINDS = ("orbit", "landing", "rover", "impact", "sample collection")
DESTINATION_RULE = (
    "the first body it orbited, landed on, drove on or struck; else the bodies it flew past, planets "
    "and the Moon first; else "
    "Earth orbit or beyond Earth orbit by GCAT's launch class (O or D)"
)
STATUS_AS_OF = "atlasofspace, commit of 2025-02-17"
# A visit's kind in words, before its body ("lands on" Mars): the words the landmark lines and the
# payload card share; each adds its own (a landmark's re-entry ends a mission, a card's names where).
VISIT_VERBS = {
    "flyby": "flies by",
    "orbit": "enters orbit around",
    "landing": "lands on",
    "rover": "rover lands on",
    "impact": "impacts",
    "sample collection": "collects a sample from",
    "sample return": "returns a sample to",
    "helicopter": "helicopter flies on",
    "perihelion": "reaches perihelion",
}


class Payload(NamedTuple):
    """One GCAT payload row: McDowell's catalogue number, piece, launch, names, owner, state."""

    jcat: str
    piece: str
    launch: str
    name: str
    alt: str
    owner: str
    state: str
    src: str


@dataclass(frozen=True)
class Visit:
    """A probe's arrival somewhere: flyby, orbit, landing, rover, impact, sample, ..."""

    body: str
    kind: str
    date: Time
    end: Time | None
    source: str
    note: str = ""


@dataclass(frozen=True)
class Famous:
    """A payload known by a common name (curated/payload_names.toml), with what we know of it."""

    id: str
    name: str
    jcat: str
    aliases: tuple[str, ...]
    source: str
    kind: str = ""
    destination: str = ""
    status: str = ""
    end: Time | None = None
    animals: tuple[str, ...] = ()
    visits: tuple[Visit, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass
class Payloads:
    """Every GCAT payload, the famous ones, owners, and the name indexes."""

    rows: Sequence[Payload]
    owners: dict[str, str]
    famous: tuple[Famous, ...]
    keys: Mapping[str, list[int]]  # folded name, alternative name, piece, JCAT, launch tag -> row indexes
    famous_keys: dict[str, list[int]]  # folded common name and aliases -> famous indexes
    # The rows of the famous payloads by JCAT, kept in the small store so the quiz and the landmarks
    # need neither the 31,000 rows nor the name index (spacefacts.payload_store).
    famous_rows: dict[str, Payload] = field(default_factory=dict)

    def by_jcat(self, jcat: str) -> Payload | None:
        if jcat in self.famous_rows:
            return self.famous_rows[jcat]
        for index in self.keys.get(fold(jcat), []):
            if self.rows[index].jcat == jcat:
                return self.rows[index]
        return None


_CACHE: weakref.WeakKeyDictionary[Dataset, Payloads] = weakref.WeakKeyDictionary()
_SUGGESTIONS: weakref.WeakKeyDictionary[Dataset, tuple[dict[str, list[str]], dict[str, str]]] = (
    weakref.WeakKeyDictionary()
)


def _time(value: Any, uncertain: bool = False) -> Time | None:
    return None if not value else Time(str(value), uncertain)


def _parse(ds: Dataset) -> Payloads:
    doc = read_toml(ds.directory / FILE)
    meta = doc.get("meta", {})
    files = meta.get("files", []) if isinstance(meta, dict) else []
    table = doc.get("payloads", {})
    raw_rows = table.get("rows") if isinstance(table, dict) else None
    if not isinstance(raw_rows, list):
        raise DataError(FILE, None, "payloads.rows", "expected a list of rows")
    rows = []
    for raw in raw_rows:
        if type(raw) is not list or list(map(type, raw)) != ROW_TYPES or raw[7] >= len(files):
            raise DataError(FILE, str(raw)[:40], "payloads.rows", f"expected {len(ROW_TYPES)} typed values")
        jcat, piece, launch, name, alt, owner, state, file, line = raw
        rows.append(
            Payload(jcat, piece, launch or _tag_of(piece), name, alt, owner, state, f"{files[file]}:{line}")
        )
    owners = doc.get("owners", {})
    famous = tuple(_famous(record) for record in doc.get("famous", []))
    keys: dict[str, list[int]] = {}
    for index, p in enumerate(rows):
        for name in dict.fromkeys((p.name, p.alt, p.piece, p.jcat, p.launch)):  # in order: a stable store
            key = fold(name)
            if key and index not in keys.setdefault(key, []):
                keys[key].append(index)
    famous_keys: dict[str, list[int]] = {}
    for index, f in enumerate(famous):
        for name in dict.fromkeys((f.id, f.name, *f.aliases)):
            key = fold(name)
            if key and index not in famous_keys.setdefault(key, []):
                famous_keys[key].append(index)
    return Payloads(tuple(rows), dict(owners), famous, keys, famous_keys)


def _tag_of(piece: str) -> str:
    """The launch tag a piece designator starts with: `1990-037B` -> `1990-037`, `1957 ALP 2` -> `1957 ALP`."""
    if piece[4:5] == "-":
        return piece[:8]
    return piece.rsplit(" ", 1)[0] if piece[-1:].isdigit() else piece


def _famous(record: dict[str, Any]) -> Famous:
    def text(key: str) -> str:
        value = record.get(key, "")
        if not isinstance(value, str):
            raise DataError(FILE, str(record.get("id")), key, "expected a string")
        return value

    visits = tuple(
        Visit(
            str(v["body"]),
            str(v["kind"]),
            Time(str(v["date"]), bool(v.get("date_uncertain", False))),
            _time(v.get("end")),
            str(v["source"]),
            str(v.get("note", "")),
        )
        for v in record.get("visit", [])
    )
    return Famous(
        id=text("id"),
        name=text("name"),
        jcat=text("jcat"),
        aliases=tuple(record.get("aliases", [])),
        source=text("source"),
        kind=text("kind"),
        destination=text("destination"),
        status=text("status"),
        end=_time(record.get("end")),
        animals=tuple(record.get("animals", [])),
        visits=visits,
        sources=tuple(record.get("sources", [])),
    )


def payloads_of(ds: Dataset) -> Payloads:
    """Every payload, parsed once per dataset and kept beside the dataset cache: the famous ones,
    owners and counts in `payloads.cache`, read whenever payloads are asked about; the 31,000 rows
    and the name index in `payload-rows.cache`, read only when a row or a look-up is needed."""
    from spacefacts import cache, payload_store

    found = _CACHE.get(ds)
    if found is None:
        found = _CACHE[ds] = cache.derived(
            ds,
            "payloads",
            lambda: _parse(ds),
            payload_store.encode,
            lambda stored: payload_store.decode(stored, ds, lambda: _parse(ds), sys.modules[__name__]),
        )
        if isinstance(found.rows, tuple):  # parsed just now: keep the rows and index as well
            payload_store.keep_texts(ds, found)
    return found


def famous_of(ds: Dataset, payload: Payload) -> Famous | None:
    return next((f for f in payloads_of(ds).famous if f.jcat == payload.jcat), None)


def display_name(ds: Dataset, payload: Payload) -> str:
    famous = famous_of(ds, payload)
    return famous.name if famous else payload.name


# Resolving a name -------------------------------------------------------------------------------


def resolve(ds: Dataset, query: str) -> Mission | Payload:
    """A crewed mission if the name is one; else a famous payload, a piece, a launch tag or a GCAT name.

    Crewed flights answer first (Soyuz MS-11 is the crewed flight, not GCAT's payload row of the
    same name); a common name (Zarya) comes next; then GCAT's own names. A launch tag alone means
    the first payload GCAT lists for that launch. Several different payloads: Ambiguous, listing them.
    """
    from spacefacts import queries

    key = fold(query)
    if key and (key in ds.mission_keys or key.replace(" ", "") in ds.mission_keys):
        return queries.resolve_mission(ds, query)
    data = payloads_of(ds)
    famous = [data.famous[i] for i in data.famous_keys.get(key, [])] if key else []
    if len(famous) == 1:
        found = data.by_jcat(famous[0].jcat)
        if found is not None:
            return found
    indexes = data.keys.get(key, []) if key else []
    # "Voyager" is GCAT's name of a 2006 cubesat, but a reader more likely means Voyager 1 or 2.
    family = [
        f
        for f in data.famous
        if key and any(fold(n).startswith(key + " ") for n in (f.name, *f.aliases)) and f not in famous
    ]
    if family and not famous:
        exact = [data.rows[i] for i in indexes if fold(data.rows[i].name) == key]
        candidates = [f"{f.name} ({f.id})" for f in family]
        candidates += [f"{r.name} ({r.piece}, {ds_launch_day(ds, r)})" for r in exact]
        raise Ambiguous(f"'{query}' matches several payloads: {', '.join(candidates)}")
    if indexes:
        rows = [data.rows[i] for i in indexes]
        if all(r.launch == rows[0].launch for r in rows) and fold(rows[0].launch) == key:
            return rows[0]
        # Several payloads of one launch share an unlettered piece (1973-027): the first is GCAT's main one.
        if len({r.piece for r in rows}) == 1 and fold(rows[0].piece) == key:
            return rows[0]
        if len(rows) == 1:
            return rows[0]
        shown = ", ".join(f"{display_name(ds, r)} ({r.piece}, {ds_launch_day(ds, r)})" for r in rows[:8])
        more = f" and {len(rows) - 8} more" if len(rows) > 8 else ""
        raise Ambiguous(f"'{query}' matches several payloads: {shown}{more}; give a piece designator")
    if len(famous) > 1:
        listed = ", ".join(f"{f.name} ({f.id})" for f in famous)
        raise Ambiguous(f"'{query}' matches several payloads: {listed}")
    near = _SUGGESTIONS.get(ds)
    if near is None:
        keys = {k: list(v) for k, v in ds.mission_keys.items()}
        for k, indexes in data.famous_keys.items():
            keys.setdefault(k, []).extend(data.famous[i].id for i in indexes)
        names = {m.id: m.name for m in ds.missions} | {f.id: f.name for f in data.famous}
        near = _SUGGESTIONS[ds] = (keys, names)
    raise NotFound(
        f"no mission matches '{query}' (crewed flights and payloads looked up)"
        f"{queries.did_you_mean(query, *near)}"
    )


def ds_launch_day(ds: Dataset, payload: Payload) -> str:
    launch = ds.launch_by_tag.get(payload.launch)
    return launch.date.iso[:10] if launch else "launch not in the log"


# The card -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayloadCard:
    """What a payload's card shows: the row, its launch and site, owners, and other payloads."""

    payload: Payload
    famous: Famous | None
    launch: Launch | None
    site_name: str | None
    year_ordinal: Any  # queries.Ordinal | None
    owners: list[tuple[str, str]]  # (code, English name or the code)
    state_name: str
    crewed_flight: Mission | None
    others: list[Payload] = field(default_factory=list)  # other payloads of the same launch

    @property
    def name(self) -> str:
        return self.famous.name if self.famous else self.payload.name

    @property
    def destination(self) -> str:
        """Where it went (rule: DESTINATION_RULE)."""
        visits = self.visits
        target = next((v.body for v in visits if v.kind in TARGET_KINDS), None)
        if target:
            return target
        flown = sorted(
            dict.fromkeys(v.body for v in visits if v.kind == "flyby"), key=lambda b: b not in PLANETS
        )
        if flown:
            return "flybys of " + ", ".join(flown[:4]) + (", ..." if len(flown) > 4 else "")
        if self.launch is not None and self.launch.code.startswith("O"):
            return "Earth orbit"
        if self.launch is not None and self.launch.code.startswith("D"):
            return "beyond Earth orbit"
        return ""

    @property
    def visits(self) -> list[Visit]:
        return sorted(self.famous.visits, key=lambda v: v.date.iso) if self.famous else []


def state_name(ds: Dataset, code: str) -> str:
    """English name of a GCAT state code (today's names first, then GCAT orgs.tsv ShortEName)."""
    from spacefacts.nations import state_label

    return state_label(ds, code.rstrip("?"), article=False)


def card(ds: Dataset, payload: Payload) -> PayloadCard:
    from spacefacts import queries

    data = payloads_of(ds)
    launch = ds.launch_by_tag.get(payload.launch)
    site = ds.sites.get(launch.site) if launch else None
    owners = [
        (code, data.owners.get(code.rstrip("?"), code) + (" (uncertain)" if code.endswith("?") else ""))
        for code in payload.owner.split("/")
        if code
    ]
    crewed = next(
        (m for m in ds.missions if m.launch_tag == payload.launch and m.crew and launch is not None), None
    )
    # Every row is indexed under its launch tag: the launch's payloads without a pass over 31,000 rows.
    same = (data.rows[i] for i in data.keys.get(fold(payload.launch), []))
    others = [r for r in same if r.launch == payload.launch and r.jcat != payload.jcat]
    return PayloadCard(
        payload=payload,
        famous=famous_of(ds, payload),
        launch=launch,
        site_name=(site.name if site else launch.site) if launch else None,
        year_ordinal=queries.year_ordinal(ds, launch) if launch else None,
        owners=owners,
        state_name=state_name(ds, payload.state),
        crewed_flight=crewed,
        others=others,
    )


# Search -------------------------------------------------------------------------------------------


Entry = tuple[str, str, str, str, int, tuple[str, ...]]  # kind, id, title, detail, rank bonus, folded names


def search_entries(ds: Dataset) -> Sequence[Entry]:
    """Search index entries (kind, id, title, detail, rank bonus, folded names) for payloads.

    Famous payloads rank with missions and people; the other 30,000 with launches. Kept beside the
    dataset cache as two texts (spacefacts.payload_store.SearchEntries), decoded entry by entry.
    """
    from spacefacts import cache
    from spacefacts.textindex import SearchEntries

    def build() -> SearchEntries:
        days = {tag: ds_launch_day(ds, ds_payload) for tag, ds_payload in _first_by_launch(ds).items()}
        return SearchEntries.of(_search_entries(payloads_of(ds), days))

    entries: SearchEntries = cache.derived(
        ds, "payload-search", build, SearchEntries.encode, SearchEntries.decode, kept=_SEARCH
    )
    return entries


_SEARCH: weakref.WeakKeyDictionary[Dataset, Any] = weakref.WeakKeyDictionary()


def search_candidates(ds: Dataset, words: list[str]) -> list[Entry]:
    """The payload search entries whose names contain the first word: found with one scan of a
    joined text rather than 30,000 Python comparisons (the ranking in spacefacts.search decides).
    A first word shorter than MIN_WORD matches only names equal to the text."""
    from spacefacts.textindex import SearchEntries

    entries = search_entries(ds)
    assert isinstance(entries, SearchEntries)
    if len(words[0]) < MIN_WORD:
        # A letter or two is in most of 30,000 names: only exact names (and pieces) answer it.
        data = payloads_of(ds)
        phrase = " ".join(words)
        exact = list(data.keys.get(phrase, []))
        for i in data.famous_keys.get(phrase, []):
            jcat = data.famous[i].jcat
            exact += [j for j in data.keys.get(fold(jcat), []) if data.rows[j].jcat == jcat][:1]
        return [entries[i] for i in dict.fromkeys(exact)]
    return [entries[i] for i in entries.lines_holding(words[0])]


def _first_by_launch(ds: Dataset) -> dict[str, Payload]:
    first: dict[str, Payload] = {}
    for r in payloads_of(ds).rows:
        first.setdefault(r.launch, r)
    return first


def _search_entries(data: Payloads, days: dict[str, str]) -> tuple[Entry, ...]:
    pieces: dict[str, int] = {}
    for r in data.rows:
        pieces[r.piece] = pieces.get(r.piece, 0) + 1
    famous = {f.jcat: f for f in data.famous}
    out = []
    for r in data.rows:
        f = famous.get(r.jcat)
        ident = r.piece if pieces[r.piece] == 1 else r.jcat
        names = [r.name, r.alt, r.piece]
        if f:
            names += [f.name, *f.aliases, *(a.split(" (")[0] for a in f.animals)]
        folded = tuple(k for k in dict.fromkeys(fold(n) for n in names if n) if k)
        title = f"{f.name} (GCAT: {r.name})" if f and f.name != r.name else r.name
        owner = data.owners.get(r.owner.split("/")[0].rstrip("?"), r.owner)
        detail = f"{days.get(r.launch, '')} {owner}".strip()
        out.append(("payload", ident, title, detail, 2 if f else 0, folded))
    return tuple(out)
