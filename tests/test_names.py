"""Names as English references write them, and every source spelling finding its person."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts import queries
from spacefacts.build import names
from spacefacts.dataset import Dataset
from spacefacts.errors import NotFound
from spacefacts.text import ascii_fold, fold

SCRIPT = Path(sys.executable).with_name("spacefacts")


def spellings(person) -> list[str]:  # type: ignore[no-untyped-def]
    """The person's source spellings and some folded variants of each."""
    out = []
    for s in (person.name, person.sort_name.replace("*", ""), *person.aliases):
        out += [s, s.upper(), ascii_fold(s), s.replace("-", " "), s.replace("'", "")]
    return out


def test_every_spelling_finds_its_person_and_no_one_else(ds: Dataset) -> None:
    shared_display: dict[str, list[str]] = {}
    for p in ds.people:
        shared_display.setdefault(fold(p.name), []).append(p.id)
    checked = 0
    for person in ds.people:
        for spelling in spellings(person):
            ids = ds.person_keys.get(fold(spelling), [])
            if spelling in (person.name, person.name.upper()) and len(shared_display[fold(person.name)]) > 1:
                assert sorted(ids) == sorted(shared_display[fold(person.name)]), spelling
                continue
            assert ids == [person.id], (person.id, spelling, ids)
            checked += 1
    assert checked > 10_000


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Yuri Gagarin", "Yuri Gagarin"),
        ("Yuriy Gagarin", "Yuri Gagarin"),
        ("Юрий Гагарин", "Yuri Gagarin"),
        ("Alexei Leonov", "Alexei Leonov"),
        ("Aleksey Leonov", "Alexei Leonov"),
        ("Sergei Krikalev", "Sergei Krikalev"),
        ("Valeri Polyakov", "Valeri Polyakov"),
        ("Buzz Aldrin", "Buzz Aldrin"),
        ("Edwin Aldrin", "Buzz Aldrin"),
        ("Pete Conrad", "Pete Conrad"),
        ("Deke Slayton", "Deke Slayton"),
        ("Jake Garn", "Jake Garn"),
        ("Gus Grissom", "Gus Grissom"),
        ("Tim Peake", "Tim Peake"),
        ("Frank Rubio", "Frank Rubio"),
        ("Katy Perry", "Katy Perry"),
        ("Koichi Wakata", "Koichi Wakata"),
        ("Wakata Koichi", "Koichi Wakata"),
        ("Bertalan Farkas", "Bertalan Farkas"),
        ("Charles Simonyi", "Charles Simonyi"),
        ("Yang Liwei", "Yang Liwei"),
        ("Mirosław Hermaszewski", "Mirosław Hermaszewski"),
        ("Miroslaw Hermaszewski", "Mirosław Hermaszewski"),
        ("Sławosz Uznański", "Sławosz Uznański-Wiśniewski"),
        ("Slawosz Uznanski", "Sławosz Uznański-Wiśniewski"),
        ("Georgi Dobrovolsky", "Georgi Dobrovolsky"),
        ("Dobrovol'skiy", "Georgi Dobrovolsky"),
        ("Nick Hague", "Nick Hague"),
        ("Chris Williams", "Christopher Williams"),
        ("Pedro Duque", "Pedro Duque"),
        ("Zhang Xiaoguang", "Zhang Xiaoguang"),
        ("Zhang Xiaoguan", "Zhang Xiaoguang"),
        ("Michaela Benthaus", "Michaela Benthaus"),
        ("Michael Benthaus", "Michaela Benthaus"),
    ],
)
def test_people_by_the_names_people_use(ds, query: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert queries.resolve_person(ds, query).name == name


def test_a_miss_suggests_by_every_alias(ds) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound) as miss:
        queries.resolve_person(ds, "Nik Hague")
    assert "did you mean: Nick Hague," in str(miss.value)
    assert queries.suggest("Gagarinn", ds.person_keys)[0] == "yuriy-gagarin"


@pytest.mark.parametrize(
    ("mcdowell", "citizen", "native", "cosmos", "display"),
    [
        (
            "Gagarin, Yuriy Alekseevich",
            "RU",
            "Гагарин, Юрий Алексеевич",
            "GAGARIN, Yuri Alekseyevich",
            "Yuri Gagarin",
        ),
        ("Aldrin, Edwin 'Buzz' Eugene, Jr", "US", "", 'ALDRIN, Edwin "Buzz"', "Buzz Aldrin"),
        ("Garn, Edwin *Jacob 'Jake'", "US", "", "GARN, Jake", "Jake Garn"),
        ("Hague, Tyler Nicklaus 'Nick'", "US", "", None, "Tyler Hague"),
        ("Hudson, Katheryn Elizabeth 'Katy Perry'", "US", "", None, "Katy Perry"),
        ("Wakata Koichi", "J", "若田 光一", "WAKATA, Koichi", "Koichi Wakata"),
        ("Yang Liwei", "CN", "杨利伟", "YANG, Liwei", "Yang Liwei"),
        ("Simonyi Karoly (Charles)", "US", "Simonyi Károly (Charles)", "SIMONYI, Charles", "Charles Simonyi"),
        (
            "Dobrovol'skiy, Georgiy Timofeevich",
            "UA",
            "Добровольский",
            "DOBROVOLSKY, Georgi",
            "Georgi Dobrovolsky",
        ),
        ("Afanas'ev, Viktor Mikhailovich", "RU", "Афанасьев", None, "Viktor Afanasyev"),
        ("Hermaszewski, Miroslaw", "PL", "Hermaszewski, Mirosław", None, "Mirosław Hermaszewski"),
    ],
)
def test_display_name_rule(
    mcdowell: str, citizen: str, native: str, cosmos: str | None, display: str
) -> None:
    assert names.person_names("AS-1", mcdowell, citizen, native, cosmos, None).display == display


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Yuri Gagarin", "Yuri Gagarin"),
        ("Chris Williams", "Christopher Williams"),
        ("Zhang Xiaoguan", "Zhang Xiaoguang"),
        ("Michael Benthaus", "Michaela Benthaus"),
    ],
)
def test_installed_script_finds_people_by_their_english_names(query: str, name: str) -> None:
    out = subprocess.run([str(SCRIPT), "person", query, "--json"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["name"] == name
