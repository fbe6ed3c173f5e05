"""Payloads and probes: every GCAT payload, famous ones by common name, their cards and the build."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from spacefacts import payloads
from spacefacts.build import atlas
from spacefacts.build import payloads as build_payloads
from spacefacts.build.report import Report
from spacefacts.dataset import Dataset
from spacefacts.errors import Ambiguous, NotFound
from spacefacts.model import Mission
from spacefacts.search import search

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("spacefacts")

# The payloads the issue names, by the names people use (curated/payload_names.toml).
FAMOUS = [
    "Sputnik 1", "Sputnik 2", "Explorer 1", "Vanguard 1", "Luna 2", "Luna 3", "Luna 9", "Venera 7",
    "Mariner 2", "Mariner 4", "Viking 1", "Viking 2", "Voyager 1", "Voyager 2", "Pioneer 10",
    "Pioneer 11", "Hubble", "Mir", "Zarya", "Skylab", "Salyut 1", "Tiangong-1", "JWST", "Chang'e 3",
    "Chang'e 4", "Chang'e 5", "Chang'e 6", "Chandrayaan-3", "SLIM", "Perseverance", "Curiosity",
    "Spirit", "Opportunity", "New Horizons", "Cassini-Huygens", "Juno", "Rosetta", "Hayabusa",
    "Hayabusa 2", "OSIRIS-REx", "Parker Solar Probe", "Europa Clipper",
]  # fmt: skip


@lru_cache(maxsize=1)
def raw_payloads() -> dict[str, Any]:
    with (ROOT / "data" / "payloads.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_every_gcat_payload_row_is_in_the_dataset(ds: Dataset, sources: Path) -> None:
    expected = 0
    by_tag: dict[str, list[str]] = {}
    for name in ("launchlog.tsv", "launchlog-2025-2026.tsv"):
        tags: dict[str, list[str]] = {}
        for line in (sources / "gcat" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            tags.setdefault(fields[0], []).append(fields[3])
        by_tag.update(tags)  # the newer edition replaces a launch it also holds
    expected = sum(1 for types in by_tag.values() for t in types if t.startswith("P"))
    assert len(payloads.payloads_of(ds).rows) == expected


@pytest.mark.parametrize("name", FAMOUS)
def test_famous_payloads_have_cards_with_launch_dates(ds: Dataset, name: str) -> None:
    found = payloads.resolve(ds, name)
    assert isinstance(found, payloads.Payload), name
    card = payloads.card(ds, found)
    assert card.famous is not None and card.launch is not None
    assert card.famous.source.startswith("https://")
    assert card.launch.date.iso[:10] == ds.launch_by_tag[found.launch].date.iso[:10]


@pytest.mark.parametrize(
    ("name", "kind", "body", "day"),
    [
        ("Voyager 2", "flyby", "Uranus", "1986-01-24"),
        ("Opportunity", "rover", "Mars", "2004-01-25"),
        ("Chang'e 4", "landing", "the Moon", "2019-01-03"),
        ("Luna 2", "impact", "the Moon", "1959-09-13"),
        ("Mir", "re-entry", "Earth", "2001-03-23"),
        ("New Horizons", "flyby", "Pluto", "2015-07-14"),
    ],
)
def test_visits_on_cards(ds: Dataset, name: str, kind: str, body: str, day: str) -> None:
    card = payloads.card(ds, payloads.resolve(ds, name))  # type: ignore[arg-type]
    assert [v for v in card.visits if (v.kind, v.body, v.date.iso[:10]) == (kind, body, day)]
    assert [v.date.iso for v in card.visits] == sorted(v.date.iso for v in card.visits)


def test_names_pieces_and_tags(ds: Dataset) -> None:
    hubble = payloads.resolve(ds, "1990-037B")
    assert isinstance(hubble, payloads.Payload) and hubble.name == "Hubble Space Telescope"
    assert payloads.display_name(ds, payloads.resolve(ds, "1957 alp 2")) == "Sputnik 1"  # type: ignore[arg-type]
    crewed = payloads.resolve(ds, "2018-098")
    assert isinstance(crewed, Mission) and crewed.id == "soyuz-ms-11"
    assert isinstance(payloads.resolve(ds, "Soyuz MS-11"), Mission)
    zarya = payloads.resolve(ds, "Zarya")
    assert isinstance(zarya, payloads.Payload) and zarya.piece == "1998-067A"
    spirit = payloads.resolve(ds, "2003-027")  # a launch tag: the first payload GCAT lists
    assert isinstance(spirit, payloads.Payload) and spirit.name == "Spirit Rover"


@pytest.mark.parametrize(
    ("query", "names"), [("voyager", {"Voyager 1", "Voyager 2"}), ("tiangong", {"Tianhe"})]
)
def test_true_ambiguities_list_the_candidates(ds: Dataset, query: str, names: set[str]) -> None:
    with pytest.raises(Ambiguous) as err:
        payloads.resolve(ds, query)
    assert all(n in str(err.value) for n in names)


def test_unknown_names_suggest(ds: Dataset) -> None:
    with pytest.raises(NotFound, match="no mission matches 'voyagr 2'"):
        payloads.resolve(ds, "voyagr 2")


@pytest.mark.parametrize(
    ("text", "wanted"), [("Hubble", "1990-037B"), ("Laika", "1957 BET 1"), ("Voyager", "1977-076A")]
)
def test_search_finds_famous_payloads_first(ds: Dataset, text: str, wanted: str) -> None:
    hits = search(ds, text)
    payload_hits = [h.id for h in hits if h.kind == "payload"]
    assert wanted in payload_hits[:3], payload_hits


@pytest.mark.acceptance
def test_curated_names_match_gcat_rows_and_cite_sources() -> None:
    doc = raw_payloads()
    jcats = {row[0]: row for row in doc["payloads"]["rows"]}
    for famous in doc["famous"]:
        assert famous["jcat"] in jcats
        assert famous["source"].startswith(("https://", "http://"))
        for visit in famous.get("visit", []):
            assert visit["source"], famous["id"]


def test_atlas_dates_count_months_from_zero() -> None:
    assert atlas.iso("new Date(1968, 8, 18)") == "1968-09-18"
    assert atlas.iso("new Date(1973, 10, 3, 5, 45)") == "1973-11-03"  # local time: the day only
    assert atlas.iso("new Date('1962-12-14T12:00:00Z')") == "1962-12-14"  # noon placeholder
    assert atlas.iso("new Date('1959-09-13T21:02:24Z')") == "1959-09-13T21:02:24Z"


def test_every_atlas_visit_is_read(sources: Path) -> None:
    crafts = atlas.read(sources / "atlasofspace")
    assert len(crafts) == 79
    text = "".join((sources / "atlasofspace" / "spacecraft" / f).read_text() for f in atlas.FILES)
    live = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    assert sum(len(c.visits) for c in crafts) == sum(line.count("type: SpacecraftVisitType") for line in live)


def test_merge_rule_pairs_visits_and_reports_disagreements() -> None:
    report = Report()
    atlas_visits = [
        {"body": "Uranus", "kind": "flyby", "date": "1985-11-04", "end": "1986-02-25", "source": "atlas a"},
        {"body": "Mars", "kind": "flyby", "date": "1965-07-15T01:00:57Z", "source": "atlas b"},
        {"body": "Ryugu", "kind": "orbit", "date": "2018-06-27", "source": "atlas c"},
    ]
    cosmos = [
        {"body": "Uranus", "kind": "flyby", "date": "1986-01-24", "source": "cosmos a"},
        {"body": "Mars", "kind": "flyby", "date": "1965-07-14", "source": "cosmos b"},
        {"body": "(162173) Ryugu", "kind": "orbit", "date": "2018-06-27T09:35Z", "source": "cosmos c"},
    ]
    merged = build_payloads._merge("probe", atlas_visits, cosmos, report)
    dates = sorted(v["date"] for v in merged)
    # A window gives way to the closest approach; a single instant wins; the same day keeps the finer time.
    assert dates == ["1965-07-15T01:00:57Z", "1986-01-24", "2018-06-27T09:35Z"]
    assert len(report.sections[build_payloads.DISAGREE]) == 2


def test_installed_script_shows_uncrewed_cards_and_search() -> None:
    card = subprocess.run(
        [str(SCRIPT), "mission", "Voyager 2", "--json"], capture_output=True, text=True, check=True
    )
    data = json.loads(card.stdout)
    assert data["kind"] == "payload" and data["piece"] == "1977-076A"
    assert data["launch"]["utc"].startswith("1977-08-20")
    assert any(v["body"] == "Uranus" and v["date"]["utc"] == "1986-01-24" for v in data["visits"])
    found = subprocess.run(
        [str(SCRIPT), "search", "Hubble", "--json"], capture_output=True, text=True, check=True
    )
    assert "1990-037B" in [h["id"] for h in json.loads(found.stdout)["hits"]]
    text = subprocess.run([str(SCRIPT), "mission", "Sputnik 1"], capture_output=True, text=True, check=True)
    assert text.stdout.startswith("Sputnik 1") and "1957-10-04" in text.stdout
