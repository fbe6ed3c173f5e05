"""The dataset: the records of every data file, and the indexes the queries need.

A container: its records (missions, people, launches, ...) come from spacefacts.loader (TOML) on
first use, or from spacefacts.cache (the stored form) when that is valid; once set, none changes.
The indexes (by id, by folded name, by year, by day) are built from the records on first use, or
taken from the store where it keeps them. Files load lazily: a command that needs only launches
never parses the crew files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from spacefacts import loader
from spacefacts.loader import (  # re-exported: the names other modules have always used
    builtin_data_dir,
    builtin_doc,
    parse_time,
    read_toml,
    valid_iso,
)
from spacefacts.model import Country, Event, Former, Launch, Mission, Person, Site
from spacefacts.stored import LaunchesByTag, LazyMap, Stored
from spacefacts.text import fold
from spacefacts.textindex import SearchEntries

__all__ = [
    "Dataset",
    "LazyMap",
    "Stored",
    "builtin_data_dir",
    "builtin_doc",
    "fold",
    "load",
    "parse_time",
    "read_toml",
    "valid_iso",
]
_valid_iso = valid_iso

K = TypeVar("K")
V = TypeVar("V")

# Small facts computed from the records (properties below), kept with them by spacefacts.cache as plain
# data, so a command that needs only them decodes no record; each with the container it is.
KEPT_FACTS: dict[str, type] = {
    "returned_on": dict,
    "year_counts": dict,
    "launch_span": tuple,
    "own_returns": dict,
}
# What spacefacts.cache may set on a dataset it decodes, all at once (Dataset.restore).
STORED_FIELDS = (
    "missions",
    "events",
    "sites",
    "launch_meta",
    "metas",
    "mission_keys",
    "countries",
    "formers",
    "roles",
    *KEPT_FACTS,
)


def _same(value: V) -> V:
    return value


def _checked_words(stored: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(stored, tuple) or not all(
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
        for pair in stored
    ):
        raise ValueError("malformed payload words")
    return stored


def _in_launch_order(launches: list[Launch]) -> list[Launch]:
    # ISO strings sort in time order whatever their precision.
    launches.sort(key=lambda launch: launch.date.iso)
    return launches


class Dataset:
    """The whole dataset. Attributes load on first use and are then indexed."""

    def __init__(self, directory: Path | None = None, use_imported: bool = True, extra: Sequence[Path] = ()):
        self.directory = directory or builtin_data_dir()
        # The user's own folders of missions.toml / people.toml / events.toml (--data, SPACEFACTS_DATA),
        # layered on top of the built-in records; a folder named twice (or by two paths) counts once.
        folders: dict[Path, Path] = {}
        for folder in extra:
            folders.setdefault(folder.resolve(), folder)
        self.extra = tuple(folders.values())
        self.origins: dict[tuple[str, str], str] = {}  # (table, id) -> user file, for messages
        self.cache: tuple[Path, str] | None = None  # (folder, key) when loaded through spacefacts.cache
        self._stored: Stored | None = None  # records spacefacts.cache decodes on demand
        # Set by spacefacts.cache: keep(name, build, encode, decode) gives build(), or what it gave
        # last time, stored beside the records under the same key (derived indexes: search).
        self.keep: Callable[..., Any] | None = None
        # A launch log the user imported (spacefacts data import-gcat) replaces the built-in one.
        imported = None
        if directory is None and use_imported:
            from spacefacts.userdata import imported_launches

            imported = imported_launches()
        self.launch_file = imported or self.directory / "launches.toml"
        self.imported = imported is not None

    @property
    def stored(self) -> bool:
        """Whether the records came from the cache rather than the TOML files."""
        return self._stored is not None

    def restore(self, stored: Stored, values: Mapping[str, Any], origins: dict[tuple[str, str], str]) -> None:
        """Take records from spacefacts.cache: `values` for STORED_FIELDS, `stored` for the rest."""
        unknown = set(values) - set(STORED_FIELDS)
        if unknown:
            raise ValueError(f"not stored fields: {sorted(unknown)}")
        self._stored = stored
        self.__dict__.update(values)
        self.origins = origins

    def forget_stored(self) -> None:
        """Drop whatever a failed restore set, so the records load from TOML."""
        self._stored = None
        for name in (*STORED_FIELDS, "people", "person_keys", "person_by_id"):
            self.__dict__.pop(name, None)
        self.origins = {}

    def _layers(self, name: str, table: str) -> loader.Layers:
        """(file label, records) for the built-in file and then each user folder that has one."""
        builtin = {"missions.toml": "_mission_doc", "people.toml": "_people_doc"}.get(name)
        doc = getattr(self, builtin) if builtin else self._doc(name)
        layers = [(name, list(loader.records(doc, table, name)))]
        for folder in self.extra:
            path = folder / name
            if path.is_file():
                layers.append((str(path), list(loader.records(read_toml(path), table, str(path)))))
        return layers

    @cached_property
    def search_index(self) -> Sequence[tuple[str, str, str, str, int, tuple[str, ...]]]:
        """(kind, id, title, detail, rank bonus, folded names) for every searchable record; kept
        in the store as texts (spacefacts.textindex), so a search neither folds nor decodes 10,000
        names on every run."""
        if self.keep is not None:
            entries: SearchEntries = self.keep(
                "search", self._search_entries, SearchEntries.encode, SearchEntries.decode
            )
            return entries
        return self._search_entries()

    def _search_entries(self) -> SearchEntries:
        index: list[tuple[str, str, str, str, int, tuple[str, ...]]] = []

        def names(*values: str) -> tuple[str, ...]:
            return tuple(f for f in (fold(v) for v in values if v) if f)

        for m in self.missions:
            index.append(("mission", m.id, m.name, m.launch.iso[:10], 2, names(m.name, m.id, *m.aliases)))
        for p in self.people:
            index.append(("person", p.id, p.name, p.country, 2, names(p.name, p.sort_name, p.id)))
        for e in self.events:
            index.append(("event", e.id, e.title, e.date.iso[:10], 1, names(e.title)))
        for x in self.launches:
            index.append(("launch", x.tag, x.payload, f"{x.date.iso[:10]} {x.vehicle}", 0, names(x.payload)))
        return SearchEntries.of(tuple(index))

    @cached_property
    def payload_first_words(self) -> tuple[tuple[str, str], ...]:
        """(the first word of a launch's main payload name, folded, and its launch time) for every
        launch ("soyuz" for Soyuz MS-11; "" for none), for the counting rules; kept in the store, so
        counting them decodes no launch."""

        def build() -> tuple[tuple[str, str], ...]:
            return tuple((next(iter(fold(x.payload).split()), ""), x.date.iso) for x in self.launches)

        if self.keep is not None:
            words: tuple[tuple[str, str], ...] = self.keep("payload-words", build, _same, _checked_words)
            return words
        return build()

    def search_candidates(self, word: str) -> list[tuple[str, str, str, str, int, tuple[str, ...]]]:
        """The search index entries one of whose names holds `word`, spaces aside, in index order:
        every entry a search whose first word is `word` could rank (queries.search)."""
        index = self.search_index
        assert isinstance(index, SearchEntries)
        return [index[i] for i in index.lines_holding(word, squeezed=True)]

    def file_of(self, table: str, record_id: str) -> str:
        """The file a record came from: the built-in file's name, or the user's file path."""
        return self.origins.get((table, record_id), table)

    def _doc(self, name: str) -> dict[str, Any]:
        if name == "launches.toml":
            return read_toml(self.launch_file)
        return read_toml(self.directory / name)

    # launches.toml -------------------------------------------------------------------------

    @cached_property
    def _launch_doc(self) -> dict[str, Any]:
        return self._doc("launches.toml")

    @cached_property
    def sites(self) -> dict[str, Site]:
        return loader.sites(self._launch_doc)

    @cached_property
    def launches(self) -> tuple[Launch, ...]:
        if self._stored is not None:  # from the cache: launches per year, decoded on demand
            stored = self._stored
            return tuple(x for year in stored.launch_years for x in stored.launches_of(year))
        return loader.launches(self._launch_doc)

    @cached_property
    def launch_by_tag(self) -> Mapping[str, Launch]:
        if self._stored is not None and "launches" not in self.__dict__:
            return LaunchesByTag(self._stored)
        return {launch.tag: launch for launch in self.launches}

    def launches_in(self, year: int) -> tuple[Launch, ...]:
        """Every launch of one year (from Earth and other worlds), in the log's order; from the store,
        only that year is decoded."""
        if self._stored is not None and "launches" not in self.__dict__:
            return self._stored.launches_of(year)
        return tuple(x for x in self.launches if x.date.year == year)

    @cached_property
    def launches_by_year(self) -> Mapping[int, list[Launch]]:
        """Orbital launch attempts from Earth per year, in launch order."""
        stored = self._stored
        if stored is not None and "launches" not in self.__dict__:
            return LazyMap(
                {year: year for year in stored.earth_years},
                lambda year: _in_launch_order([x for x in stored.launches_of(year) if x.earth]),
            )
        years: dict[int, list[Launch]] = {}
        for launch in self.launches:
            if launch.earth:
                years.setdefault(launch.date.year, []).append(launch)
        for launches in years.values():
            _in_launch_order(launches)
        return years

    @cached_property
    def launch_span(self) -> tuple[int, str, str]:
        """(how many launches the log holds, the first's time, the last's): kept with the records, so
        `data info` decodes no launch."""
        launches = self.launches
        return (len(launches), launches[0].date.iso, launches[-1].date.iso) if launches else (0, "", "")

    @cached_property
    def year_counts(self) -> dict[int, tuple[int, int]]:
        """Year -> (orbital launch attempts from Earth, successes): kept with the records, so the
        launches-per-year chart decodes no launch."""
        years = self.launches_by_year
        return {year: (len(years[year]), sum(1 for x in years[year] if x.success)) for year in sorted(years)}

    @cached_property
    def launch_meta(self) -> dict[str, Any]:
        meta = self._launch_doc.get("meta", {})
        return meta if isinstance(meta, dict) else {}

    # missions.toml and people.toml ---------------------------------------------------------

    @cached_property
    def _mission_doc(self) -> dict[str, Any]:
        return self._doc("missions.toml")

    @cached_property
    def missions(self) -> tuple[Mission, ...]:
        return loader.missions(self._layers("missions.toml", "mission"), self.origins)

    @cached_property
    def mission_by_id(self) -> dict[str, Mission]:
        return {mission.id: mission for mission in self.missions}

    @cached_property
    def mission_keys(self) -> dict[str, list[str]]:
        """Folded names -> mission ids (usually one), in three tiers; a key of a higher tier is
        never taken by a lower one:
        1. the id, name, aliases, COSPAR designator and GCAT tag, folded ("apollo 11");
        2. the same without spaces ("apollo11", "sts51l");
        3. shorter forms people type: the name without its leading words ("MS-10", "Demo-2",
           "Unity 22"; the rest must hold a letter and a digit), a number's letter suffix dropped
           ("Gemini 6" for Gemini 6-A), and McDowell's radio callsign ("Unity 22").
        A key of tier 3 that fits two missions is left out: it names neither."""
        tiers: tuple[dict[str, list[str]], ...] = ({}, {}, {})

        def add(tier: int, key: str, mission_id: str) -> None:
            if key and mission_id not in tiers[tier].setdefault(key, []):
                tiers[tier][key].append(mission_id)

        for mission in self.missions:
            names = {mission.id, mission.name, mission.designator, *mission.aliases}
            if mission.launch_tag:
                names.add(mission.launch_tag)
            for name in names:
                key = fold(name)
                add(0, key, mission.id)
                add(1, key.replace(" ", ""), mission.id)
            for name in [mission.name, *mission.aliases, mission.callsign or ""]:
                words = fold(name).split()
                for start in range(len(words)):
                    rest = "".join(words[start:])
                    if start == 0 or (re.search(r"[a-z]", rest) and re.search(r"\d", rest)):
                        add(2, rest, mission.id)
                        if start == 0:
                            add(2, re.sub(r"(?<=\d)[a-z]$", "", rest), mission.id)
        # A short form two missions share names neither (a callsign like Columbia): left out.
        keys = {key: ids for key, ids in tiers[2].items() if len(ids) == 1}
        keys.update(tiers[1])
        keys.update(tiers[0])
        return keys

    @cached_property
    def _people_doc(self) -> dict[str, Any]:
        return self._doc("people.toml")

    @cached_property
    def people(self) -> tuple[Person, ...]:
        if self._stored is not None:
            return self._stored.people()
        return loader.people(self._layers("people.toml", "person"), self.origins)

    @cached_property
    def person_by_id(self) -> Mapping[str, Person]:
        if self._stored is not None and "people" not in self.__dict__:
            return self._stored.person_by_id()
        return {person.id: person for person in self.people}

    @cached_property
    def person_keys(self) -> dict[str, list[str]]:
        """Folded id, display name, sort name, surname and every alias -> person ids."""
        if self._stored is not None and "people" not in self.__dict__:
            return self._stored.person_keys()
        keys: dict[str, list[str]] = {}
        for person in self.people:
            surname = person.sort_name.split(",")[0]
            for name in dict.fromkeys((person.id, person.name, person.sort_name, surname, *person.aliases)):
                key = fold(name)
                if key and person.id not in keys.setdefault(key, []):
                    keys[key].append(person.id)
        return keys

    @cached_property
    def returned_on(self) -> dict[str, list[str]]:
        """Mission id -> ids of the people who came home on it after launching on another flight
        (kept with the records: a mission card asks it without decoding every person)."""
        found: dict[str, list[str]] = {}
        for person in self.people:
            for back in person.returns:
                ids = found.setdefault(back.on, []) if back.on and back.on != back.mission else None
                if ids is not None and person.id not in ids:
                    ids.append(person.id)
        return found

    @cached_property
    def own_returns(self) -> dict[str, dict[str, str]]:
        """Mission id -> person id -> when that person came home, for the crew who did not come
        home with their ship (Person.returns; kept with the records, so `in-space` decodes only the
        people still up)."""
        found: dict[str, dict[str, str]] = {}
        for person in self.people:
            for back in person.returns:
                found.setdefault(back.mission, {}).setdefault(
                    person.id, back.landing.iso
                )  # the first, as return_from
        return found

    @cached_property
    def missions_of_person(self) -> dict[str, list[Mission]]:
        rides: dict[str, list[Mission]] = {}
        for mission in self.missions:
            for seat in mission.crew:
                rides.setdefault(seat.person, []).append(mission)
        return rides

    # countries.toml and roles.toml ---------------------------------------------------------

    @cached_property
    def _country_doc(self) -> dict[str, Any]:
        return self._doc("countries.toml")

    @cached_property
    def countries(self) -> dict[str, Country]:
        """GCAT code -> country, for citizens and launching states."""
        return loader.countries(self._country_doc)

    @cached_property
    def formers(self) -> tuple[Former, ...]:
        return loader.formers(self._country_doc)

    @cached_property
    def country_keys(self) -> dict[str, list[str]]:
        """Folded code, name and alias -> country codes."""
        keys: dict[str, list[str]] = {}
        for country in self.countries.values():
            for name in (country.code, country.name, *country.aliases):
                key = fold(name)
                if key and country.code not in keys.setdefault(key, []):
                    keys[key].append(country.code)
        return keys

    @cached_property
    def roles(self) -> dict[str, str]:
        """McDowell's basic role tag -> words (data/roles.toml)."""
        return loader.roles(self._doc("roles.toml"))

    # events.toml ---------------------------------------------------------------------------

    @cached_property
    def events(self) -> tuple[Event, ...]:
        return loader.events(self._layers("events.toml", "event"), self.origins)

    @cached_property
    def by_month_day(self) -> dict[str, list[Event | Mission | Launch]]:
        """`MM-DD` -> events, crewed launches and launches from Earth on that day, in time order.

        Records known only to the month or year are left out: they have no day.
        """
        days: dict[str, list[Event | Mission | Launch]] = {}
        records: list[Event | Mission | Launch] = [*self.events, *self.missions, *self.launches]
        for record in records:
            when = record.date if isinstance(record, Event | Launch) else record.launch
            if when.month_day:
                days.setdefault(when.month_day, []).append(record)
        for day in days.values():
            day.sort(key=lambda r: r.date.iso if isinstance(r, Event | Launch) else r.launch.iso)
        return days

    @cached_property
    def metas(self) -> dict[str, dict[str, Any]]:
        """The [meta] table of each file that has one."""
        docs = {
            "launches.toml": self.launch_meta,
            "missions.toml": self._mission_doc.get("meta", {}),
            "people.toml": self._people_doc.get("meta", {}),
        }
        return {name: doc if isinstance(doc, dict) else {} for name, doc in docs.items()}

    def meta(self, file: str) -> dict[str, Any]:
        return self.metas.get(file, {})

    def source_files(self) -> list[Path]:
        """Every file the dataset is read from, for cache keys."""
        files = [
            self.launch_file,
            *(
                self.directory / n
                for n in (
                    "missions.toml",
                    "people.toml",
                    "events.toml",
                    "countries.toml",
                    "roles.toml",
                    "expeditions.toml",
                    "payloads.toml",
                )
            ),
        ]
        files += [
            folder / n for folder in self.extra for n in ("missions.toml", "people.toml", "events.toml")
        ]
        return files

    def load_all(self) -> Dataset:
        """Parse and index every file now (for validation and timing)."""
        for name in ("sites", "launches", "launch_by_tag", "launches_by_year", "missions", "mission_keys"):
            getattr(self, name)
        for name in (
            "people",
            "person_keys",
            *KEPT_FACTS,
            "missions_of_person",
            "events",
            "countries",
            "formers",
            "roles",
        ):
            getattr(self, name)
        return self


def load(directory: Path | None = None) -> Dataset:
    return Dataset(directory)
