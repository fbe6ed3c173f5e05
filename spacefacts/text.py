"""Text rules shared by the build and the runtime: one fold for matching names (and the closest
names to a miss), one slug for ids, one way to write a duration.

`fold` is the key every lookup compares: the build stores names and aliases, the resolver folds
what the user typed, and both meet here, so "Mirosław" and "Miroslaw", "Solov'yov" and
"Soloviyov", "Apollo-11" and "apollo 11" find the same record. Light on purpose: imported on
every start-up.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from datetime import timedelta

# Letters NFKD does not decompose into a base letter plus an accent.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "\u0131": "i",  # dotless i
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "Þ": "Th",
    }
)
# Apostrophes vanish rather than split a word: Solov'yov, O'Connor, Kud'-Sverchkov.
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02b9`\u00b4]")
_NOT_WORD = re.compile(r"[\W_]+")
# Spellings of the same Russian sound in the transliterations our sources mix (McDowell's
# Solov'yov and Aleksey, cosmos-book's Soloviyov and Aleksei, English Solovyev and Alexei):
# applied in this order, to the lower-case ASCII text.
_VARIANTS = (
    (re.compile(r"x"), "ks"),  # Alexei / Aleksei
    (re.compile(r"kh"), "h"),  # Khrunov / Hrunov
    (re.compile(r"[iy]?y[oe]"), "e"),  # Solovyov / Solovyev / Soloviyov -> Solovev; Yelena / Elena
    (re.compile(r"(?<=[a-z])i?[iy]\b"), "i"),  # Yuriy / Yuri / Yury, Dobrovol'skiy / Dobrovolsky
    (re.compile(r"(?<=[a-z])i?[iy](?=[aeu])"), "i"),  # Andriyan / Andrian, Tsibliyev -> Tsiblev
    (re.compile(r"ie"), "e"),  # Soloviev -> Solovev
)
_ROMAN = re.compile(r"[ivxlc]+")


def ascii_fold(text: str) -> str:
    """Accents off and special letters spelt out (ł -> l, ß -> ss), case and punctuation kept.

    Letters of other scripts (Cyrillic, Han, Arabic) stay, without their combining marks.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The matching key: lower case, no accents, apostrophes dropped, other punctuation and
    spacing as single spaces, and Russian transliteration variants merged (see _VARIANTS)."""
    text = _APOSTROPHES.sub("", ascii_fold(text).lower())
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    if text.isascii():
        text = " ".join(map(_merge_variants, text.split(" ")))
    return text


def _merge_variants(word: str) -> str:
    if _ROMAN.fullmatch(word):  # Gemini XII, Shenzhou VI: numbers, not names
        return word
    for pattern, replacement in _VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def slug(text: str) -> str:
    """An id: lower-case ASCII, apostrophes dropped, other runs of non-alphanumerics as '-'."""
    text = _APOSTROPHES.sub("", ascii_fold(text).lower())
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def format_duration(value: timedelta | None, style: Literal["words", "clock"] = "words") -> str:
    """A duration for a reader ("12 d 3 h 5 min"), or with style="clock" as McDowell's lists
    write one, days:hours:minutes:seconds with a sign ("-0:01:02:03"), to compare with them."""
    if value is None:
        return "unknown"
    total = int(value.total_seconds())
    if style == "clock":
        sign, total = ("-" if total < 0 else ""), abs(total)
        return f"{sign}{total // 86400}:{total // 3600 % 24:02d}:{total // 60 % 60:02d}:{total % 60:02d}"
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h {minutes} min"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {seconds} s"


def suggest(query: str, keys: dict[str, list[str]], limit: int = 3) -> list[str]:
    """Ids whose folded names or aliases are closest to the query, best first (rapidfuzz WRatio,
    ties by id). Every alias counts, so a misspelt nickname finds its owner."""
    key = fold(query)
    if not key or len(key) > 60:  # nobody mistypes a name that long; comparing it would be slow
        return []
    from rapidfuzz import fuzz, process  # only a miss pays for the import

    ranked = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=None, score_cutoff=70)
    best: dict[str, float] = {}
    for choice, score, _ in ranked:
        for record_id in keys[choice]:
            best[record_id] = max(best.get(record_id, 0.0), score)
    return sorted(best, key=lambda i: (-best[i], i))[:limit]
