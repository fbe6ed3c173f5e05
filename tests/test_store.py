"""The dataset store (spacefacts.cache): records kept by their model fields, keyed to those fields."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from spacefacts import cache, dataset, loader, prebuilt
from spacefacts.model import Country, Event, Former, Launch, Mission, Person, Site


def test_every_record_type_round_trips_through_its_fields(ds: dataset.Dataset) -> None:
    samples: list[Launch | Mission | Site | Event | Country | Former | Person] = [
        ds.launch_by_tag["2018-098"],
        ds.mission_by_id["soyuz-ms-11"],
        *ds.sites.values(),
        *ds.events[:50],
        *ds.countries.values(),
        *ds.formers,
        *(p for p in ds.people if p.evas and p.returns),
    ]
    assert {type(x).__name__ for x in samples} == {
        "Launch", "Mission", "Site", "Event", "Country", "Former", "Person"
    }  # fmt: skip
    for record in samples:
        c = cache.codec(type(record))  # type: ignore[arg-type]  # classes hash; mypy reads eq dataclasses as unhashable
        row = c.encode(record)
        assert c.decode(row) == record
        assert len(row) == len(c.names)


def test_a_row_is_the_fields_in_order_with_times_and_nested_records_as_rows(ds: dataset.Dataset) -> None:
    mission = ds.mission_by_id["soyuz-ms-11"]
    row = cache.codec(Mission).encode(mission)
    assert row[cache.codec(Mission).names.index("launch")] == (mission.launch.iso, mission.launch.uncertain)
    crew = row[cache.codec(Mission).names.index("crew")]
    assert crew == tuple((seat.person, seat.role) for seat in mission.crew)
    launch = ds.launch_by_tag["2018-098"]
    assert cache.codec(Launch).encode(launch)[:2] == ("2018-098", (launch.date.iso, launch.date.uncertain))


def test_a_row_of_another_shape_is_refused(ds: dataset.Dataset) -> None:
    row = cache.codec(Person).encode(ds.people[0])
    with pytest.raises(ValueError, match="fields"):
        cache.codec(Person).decode(row[:-1])


def test_the_key_names_every_field_of_every_stored_type(monkeypatch: pytest.MonkeyPatch) -> None:
    ds = dataset.Dataset()
    before, key_before = cache.schema(), cache.key(ds)
    assert all(f"('{name}'," in before for name in ("aliases", "accident_source", "returns", "earth"))

    @dataclass(frozen=True)
    class Wider:  # as if a stored type had gained a field
        iso: str
        note: str

    monkeypatch.setattr(cache, "MODELS", (*cache.MODELS, Wider))
    cache.schema.cache_clear()
    try:
        assert "('note', 'str')" in cache.schema()
        assert cache.key(ds) != key_before
    finally:
        monkeypatch.undo()
        cache.schema.cache_clear()
    assert cache.key(ds) == key_before


def test_stored_payloads_answer_as_the_parsed_ones(tmp_path: Path) -> None:
    from spacefacts import payload_store, payloads

    ds = cache.load(dataset.Dataset(), tmp_path)
    parsed = payloads._parse(ds)
    payloads.payloads_of(ds)  # writes payloads.cache and payload-rows.cache
    again = cache.load(dataset.Dataset(), tmp_path)
    stored = payloads.payloads_of(again)
    assert isinstance(stored.rows, payload_store._TextRows)  # really from the store
    assert len(stored.rows) == len(parsed.rows)
    assert list(stored.rows) == list(parsed.rows)
    assert stored.rows[-1] == parsed.rows[-1]
    assert stored.famous == parsed.famous and stored.owners == parsed.owners
    assert stored.famous_rows and all(stored.by_jcat(f.jcat) == parsed.by_jcat(f.jcat) for f in parsed.famous)
    assert isinstance(stored.keys, payload_store._TextIndex)
    assert stored.keys.as_dict() == parsed.keys
    assert all(stored.keys[key] == parsed.keys[key] for key in list(parsed.keys)[::997])
    assert stored.keys.get("no such payload") is None
    assert "\n" not in stored.keys and "a\tb" not in stored.keys


@pytest.mark.acceptance  # a full build (3 s); CI also runs build_store.py --check
def test_the_shipped_store_is_current() -> None:
    import runpy

    built = runpy.run_path(str(Path(__file__).resolve().parents[1] / "scripts" / "build_store.py"))
    key, found = built["build"]()
    assert key == prebuilt.content_key(dataset.Dataset(use_imported=False), cache.store_version())
    prebuilt._FOUND.clear()
    shipped = prebuilt.entries(dataset.Dataset(use_imported=False), cache.store_version())
    assert shipped is not None, "data/prebuilt.store is not current: run python scripts/build_store.py"
    assert built["contents"](shipped) == built["contents"](found)


def test_the_first_run_reads_the_shipped_store_not_the_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ds: dataset.Dataset
) -> None:
    prebuilt._FOUND.clear()
    if prebuilt.entries(dataset.Dataset(use_imported=False), cache.store_version()) is None:
        pytest.fail("data/prebuilt.store is not current: run python scripts/build_store.py")
    monkeypatch.setattr(dataset, "read_toml", _no_toml)
    monkeypatch.setattr(loader, "read_toml", _no_toml)
    first = cache.load(dataset.Dataset(use_imported=False), tmp_path)
    assert (tmp_path / cache.FILE).is_file()  # and kept in the user cache as usual
    assert first.mission_by_id["soyuz-ms-11"] == ds.mission_by_id["soyuz-ms-11"]
    assert first.people == ds.people and first.launches == ds.launches
    assert list(first.search_index) == list(ds._search_entries())
    assert (tmp_path / "search.cache").is_file()


def _no_toml(path: Path) -> dict[str, object]:
    raise AssertionError(f"parsed {path}")


def test_a_store_built_for_other_data_is_ignored(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(dataset.builtin_data_dir(), data)
    ds = dataset.Dataset(data)
    assert prebuilt.content_key(ds, cache.store_version()) is None  # not the built-in folder
    real = prebuilt.content_key(dataset.Dataset(use_imported=False), cache.store_version())
    assert real is not None
    edited = tmp_path / "events.toml"  # the built-in folder with one file edited
    edited.write_bytes((dataset.builtin_data_dir() / "events.toml").read_bytes() + b"\n")
    other = dataset.Dataset(use_imported=False)
    files = [edited if f.name == "events.toml" else f for f in other.source_files()]
    other.source_files = lambda: files  # type: ignore[method-assign]
    assert prebuilt.content_key(other, cache.store_version()) != real


def test_search_entries_find_the_lines_that_hold_a_word() -> None:
    from spacefacts.textindex import SearchEntries

    built = (
        ("mission", "a", "Apollo 11", "1969-07-16", 2, ("apollo 11", "apollo11")),
        ("launch", "b", "Nothing", "", 0, ()),
        ("person", "c", "Pollock", "US", 2, ("pollock", "apollonia")),
    )
    entries = SearchEntries.of(built)
    stored = SearchEntries.decode(entries.encode())
    assert list(stored) == list(built) and len(stored) == 3 and stored[2] == built[2]
    for word in ("apollo", "poll", "11", "zz", "a"):
        expected = [i for i, entry in enumerate(built) if any(word in name for name in entry[5])]
        assert stored.lines_holding(word) == entries.lines_holding(word) == expected
    soyuz = SearchEntries.of((("mission", "s", "Soyuz MS-11", "", 2, ("soyuz ms 11",)),))
    assert soyuz.lines_holding("soyuzms") == [] and soyuz.lines_holding("soyuzms", squeezed=True) == [0]
    with pytest.raises(ValueError):
        SearchEntries.of((("event", "d", "a\tb", "", 1, ("ab",)),)).encode()


@pytest.mark.acceptance  # builds every entry in a fresh Python (3 s): CI runs it
def test_every_module_that_shapes_the_store_is_in_its_key() -> None:
    # In a fresh Python: every entry built from the TOML, then the package's modules that were imported.
    root = Path(__file__).resolve().parents[1]
    script = (
        "import sys, runpy\n"
        f"built = runpy.run_path({str(root / 'scripts' / 'build_store.py')!r})\n"
        "built['build']()\n"
        "print('\\n'.join(m.__file__ for n, m in sorted(sys.modules.items()) if n.startswith('spacefacts')))\n"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=True
    )
    package = Path(prebuilt.__file__).resolve().parent
    used = {Path(f).resolve().relative_to(package).as_posix() for f in done.stdout.split()}
    # The key's own machinery, and the version (in the key itself), do not shape what is stored.
    assert "today/ranking.py" in used and "payloads.py" in used
    assert used - {"__init__.py", "classcode.py", "prebuilt.py"} <= set(prebuilt.CODE)
