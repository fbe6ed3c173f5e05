"""The dataset store (spacefacts.cache): records kept by their model fields, keyed to those fields."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from spacefacts import cache, dataset
from spacefacts.model import Launch, Mission, Person


def test_every_record_type_round_trips_through_its_fields(ds: dataset.Dataset) -> None:
    samples = [
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
        c = cache.codec(type(record))
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
