"""Reconcile, don't pick: every disagreement between McDowell and cosmos-book is settled.

The build report is generated from the sources (CI's `build_data.py --check` keeps it current), so
a new disagreement that no rule or curated correction settles shows up here as a failure.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from spacefacts.build import hsf, reconcile
from spacefacts.build.report import Report

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "data-report.md"


def figure(name: str) -> int:
    m = re.search(rf"^- {re.escape(name)}: (\d+)$", REPORT.read_text(encoding="utf-8"), re.M)
    assert m, f"no figure '{name}' in {REPORT}"
    return int(m.group(1))


def test_no_disagreement_is_left_unresolved() -> None:
    assert figure("disagreements unresolved") == 0
    assert "UNRESOLVED" not in REPORT.read_text(encoding="utf-8")
    total = figure("disagreements with cosmos-book")
    assert total > 0
    assert (
        figure("disagreements resolved by a rule") + figure("disagreements resolved by a curated correction")
        == total
    )


def test_every_correction_names_a_public_source() -> None:
    entries = tomllib.loads((ROOT / "curated" / "corrections.toml").read_text(encoding="utf-8"))["correction"]
    assert entries
    assert all(e["source"].startswith("http") for e in entries)


def ctx_for(rows: list[Any]) -> dict[str, Any]:
    return {
        "rows_by_id": {r.f["HSFID"]: r for r in rows},
        "people_by_no": {},
        "people_by_id": {},
        "tag_to_id": {},
        "gcat": {},
        "match_key": hsf.match_key,
        "surname_key": hsf.surname_key,
        "parse_iso": hsf.parse_iso,
        "differ": hsf.differ,
        "mission_keys": {},
        "launch_by_key": {},
    }


def resolve_test_landing(
    sources: Path, folder: Path
) -> tuple[list[reconcile.Correction], list[reconcile.Disagreement], Report]:
    """One landing disagreement (H99999: 2 or 3 January 2030), resolved with folder's corrections.toml."""
    row = hsf.Row(1, {"HSFID": "H99999", "LDate": "2030 Jan  1 0000:00"}, id="test-flight")
    found = [
        reconcile.Disagreement(
            "mission", "landing", "H99999", "H99999 test landing", "2030-01-02T00:00Z", "2030-01-03T00:00Z"
        )
    ]
    report = Report()
    return reconcile.resolve(found, sources, folder, ctx_for([row]), report), found, report


def test_a_new_disagreement_without_rule_or_correction_is_reported_unresolved(
    sources: Path, tmp_path: Path
) -> None:
    (tmp_path / "corrections.toml").write_text("", encoding="utf-8")
    applied, _, report = resolve_test_landing(sources, tmp_path)
    assert applied == []
    assert "UNRESOLVED" in report.markdown()
    assert "- disagreements unresolved: 1" in report.markdown()


def test_a_curated_correction_settles_it_and_names_its_source(sources: Path, tmp_path: Path) -> None:
    (tmp_path / "corrections.toml").write_text(
        '[[correction]]\nrecord = "mission"\nkey = "H99999"\nfield = "landing"\n'
        'value = "2030-01-03T00:00Z"\nsource = "https://example.org/press-kit"\n',
        encoding="utf-8",
    )
    applied, found, report = resolve_test_landing(sources, tmp_path)
    assert [(c.key, c.value) for c in applied] == [("H99999", "2030-01-03T00:00Z")]
    assert found[0].winner == "cosmos"
    assert "https://example.org/press-kit" in report.markdown()


@pytest.mark.parametrize(
    ("mission", "landing"),
    [("soyuz-tma-16", "2010-03-18"), ("soyuz-tma-18m", "2016-03-02"), ("vostok-1", "1961-04-12T07:55Z")],
)
def test_reconciled_landings_reach_the_data(ds: Any, mission: str, landing: str) -> None:
    assert ds.mission_by_id[mission].landing.iso.startswith(landing)


@pytest.mark.parametrize(
    ("person", "field", "value"),
    [
        ("AS-00344", "born", "1959-08-29"),  # Chris Hadfield
        ("AS-00003", "born", "1926-04-03"),  # Gus Grissom
        ("AS-00683", "born", "1970-11-03"),  # Jeanette Epps
        ("AS-00545", "born", "1976-05-03"),  # Alexander Gerst (tidytuesday's birth year)
        ("AS-00478", "born", "1970-07-28"),  # Robert Behnken
        ("AS-00008", "died", "2004-07-03"),  # Andriyan Nikolayev
    ],
)
def test_reconciled_people_reach_the_data(ds: Any, person: str, field: str, value: str) -> None:
    found = next(p for p in ds.people if p.astro_no == person)
    assert getattr(found, field).iso == value
