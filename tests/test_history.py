"""in-space and records: CLI output, and every record recomputed independently from the records."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spacefacts import history
from spacefacts.cli import app
from tests.shared_data import builtin_dataset

DS = builtin_dataset()
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def own_end(person_id: str, mission_id: str) -> datetime | None:
    person = DS.person_by_id[person_id]
    back = [r for r in person.returns if r.mission == mission_id]
    end = back[0].landing if back else DS.mission_by_id[mission_id].landing
    return end.start if end else None


def test_in_space_2018_12_04_json() -> None:
    code, out, _ = run("in-space", "--date", "2018-12-04", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["count"] == 6
    assert {p["mission"] for p in result["people"]} == {"soyuz-ms-09", "soyuz-ms-11"}


def test_in_space_1961_has_gagarin_only_during_his_flight() -> None:
    during = json.loads(run("in-space", "--date", "1961-04-12T07:00", "--json")[1])
    assert [p["id"] for p in during["people"]] == ["yuriy-gagarin"]
    after = json.loads(run("in-space", "--date", "1961-04-12T09:00", "--json")[1])
    assert after["count"] == 0


def test_in_space_after_the_data_warns_on_stderr() -> None:
    code, out, err = run("in-space", "--date", "2026-11-01", "--json")
    assert code == 0
    assert "crew data ends 2026-07-03" in err
    assert json.loads(out)["beyond_data"] is True


def test_in_space_bad_date_is_usage_error() -> None:
    code, _, err = run("in-space", "--date", "yesterday")
    assert code == 2 and err.count("\n") == 1


@pytest.mark.parametrize("moment", ["1965-03-18T09:00", "1995-06-29", "2001-06-01", "2024-07-01"])
def test_in_space_matches_a_brute_force_count(moment: str) -> None:
    at = history.parse_moment(moment)
    expected = set()
    for m in DS.missions:
        if m.kind == "abort" or m.launch.start > at:
            continue
        for seat in m.crew:
            end = own_end(seat.person, m.id)
            if end is None or end >= at:
                expected.add(seat.person)
    assert {a.person.id for a in history.in_space(DS, at).aloft} == expected


def stays(as_of: datetime) -> dict[str, list[timedelta]]:
    out: dict[str, list[timedelta]] = {}
    for m in DS.missions:
        if m.kind == "abort" or m.launch.start > as_of:
            continue
        for seat in m.crew:
            end = own_end(seat.person, m.id)
            stop = as_of if end is None or end > as_of else end
            out.setdefault(seat.person, []).append(stop - m.launch.start)
    return out


@pytest.mark.parametrize("as_of", ["1970-01-01", "1990-06-30", "2026-11-26"])
def test_records_recomputed(as_of: str) -> None:
    at = datetime.fromisoformat(as_of).replace(hour=12, tzinfo=UTC)
    result = {r.key: r for r in history.records(DS, at).records}
    flights = stays(at)
    longest = max(max(v) for v in flights.values())
    holder = result["longest_single_flight"].holder
    assert holder is not None and max(flights[holder.id]) == longest
    most = max(sum(v, timedelta()) for v in flights.values())
    holder = result["most_time_in_space"].holder
    assert holder is not None and sum(flights[holder.id], timedelta()) == most
    holder = result["most_flights"].holder
    assert holder is not None and len(flights[holder.id]) == max(len(v) for v in flights.values())
    evas = {p.id: sum(1 for e in p.evas if e.start.start <= at) for p in DS.people}
    holder = result["most_evas"].holder
    assert holder is not None and evas[holder.id] == max(evas.values())
    ages = []
    for m in DS.missions:
        if m.kind == "abort" or m.launch.start > at:
            continue
        for seat in m.crew:
            born = DS.person_by_id[seat.person].born
            if born is not None and born.precision == "day":
                ages.append(((m.launch.start.date() - born.start.date()).days, seat.person))
    holder = result["youngest_at_launch"].holder
    assert holder is not None and holder.id in {p for d, p in ages if d == min(ages)[0]}
    holder = result["oldest_at_launch"].holder
    assert holder is not None and holder.id in {p for d, p in ages if d == max(ages)[0]}


def test_records_differ_between_1970_and_today() -> None:
    then = json.loads(run("records", "--as-of", "1970-01-01", "--json")[1])
    now = json.loads(run("records", "--json")[1])
    then_holders = {r["key"]: {h["id"] for h in r["holders"]} for r in then["records"]}
    now_holders = {r["key"]: {h["id"] for h in r["holders"]} for r in now["records"]}
    # Gemini 7's crew share the longest flight as of 1970: a tie lists both.
    assert then_holders["longest_single_flight"] == {"frederick-borman", "james-lovell"}
    assert now_holders["longest_single_flight"] == {"valeriy-polyakov"}
    assert now_holders["most_orbital_flights"] == {"jerry-ross", "franklin-chang-diaz"}
    assert next(r for r in now["records"] if r["key"] == "most_orbital_flights")["tie"] is True
    assert len(now["national_firsts"]) > len(then["national_firsts"]) == 2


def test_records_after_the_data_settles_are_kept_and_equal_the_computed_ones(tmp_path: Path) -> None:
    from spacefacts import cache, dataset

    stored = cache.load(dataset.Dataset(use_imported=False), tmp_path)
    settled, _ = history._settled(stored)
    assert settled is not None
    for as_of in (settled, settled + timedelta(days=1), datetime(2100, 1, 1, tzinfo=UTC)):
        kept = history.records(stored, as_of)
        assert (tmp_path / "records.cache").is_file()
        assert kept == history._records(stored, as_of)
        assert kept.as_of == as_of
    # Before it settles, every as-of moment is computed: a flight still up counts to the moment.
    earlier = settled - timedelta(days=400)
    assert history.records(stored, earlier) == history._records(stored, earlier)
    assert history.records(stored, earlier).counted_to == earlier


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(1961, 4, 1), max_value=datetime(2027, 1, 1)))
def test_in_space_decodes_only_who_is_up_and_finds_what_flights_by_finds(when: datetime) -> None:
    moment = when.replace(tzinfo=UTC)
    expected = sorted(
        (p.id, m.id) for m, p, end in history.flights_by(DS, moment) if end is None or end.start >= moment
    )
    found = sorted((a.person.id, a.mission.id) for a in history.in_space(DS, moment).aloft)
    assert found == expected
