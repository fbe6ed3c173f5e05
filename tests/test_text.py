"""The one fold shared by the build and the resolver."""

import pytest

from spacefacts.text import ascii_fold, fold, slug


@pytest.mark.parametrize(
    "variants",
    [
        ("Solovyev", "Solov'yov", "Soloviyov", "Soloviev"),
        ("Mirosław Hermaszewski", "Miroslaw Hermaszewski", "MIROSLAW  hermaszewski"),
        ("Sławosz Uznański", "Slawosz Uznanski"),
        ("Yuri Gagarin", "Yuriy Gagarin", "Yury Gagarin"),
        ("Alexei Leonov", "Aleksei Leonov", "Aleksey Leonov"),
        ("Sergei Krikalev", "Sergey Krikalyov"),
        ("Georgiy Dobrovol'skiy", "Georgi Dobrovolsky"),
        ("Khrunov", "Hrunov"),
        ("Andriyan Nikolayev", "Andrian Nikolaev"),
        ("Fyodor Yurchikhin", "Fedor Yurchihin"),
        ("Apollo-11", "apollo 11", "APOLLO_11"),
        ("Straße", "Strasse"),
        ("Ørsted", "Orsted"),
    ],
)
def test_spellings_of_one_name_fold_alike(variants: tuple[str, ...]) -> None:
    assert len({fold(v) for v in variants}) == 1, [fold(v) for v in variants]


@pytest.mark.parametrize("different", [("Gemini XI", "Gemini XII"), ("Shenzhou VI", "Shenzhou VII")])
def test_roman_numerals_are_not_transliterated(different: tuple[str, str]) -> None:
    assert fold(different[0]) != fold(different[1])


def test_other_scripts_keep_their_letters() -> None:
    assert fold("Юрий Гагарин") == fold("Юрий  Гагарин") != ""
    assert fold("杨利伟") == "杨利伟"


def test_ascii_fold_keeps_case_and_slug_is_ascii() -> None:
    assert ascii_fold("Mirosław Jähn") == "Miroslaw Jahn"
    assert slug("Kud'-Sverchkov, Sergey") == "kud-sverchkov-sergey"
    assert slug("Гагарин") == ""


def test_one_duration_formatter_in_words_and_as_mcdowell_writes_it() -> None:
    from datetime import timedelta

    from spacefacts.text import format_duration

    span = timedelta(days=2, hours=3, minutes=4, seconds=5)
    assert format_duration(span) == "2 d 3 h 4 min"
    assert format_duration(timedelta(minutes=4, seconds=5)) == "4 min 5 s"
    assert format_duration(None) == "unknown"
    assert format_duration(span, "clock") == "2:03:04:05"
    assert format_duration(-span, "clock") == "-2:03:04:05"
